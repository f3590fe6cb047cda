package org.wenjin.chat.domain.flow;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.wenjin.platform.text.RuleMessage;

/**
 * A prompt template of a flow step: Mustache ({@code {{question}}}, {@code {{#search.passages}}…
 * {{/search.passages}}}), rendered over plain maps, lists and strings. The collector has no
 * reflection, so {@code {{question.class}}} or any other path into Java objects finds nothing: a
 * template reads the values a step is given, never the server. Nothing is HTML-escaped (prompts are
 * text for a model), and a missing value is an error rather than an empty string.
 */
public final class PromptTemplate {

  /** Templates longer than this are refused: a prompt, not a document. */
  public static final int MAX_LENGTH = 20_000;

  private static final Mustache.Compiler COMPILER =
      Mustache.compiler()
          .escapeHTML(false)
          .strictSections(true)
          .withCollector(
              new BasicCollector() { // maps, lists and arrays only: no reflection
                @Override
                public <K, V> Map<K, V> createFetcherCache() {
                  return new ConcurrentHashMap<>();
                }
              });

  private final String source;
  private final Template template;

  private PromptTemplate(String source, Template template) {
    this.source = source;
    this.template = template;
  }

  /**
   * @throws FlowRules when the text is no valid template (an unclosed section, say)
   */
  public static PromptTemplate of(String source) {
    Objects.requireNonNull(source, "source");
    if (source.length() > MAX_LENGTH) {
      throw new FlowRules(RuleMessage.of("flow.template.too-long", MAX_LENGTH));
    }
    try {
      return new PromptTemplate(source, COMPILER.compile(source));
    } catch (MustacheException e) {
      throw new FlowRules(RuleMessage.of("flow.template.invalid", e.getMessage()), e);
    }
  }

  public String source() {
    return source;
  }

  /** Every name the template reads, sections included, as written ({@code search.passages}). */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    template.visit(
        new Mustache.Visitor() {
          @Override
          public void visitText(String text) {}

          @Override
          public void visitVariable(String name) {
            names.add(name);
          }

          @Override
          public boolean visitInclude(String name) {
            names.add(">" + name); // partials are not offered: reported as unknown
            return false;
          }

          @Override
          public boolean visitSection(String name) {
            names.add(name);
            return true;
          }

          @Override
          public boolean visitInvertedSection(String name) {
            names.add(name);
            return true;
          }
        });
    return names;
  }

  /**
   * @param values strings, numbers, booleans, lists and maps of them
   * @throws FlowRules when the template reads a value that is not there
   */
  public String render(Map<String, ?> values) {
    try {
      return template.execute(values);
    } catch (MustacheException e) {
      throw new FlowRules(RuleMessage.of("flow.template.unfilled", e.getMessage()), e);
    }
  }

  @Override
  public String toString() {
    return source;
  }
}
