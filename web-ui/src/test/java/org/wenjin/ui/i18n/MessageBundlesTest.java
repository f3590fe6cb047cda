package org.wenjin.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two bundles say the same things: no key missing from either, none left over that the code no
 * longer uses, every text well-formed for {@link MessageFormat}, and the Chinese texts are Chinese.
 */
class MessageBundlesTest {

  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Path SOURCES = Path.of("src/main/java/org/wenjin/ui");

  /** Translation calls whose first argument is a key. */
  private static final Pattern KEY_USE =
      Pattern.compile("(?:getTranslation|Tr\\.t|Messages\\.format)\\(\\s*\"([^\"]+)\"");

  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  /** Texts that read the same in Chinese: names and technical terms. */
  private static final Set<String> SAME_IN_CHINESE =
      Set.of("API", "CSV", "JSON", "JSON Lines", "YAML", "SSO", "ID", "URL", "—", "OK");

  private static Map<String, String> english;
  private static Map<String, String> chinese;
  private static String sources;

  @BeforeAll
  static void load() throws IOException {
    english = bundle("messages.properties");
    chinese = bundle("messages_zh_CN.properties");
    try (Stream<Path> files = Files.walk(SOURCES)) {
      sources =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .map(MessageBundlesTest::read)
              .collect(Collectors.joining("\n"));
    }
  }

  @Test
  void bothLanguagesHaveTheSameKeys() {
    assertThat(difference(english.keySet(), chinese.keySet()))
        .as("keys missing from messages_zh_CN.properties")
        .isEmpty();
    assertThat(difference(chinese.keySet(), english.keySet()))
        .as("keys missing from messages.properties")
        .isEmpty();
  }

  @Test
  void everyKeyTheCodeAsksForExists() {
    Set<String> asked = new TreeSet<>();
    Matcher use = KEY_USE.matcher(sources);
    while (use.find()) {
      asked.add(use.group(1));
    }
    // keys kept in enums and tables: any literal shaped like a key of a known area
    Set<String> areas =
        english.keySet().stream()
            .map(k -> k.substring(0, k.indexOf('.') + 1))
            .collect(Collectors.toSet());
    Matcher literal = LITERAL.matcher(sources);
    while (literal.find()) {
      String text = literal.group(1);
      if (text.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+") && areas.stream().anyMatch(text::startsWith)) {
        asked.add(text);
      }
    }
    assertThat(difference(asked, english.keySet()))
        .as("keys used but not in the bundles")
        .isEmpty();
  }

  @Test
  void everyKeyInTheBundlesIsUsed() {
    Set<String> unused =
        english.keySet().stream()
            .filter(key -> !sources.contains("\"" + key + "\""))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(unused).as("keys no code uses").isEmpty();
  }

  @Test
  void everyTextIsAWellFormedPatternWithTheSameArguments() {
    english.forEach(
        (key, text) -> {
          String translated = chinese.getOrDefault(key, text);
          assertThat(LONE_APOSTROPHE.matcher(text).find())
              .as("%s: write ’, a plain apostrophe quotes in MessageFormat: %s", key, text)
              .isFalse();
          assertThat(LONE_APOSTROPHE.matcher(translated).find())
              .as("%s (zh): a plain apostrophe quotes in MessageFormat", key)
              .isFalse();
          new MessageFormat(text, Locale.ENGLISH);
          new MessageFormat(translated, Locale.SIMPLIFIED_CHINESE);
          assertThat(arguments(translated))
              .as("%s: the same arguments in both", key)
              .isEqualTo(arguments(text));
        });
  }

  @Test
  void chineseTextsAreChinese() {
    Set<String> untranslated =
        chinese.entrySet().stream()
            .filter(e -> !HAN.matcher(e.getValue()).find())
            .filter(e -> !SAME_IN_CHINESE.contains(e.getValue().strip()))
            .filter(e -> withoutArguments(e.getValue()).matches(".*\\p{IsLatin}{2,}.*"))
            .map(e -> e.getKey() + " = " + e.getValue())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(untranslated).as("Chinese texts without Chinese").isEmpty();
  }

  @Test
  void aMissingKeyShowsItselfRatherThanNothing() {
    assertThat(Messages.format("no.such-key", Locale.ENGLISH)).isEqualTo("!no.such-key!");
  }

  @Test
  void englishPluralsChooseByCount() {
    english.entrySet().stream()
        .filter(e -> e.getValue().contains(",choice,"))
        .forEach(
            e -> {
              String one =
                  new MessageFormat(e.getValue(), Locale.ENGLISH).format(new Object[] {1, 1, 1});
              String many =
                  new MessageFormat(e.getValue(), Locale.ENGLISH).format(new Object[] {2, 2, 2});
              assertThat(one).as(e.getKey()).isNotEqualTo(many);
            });
  }

  /** The words of a text, less its arguments and the units written the same in both. */
  private static String withoutArguments(String text) {
    return text.replaceAll("\\{[^}]*}", "").replaceAll("\\b(KB|MB|GB|ms)\\b", "");
  }

  private static Set<Integer> arguments(String text) {
    Set<Integer> found = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(text);
    while (m.find()) {
      found.add(Integer.parseInt(m.group(1)));
    }
    return found;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  private static Map<String, String> bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    Map<String, String> map = new TreeMap<>();
    properties.forEach((k, v) -> map.put((String) k, (String) v));
    return map;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
