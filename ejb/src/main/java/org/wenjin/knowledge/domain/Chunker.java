package org.wenjin.knowledge.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a document's blocks into chunks that respect its structure: a chunk never spans two sections
 * (headings), fills up with whole paragraphs, splits a long paragraph at sentence ends (Chinese
 * 。！？； and English . ! ? ;) and cuts mid-sentence only when one sentence alone is longer than a
 * chunk.
 */
public final class Chunker {

  /** A sentence ends after CJK end punctuation, or after . ! ? ; followed by a space. */
  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[。！？；!?])|(?<=[.;:])(?=\\s)|(?<=\\n)");

  private final ChunkingRules rules;

  public Chunker(ChunkingRules rules) {
    this.rules = rules;
  }

  public List<Chunk> chunk(List<TextBlock> blocks) {
    List<Chunk> chunks = new ArrayList<>();
    Builder current = null;
    for (TextBlock block : blocks) {
      for (Piece piece : pieces(block)) {
        if (current != null
            && (!current.heading.equals(block.heading())
                || !java.util.Objects.equals(current.page(), piece.page))) {
          current.emit(chunks);
          current = null;
        }
        if (current != null && current.length() + 1 + piece.text.length() > rules.size()) {
          Builder next = current.carryOver(rules.overlap());
          current.emit(chunks);
          boolean fits = next.length() + 1 + piece.text.length() <= rules.size();
          current = fits ? next : null;
        }
        if (current == null) {
          current = new Builder(block.heading());
        }
        current.add(piece);
      }
    }
    if (current != null) {
      current.emit(chunks);
    }
    return chunks;
  }

  /** A block as sentences, each no longer than a chunk. */
  private List<Piece> pieces(TextBlock block) {
    String text = block.text();
    List<Piece> pieces = new ArrayList<>();
    int from = 0;
    Matcher m = SENTENCE_END.matcher(text);
    while (from < text.length()) {
      int end = m.find(from + 1) ? m.end() : text.length();
      if (end <= from) {
        end = text.length();
      }
      addSentence(pieces, text, from, end, block);
      from = end;
    }
    return pieces;
  }

  private void addSentence(List<Piece> pieces, String text, int from, int end, TextBlock block) {
    for (int s = from; s < end; s += rules.size()) {
      int e = Math.min(end, s + rules.size());
      String sentence = text.substring(s, e).strip();
      if (!sentence.isEmpty()) {
        pieces.add(new Piece(sentence, block.page(), block.start() + s, block.start() + e));
      }
    }
  }

  private record Piece(String text, Integer page, int start, int end) {}

  private static final class Builder {
    final String heading;
    final List<Piece> pieces = new ArrayList<>();
    int length;

    Builder(String heading) {
      this.heading = heading;
    }

    void add(Piece piece) {
      length += (pieces.isEmpty() ? 0 : 1) + piece.text.length();
      pieces.add(piece);
    }

    int length() {
      return length;
    }

    Integer page() {
      return pieces.isEmpty() ? null : pieces.get(0).page;
    }

    /** A new builder that starts with this one's last sentences, up to {@code overlap} chars. */
    Builder carryOver(int overlap) {
      Builder next = new Builder(heading);
      int taken = 0;
      int i = pieces.size();
      while (i > 1 && taken + pieces.get(i - 1).text.length() <= overlap) {
        taken += pieces.get(i - 1).text.length();
        i--;
      }
      for (Piece p : pieces.subList(i, pieces.size())) {
        next.add(p);
      }
      return next;
    }

    void emit(List<Chunk> chunks) {
      if (pieces.isEmpty()) {
        return;
      }
      StringBuilder text = new StringBuilder(length);
      for (Piece p : pieces) {
        if (!text.isEmpty()) {
          text.append(joiner(text, p.text));
        }
        text.append(p.text);
      }
      Piece first = pieces.get(0);
      chunks.add(
          new Chunk(
              chunks.size(),
              text.toString(),
              first.page,
              heading,
              first.start,
              pieces.get(pieces.size() - 1).end));
    }

    /** No space between two CJK sentences; a space elsewhere. */
    private static String joiner(StringBuilder before, String next) {
      char last = before.charAt(before.length() - 1);
      return isCjk(last) || isCjk(next.charAt(0)) ? "" : " ";
    }

    private static boolean isCjk(char c) {
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      return script == Character.UnicodeScript.HAN
          || (c >= 0x3000 && c <= 0x303F)
          || (c >= 0xFF00 && c <= 0xFFEF);
    }
  }
}
