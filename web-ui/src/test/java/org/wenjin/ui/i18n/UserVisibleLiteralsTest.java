package org.wenjin.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No view shows a text of its own: a string literal handed to a component as its text, label,
 * placeholder, title or notification fails the build, and so does Chinese text anywhere in the UI's
 * code (it belongs in messages_zh_CN.properties).
 */
class UserVisibleLiteralsTest {

  private static final Path SOURCES = Path.of("src/main/java/org/wenjin/ui");

  /** Components whose constructor's first text argument is shown. */
  private static final String SHOWN_BY_CONSTRUCTOR =
      "Button|Span|Paragraph|H[1-6]|Anchor|Checkbox|TextField|TextArea|Details|Tab|RouterLink"
          + "|NativeLabel|Div|ListItem|Text|Emphasis|Strong|Pre|Code|SideNavItem|Select|ComboBox"
          + "|MultiSelectComboBox|IntegerField|NumberField|BigDecimalField|PasswordField|EmailField"
          + "|DatePicker|DateTimePicker|TimePicker|RadioButtonGroup|CheckboxGroup|MenuItem"
          + "|ConfirmDialog|Notification|Upload|Tooltip|DescriptionList\\.Term";

  /** Setters and calls whose text argument is shown. */
  private static final String SHOWN_BY_CALL =
      "setText|setLabel|setPlaceholder|setHelperText|setErrorMessage|setHeader|setHeaderTitle"
          + "|setTitle|setAriaLabel|setTooltipText|setSummaryText|setConfirmText|setCancelText"
          + "|setRejectText|setEmptyStateText|addItem|addTab|Notification\\.show|Notices\\.show"
          + "|setDropLabel|setSubtitle";

  private static final Pattern SHOWN =
      Pattern.compile(
          "(new\\s+(?:"
              + SHOWN_BY_CONSTRUCTOR
              + ")\\s*(?:<[^>]*>)?\\s*\\(|\\.(?:"
              + SHOWN_BY_CALL
              + ")\\s*\\(|(?<![\\w.])(?:"
              + SHOWN_BY_CALL
              + ")\\s*\\(|setAttribute\\(\\s*\"(?:title|aria-label|placeholder)\"\\s*,)\\s*"
              + "\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** An anchor's first argument is where it leads, not what it says. */
  private static final Pattern ADDRESS = Pattern.compile("[a-z0-9]+([/_.?=-][a-z0-9]+)*/?");

  /** {@code response.setHeader("Cache-Control", ...)} names an HTTP header. */
  private static final Pattern HTTP_HEADER = Pattern.compile("[A-Z][a-z]*(-[A-Z][a-z]*)+");

  private static final Pattern WORDS = Pattern.compile("\\p{IsLatin}{2,}|\\p{IsHan}");
  private static final Pattern HAN_LITERAL = Pattern.compile("\"[^\"\\n]*\\p{IsHan}[^\"\\n]*\"");

  private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
  private static final Pattern LINE_COMMENT = Pattern.compile("(?m)//[^\\n\"]*$");

  /** What may stand in the code: the product's name, and each language named in itself. */
  private static final Set<String> ALLOWED = Set.of("问津 Wenjin", "Wenjin 问津", "中文", "English");

  @Test
  void viewsHandNoLiteralTextToComponents() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : javaFiles()) {
      String source = withoutComments(Files.readString(file));
      Matcher shown = SHOWN.matcher(source);
      while (shown.find()) {
        String call = shown.group(1);
        String text = shown.group(2);
        boolean notText =
            (call.contains("Anchor") && ADDRESS.matcher(text).matches())
                || (call.contains("setHeader") && HTTP_HEADER.matcher(text).matches());
        if (WORDS.matcher(text).find() && !ALLOWED.contains(text) && !notText) {
          found.add(
              SOURCES.relativize(file) + ":" + line(source, shown.start()) + " \"" + text + "\"");
        }
      }
    }
    assertThat(found).as("user-visible literal texts; use a key of messages.properties").isEmpty();
  }

  @Test
  void noChineseTextInTheCode() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : javaFiles()) {
      String source = withoutComments(Files.readString(file));
      Matcher han = HAN_LITERAL.matcher(source);
      while (han.find()) {
        String literal = han.group();
        if (!ALLOWED.contains(literal.substring(1, literal.length() - 1))) {
          found.add(SOURCES.relativize(file) + ":" + line(source, han.start()) + " " + literal);
        }
      }
    }
    assertThat(found).as("Chinese literals; they belong in messages_zh_CN.properties").isEmpty();
  }

  @Test
  void theCheckFindsALiteralLabel() {
    String view =
        "var b = new Button(\"Save\");\n field.setPlaceholder(\"—\");\n x.setLabel(\n \"Name\");";
    Matcher m = SHOWN.matcher(view);
    List<String> texts = new ArrayList<>();
    while (m.find()) {
      texts.add(m.group(2));
    }
    assertThat(texts).containsExactly("Save", "—", "Name");
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** Comments may say anything; only code counts. */
  private static String withoutComments(String source) {
    String blanked =
        BLOCK_COMMENT
            .matcher(source)
            .replaceAll(m -> Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
    return LINE_COMMENT.matcher(blanked).replaceAll("");
  }

  private static int line(String source, int offset) {
    return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }
}
