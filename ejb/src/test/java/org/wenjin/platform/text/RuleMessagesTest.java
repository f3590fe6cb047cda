package org.wenjin.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.flow.FlowRules;
import org.wenjin.knowledge.domain.KnowledgeRules;

/**
 * The two bundles of rule messages and the sources stay in step: the same keys in both, each used
 * where a message is made and each message's key in both, every text a valid MessageFormat pattern
 * in its language, and the arguments put in as a reader expects.
 */
class RuleMessagesTest {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");

  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  private static final Pattern MADE = Pattern.compile("RuleMessage\\.of\\(\\s*\"([^\"]*)\"");

  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  private static final Pattern ARGUMENT = Pattern.compile("\\{[^{}]*\\}");

  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private static Map<String, String> bundle(String name) {
    Properties p = new Properties();
    try (InputStream in =
            RuleMessagesTest.class.getResourceAsStream("/org/wenjin/platform/text/" + name);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> values = new TreeMap<>();
    p.forEach((k, v) -> values.put((String) k, (String) v));
    return values;
  }

  private static final Map<String, String> ENGLISH = bundle("rules.properties");

  private static final Map<String, String> CHINESE_TEXTS = bundle("rules_zh_CN.properties");

  private static String sources() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    }
    return all.toString();
  }

  @Test
  void bothBundlesHaveTheSameKeysAndEachIsAContextAndAWhat() {
    assertThat(ENGLISH).isNotEmpty();
    assertThat(CHINESE_TEXTS.keySet()).isEqualTo(ENGLISH.keySet());
    assertThat(ENGLISH.keySet()).allMatch(k -> KEY.matcher(k).matches(), "<context>.<what>");
  }

  @Test
  void everyKeyIsUsedInTheSourcesAndEveryMessageMadeThereHasItsTexts() throws IOException {
    String sources = sources();
    Set<String> literals = new TreeSet<>();
    Matcher literal = LITERAL.matcher(sources);
    while (literal.find()) {
      literals.add(literal.group(1));
    }
    assertThat(ENGLISH.keySet())
        .as("keys no source uses: delete them, or write the key as a literal where it is used")
        .allMatch(literals::contains);

    Set<String> made = new TreeSet<>();
    Matcher m = MADE.matcher(sources);
    while (m.find()) {
      made.add(m.group(1));
    }
    assertThat(made).hasSizeGreaterThan(100);
    assertThat(made).as("messages made without a text").isSubsetOf(ENGLISH.keySet());
    assertThat(made).isSubsetOf(CHINESE_TEXTS.keySet());
  }

  @Test
  void everyTextIsAPatternWithoutAPlainApostropheAndFillsInItsArguments() {
    for (Map<String, String> texts : List.of(ENGLISH, CHINESE_TEXTS)) {
      Locale locale = texts == ENGLISH ? Locale.ENGLISH : CHINESE;
      texts.forEach(
          (key, text) -> {
            assertThat(text.replace("''", ""))
                .as(key + ": an apostrophe is written ’ (a plain one quotes in MessageFormat)")
                .doesNotContain("'");
            assertThatCode(() -> new MessageFormat(text, locale))
                .as(key)
                .doesNotThrowAnyException();
            String filled = new MessageFormat(text, locale).format(samples(text, locale));
            assertThat(filled).as(key + " filled in").doesNotContain("{", "}");
          });
    }
  }

  @Test
  void theTranslationUsesTheSameArguments() {
    ENGLISH.forEach(
        (key, text) ->
            assertThat(
                    new MessageFormat(CHINESE_TEXTS.get(key), CHINESE).getFormatsByArgumentIndex())
                .as(key)
                .hasSameSizeAs(
                    new MessageFormat(text, Locale.ENGLISH).getFormatsByArgumentIndex()));
  }

  @Test
  void chineseTextsAreChineseWithFullWidthPunctuation() {
    Pattern halfWidthNextToHan =
        Pattern.compile("\\p{IsHan}[,;:!?()]|[,;:!?()]\\p{IsHan}|\\p{IsHan}\\.(\\s|$)");
    CHINESE_TEXTS.forEach(
        (key, text) -> {
          String words = ARGUMENT.matcher(text).replaceAll("");
          if (words.codePoints().anyMatch(Character::isLetter)) {
            assertThat(CJK.matcher(text).find()).as(key + ": " + text).isTrue();
          }
          assertThat(halfWidthNextToHan.matcher(text).find())
              .as(key + ": full-width punctuation in Chinese: " + text)
              .isFalse();
        });
  }

  @Test
  void aMessageIsSaidInTheReadersLanguage() {
    RuleMessage tooLong = RuleMessage.of("chat.question.too-long", 4000);

    assertThat(tooLong.in(Locale.ENGLISH))
        .isEqualTo("A question can have at most 4000 characters; shorten it.");
    assertThat(tooLong.english()).isEqualTo(tooLong.in(Locale.ENGLISH));
    assertThat(tooLong.in(CHINESE)).isEqualTo("问题最多 4000 个字符，请缩短。");
    assertThat(tooLong.in(Locale.forLanguageTag("zh-TW"))).as("any zh").contains("问题最多");
    assertThat(tooLong.in(Locale.CHINESE)).contains("问题最多");
    assertThat(tooLong.in(Locale.FRENCH)).as("English otherwise").startsWith("A question");
    assertThat(tooLong.in(null)).startsWith("A question");
    assertThat(tooLong).hasToString(tooLong.english());
  }

  @Test
  void argumentsAreNumbersTextsOrMessagesSaidInTheSameLanguage() {
    RuleMessage notFound =
        ChatRules.notFound(RuleMessage.of("chat.thing.conversation")).explanation();
    assertThat(notFound.in(Locale.ENGLISH))
        .isEqualTo("This conversation does not exist or is not yours.");
    assertThat(notFound.in(CHINESE)).isEqualTo("该对话不存在，或不属于你。");

    assertThat(RuleMessage.of("quota.user.tokens-per-day", 123456L, 100000).english())
        .as("whole numbers without grouping")
        .isEqualTo(
            "You used 123456 of 100000 tokens today (UTC); the quota starts again at midnight"
                + " UTC.");
    assertThat(RuleMessage.of("inference.pool.busy", "Qwen", 1).english())
        .isEqualTo("The model Qwen is busy (1 question waiting). Please try again in a minute.");
    assertThat(RuleMessage.of("inference.pool.busy", "Qwen", 3).english())
        .contains("(3 questions waiting)");
    assertThat(RuleMessage.of("inference.pool.busy", "Qwen", 3).in(CHINESE))
        .isEqualTo("模型 Qwen 正忙（有 3 个提问在排队），请一分钟后再试。");
    assertThat(RuleMessage.of("tenancy.tenant.not-found", "it's {0}").english())
        .as("an argument is never read as a pattern")
        .isEqualTo("No tenant ‘it's {0}’ exists.");
  }

  @Test
  void severalProblemsAreJoinedAsTheLanguageJoinsClauses() {
    FlowRules rules =
        new FlowRules(
            List.of(
                RuleMessage.of("flow.field.required", "name"),
                RuleMessage.of("flow.variable.unknown", "summaries")));

    assertThat(rules).hasMessage("name: required; unknown variable ‘summaries’");
    assertThat(rules.problems()).containsExactly("name: required", "unknown variable ‘summaries’");
    assertThat(rules.explanation().in(CHINESE)).isEqualTo("name：必填；未知变量“summaries”");
  }

  @Test
  void aStoredMessageReadsBackTheSame() throws Exception {
    RuleMessage reason =
        RuleMessage.of(
            "knowledge.ingestion.failed-times",
            5,
            RuleMessage.of("knowledge.file.damaged", RuleMessage.verbatim("PDF"), "bad \"xref\""));

    RuleMessage read = RuleMessage.stored(reason.key(), reason.argsJson());

    assertThat(read).isEqualTo(reason);
    assertThat(read.in(CHINESE)).isEqualTo("建立索引已失败 5 次：文件已损坏，或并不是真正的 PDF：bad \"xref\"");
    assertThat(RuleMessage.stored(null, "[]")).isNull();
    assertThat(RuleMessage.stored("knowledge.file.empty", null).english())
        .isEqualTo("The file is empty.");
    assertThat(RuleMessage.stored("knowledge.file.unreadable", "not json").key())
        .as("unreadable arguments leave the message without them")
        .isEqualTo("knowledge.file.unreadable");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new KnowledgeRules(reason));
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      KnowledgeRules back = (KnowledgeRules) in.readObject();
      assertThat(back.explanation()).isEqualTo(reason);
      assertThat(back).hasMessage(reason.english());
    }
  }

  @Test
  void aKeyWithoutTextShowsTheKeyRatherThanNothing() {
    assertThat(RuleMessage.of("no.such-key", 1).in(CHINESE)).isEqualTo("no.such-key [1]");
    assertThat(RuleMessage.verbatim("Keycloak said no").in(CHINESE)).isEqualTo("Keycloak said no");
  }

  /** A value for each argument: a number where the pattern formats one, a text otherwise. */
  private static Object[] samples(String text, Locale locale) {
    Format[] formats = new MessageFormat(text, locale).getFormatsByArgumentIndex();
    Object[] values = new Object[formats.length];
    for (int i = 0; i < formats.length; i++) {
      values[i] =
          formats[i] instanceof NumberFormat || formats[i] instanceof ChoiceFormat ? 2L : "x";
    }
    return values;
  }
}
