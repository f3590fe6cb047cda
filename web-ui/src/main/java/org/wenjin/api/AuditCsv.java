package org.wenjin.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.wenjin.audit.interfaces.AuditEventDto;

/**
 * Audit events as CSV (RFC 4180, one row per event), for spreadsheets. Questions and answers are
 * untrusted text: a cell that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code
 * -}, {@code @}, tab, CR) gets a leading apostrophe, the usual defence against CSV injection.
 */
public final class AuditCsv implements AutoCloseable {

  private static final String[] HEADER = {
    "id",
    "seq",
    "at",
    "type",
    "user",
    "conversation_id",
    "turn_id",
    "model",
    "backend",
    "status",
    "rating",
    "comment",
    "question",
    "answer",
    "documents",
    "cited_documents",
    "queue_ms",
    "first_token_ms",
    "total_ms",
    "tokens_in",
    "tokens_out",
    "error",
    "detail",
    "hash"
  };

  private final CSVPrinter printer;

  public AuditCsv(Writer out) {
    try {
      this.printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(AuditEventDto e) {
    try {
      printer.printRecord(
          e.id(),
          e.seq(),
          e.at(),
          e.type(),
          cell(e.user()),
          e.conversationId(),
          e.turnId(),
          cell(e.model()),
          cell(e.backend()),
          e.status(),
          e.rating(),
          cell(e.comment()),
          cell(e.question()),
          cell(e.answer()),
          e.documentIds().stream().map(String::valueOf).collect(Collectors.joining(" ")),
          e.passages().stream()
              .filter(AuditEventDto.Shown::cited)
              .map(p -> String.valueOf(p.documentId()))
              .distinct()
              .collect(Collectors.joining(" ")),
          e.queueMs(),
          e.firstTokenMs(),
          e.totalMs(),
          e.tokensIn(),
          e.tokensOut(),
          cell(e.error()),
          "exchange".equals(e.type()) ? null : cell(e.detail()),
          e.hash());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + value
        : value;
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
