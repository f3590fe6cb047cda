package org.wenjin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The labelled questions of {@code bench/retrieval/*.jsonl}: each names the document (file name)
 * and the section (its heading as the document prints it) that answers it. A passage is right when
 * it comes from that document and lies in that section (the section is on its heading path, so a
 * sub-section counts). Questions are split into a tuning and a test half, alternately in id order
 * within each language, so both halves cover every document in both languages.
 */
record RetrievalSet(List<Question> questions) {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Question(String id, String lang, String text, String doc, String section, String half) {

    boolean answeredBy(String source, String heading) {
      return doc.equals(source) && (" › " + heading + " › ").contains(" › " + section + " › ");
    }
  }

  static RetrievalSet load(Path folder) throws IOException {
    List<Question> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode q = JSON.readTree(line);
          all.add(
              new Question(
                  q.path("id").asText(),
                  q.path("lang").asText(),
                  q.path("question").asText(),
                  q.path("doc").asText(),
                  q.path("section").asText(),
                  null));
        }
      }
    }
    all.sort(Comparator.comparing(Question::lang).thenComparing(Question::id));
    List<Question> split = new ArrayList<>();
    int[] seen = new int[2];
    for (Question q : all) {
      int lang = q.lang().equals("zh") ? 0 : 1;
      String half = seen[lang]++ % 2 == 0 ? "tune" : "test";
      split.add(new Question(q.id(), q.lang(), q.text(), q.doc(), q.section(), half));
    }
    return new RetrievalSet(split);
  }

  List<Question> of(String lang, String half) {
    return questions.stream()
        .filter(q -> q.lang().equals(lang) && (half == null || q.half().equals(half)))
        .toList();
  }

  /** R@1, R@5, R@10 and MRR@10 over questions, from the rank of each one's first right passage. */
  static final class Scores {
    private int n;
    private int at1;
    private int at5;
    private int at10;
    private double reciprocal;

    /**
     * @param rank 1-based rank of the first right passage, 0 when none in the top 10
     */
    void add(int rank) {
      n++;
      if (rank >= 1 && rank <= 10) {
        at1 += rank == 1 ? 1 : 0;
        at5 += rank <= 5 ? 1 : 0;
        at10++;
        reciprocal += 1.0 / rank;
      }
    }

    double mrr() {
      return n == 0 ? 0 : reciprocal / n;
    }

    double r1() {
      return n == 0 ? 0 : (double) at1 / n;
    }

    double r5() {
      return n == 0 ? 0 : (double) at5 / n;
    }

    String row() {
      return String.format(
          "%4.2f  %4.2f  %4.2f  %6.2f", r1(), r5(), n == 0 ? 0 : (double) at10 / n, mrr());
    }
  }

  /** The 1-based rank of the first passage (source, heading) that answers q; 0 when none. */
  static int rank(Question q, List<String[]> ranked) {
    for (int i = 0; i < Math.min(10, ranked.size()); i++) {
      if (q.answeredBy(ranked.get(i)[0], ranked.get(i)[1])) {
        return i + 1;
      }
    }
    return 0;
  }
}
