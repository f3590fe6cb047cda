package org.wenjin.knowledge.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins hits that are neighbouring passages of the same document (chunks n and n+1) into one longer
 * passage, as wenda's "step" did: a statement cut by a passage boundary reads whole, and a result
 * list or a prompt does not spend two places on one spot of one document. The joined hit takes the
 * place of its best-ranked part; the overlap the chunker repeated is not repeated.
 */
public final class NeighbourMerge {

  /** A joined passage never grows beyond this many chunks, nor beyond {@link #MAX_CHARACTERS}. */
  static final int MAX_CHUNKS = 3;

  /** What a model is handed per passage at most (a chunk alone is never longer). */
  static final int MAX_CHARACTERS = ChunkingRules.MAX_SIZE;

  private NeighbourMerge() {}

  public static List<SearchHit> merge(List<SearchHit> ranked) {
    List<Group> order = new ArrayList<>();
    Map<String, Group> byChunk = new HashMap<>();
    for (SearchHit hit : ranked) {
      Group before = byChunk.get(key(hit.documentId(), hit.chunk() - 1));
      Group after = byChunk.get(key(hit.documentId(), hit.chunk() + 1));
      Group target =
          before != null && before.accepts(hit)
              ? before
              : after != null && after.accepts(hit) ? after : null;
      if (target == null) {
        target = new Group();
        order.add(target);
      }
      target.add(hit);
      byChunk.put(key(hit.documentId(), hit.chunk()), target);
    }
    List<SearchHit> merged = new ArrayList<>(order.size());
    for (Group g : order) {
      merged.add(g.joined());
    }
    return merged;
  }

  private static String key(long document, int chunk) {
    return document + "#" + chunk;
  }

  private static final class Group {
    private final List<SearchHit> hits = new ArrayList<>();

    void add(SearchHit hit) {
      hits.add(hit);
    }

    /**
     * Same section and page (so the link and the heading stay right), and room left (counted with
     * the overlap the join drops, so a little conservatively).
     */
    boolean accepts(SearchHit hit) {
      SearchHit first = hits.get(0);
      int length = hits.stream().mapToInt(h -> h.text().length() + 1).sum();
      return hits.size() < MAX_CHUNKS
          && length + hit.text().length() <= MAX_CHARACTERS
          && java.util.Objects.equals(first.page(), hit.page())
          && java.util.Objects.equals(first.heading(), hit.heading());
    }

    SearchHit joined() {
      if (hits.size() == 1) {
        return hits.get(0);
      }
      List<SearchHit> inOrder = new ArrayList<>(hits);
      inOrder.sort(java.util.Comparator.comparingInt(SearchHit::chunk));
      StringBuilder text = new StringBuilder(inOrder.get(0).text());
      List<String> fragments = new ArrayList<>();
      double score = 0;
      double similarity = 0;
      boolean wordMatch = false;
      for (int i = 0; i < inOrder.size(); i++) {
        SearchHit h = inOrder.get(i);
        if (i > 0) {
          text.append(withoutOverlap(text, h.text()));
        }
        fragments.addAll(h.fragments());
        score = Math.max(score, h.score());
        similarity = Math.max(similarity, h.similarity());
        wordMatch |= h.wordMatch();
      }
      SearchHit first = inOrder.get(0);
      return new SearchHit(
          first.documentId(),
          first.chunk(),
          inOrder.get(inOrder.size() - 1).chunk() - first.chunk() + 1,
          first.title(),
          first.sourceName(),
          first.mediaType(),
          first.collection(),
          first.labels(),
          first.page(),
          first.heading(),
          text.toString(),
          fragments,
          score,
          similarity,
          wordMatch);
    }

    /** The next passage minus the sentences the chunker repeated from the end of this one. */
    private static String withoutOverlap(CharSequence before, String next) {
      String end = before.toString();
      // the chunker repeats at most half a passage
      int longest = Math.min(Math.min(end.length(), next.length()), ChunkingRules.MAX_SIZE / 2);
      for (int n = longest; n > 0; n--) {
        if (end.regionMatches(end.length() - n, next, 0, n)) {
          return next.substring(n);
        }
      }
      return isCjk(end.charAt(end.length() - 1)) ? next : " " + next;
    }

    private static boolean isCjk(char c) {
      return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
          || (c >= 0x3000 && c <= 0x303F)
          || (c >= 0xFF00 && c <= 0xFFEF);
    }
  }
}
