package org.wenjin.ui.audit;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.wenjin.api.AuditCsv;
import org.wenjin.api.AuditJson;
import org.wenjin.audit.domain.AuditQuery;
import org.wenjin.audit.interfaces.AuditFacade;

/**
 * Export links of the audit page: the events of the filter in force when clicked, streamed as CSV
 * or JSON Lines straight from the database to the browser, the same files the API gives.
 */
final class AuditDownloads {

  private AuditDownloads() {}

  static Anchor link(AuditFacade audit, Supplier<AuditQuery> filter, String format, String text) {
    DownloadHandler handler =
        event -> {
          boolean csv = "csv".equals(format);
          event.setFileName("audit-" + LocalDate.now(ZoneOffset.UTC) + "." + format);
          event.setContentType((csv ? "text/csv" : "application/x-ndjson") + "; charset=UTF-8");
          AuditQuery query = filter.get();
          Writer out =
              new BufferedWriter(
                  new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
          if (csv) {
            try (AuditCsv rows = new AuditCsv(out)) {
              audit.export(
                  query,
                  e -> {
                    rows.write(e);
                    return true;
                  });
            }
          } else {
            try (out) {
              audit.export(query, e -> line(out, AuditJson.event(e).toString()));
            }
          }
        };
    Anchor link = new Anchor(handler, text);
    link.getElement().setAttribute("download", true);
    return link;
  }

  private static boolean line(Writer out, String json) {
    try {
      out.append(json).append('\n');
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
