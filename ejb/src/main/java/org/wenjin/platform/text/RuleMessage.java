package org.wenjin.platform.text;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * A message for a person, kept as a key of the {@code rules} bundle and its arguments so that it
 * can be said in either language long after it was made (an exception crossing to the UI, a
 * document's failure stored in the database).
 *
 * <p>Arguments are numbers (plural choices need them), texts, or other messages, which are said in
 * the same language; anything else is kept as its {@code toString()}. Whole numbers in a plain
 * {@code {0}} show without digit grouping (4000, not 4,000), as limits and ids read best.
 *
 * @param key a key of {@code org/wenjin/platform/text/rules.properties}, {@code <context>.<what>}
 * @param args the values for {@code {0}}, {@code {1}}, …
 */
public record RuleMessage(String key, List<Serializable> args) implements Serializable {

  static final String BUNDLE = "org.wenjin.platform.text.rules";

  static final String VERBATIM = "text.verbatim";

  private static final Logger LOG = Logger.getLogger(RuleMessage.class.getName());

  public RuleMessage {
    Objects.requireNonNull(key, "key");
    List<Serializable> kept = new ArrayList<>(args == null ? 0 : args.size());
    if (args != null) {
      args.forEach(a -> kept.add(kept(a)));
    }
    args = List.copyOf(kept);
  }

  /** The message of {@code key} with its arguments; write the key as a literal. */
  public static RuleMessage of(String key, Object... args) {
    List<Serializable> values = new ArrayList<>(args == null ? 1 : args.length);
    if (args == null) {
      values.add(kept(null));
    } else {
      for (Object a : args) {
        values.add(kept(a));
      }
    }
    return new RuleMessage(key, values);
  }

  /**
   * A text that has no translation (another system's words, or a message from before keys), shown
   * as it is in every language.
   */
  public static RuleMessage verbatim(String text) {
    return of(VERBATIM, text);
  }

  /** Several messages as one, in order, each separated as the language separates clauses. */
  public static RuleMessage joined(List<RuleMessage> parts) {
    if (parts.isEmpty()) {
      return verbatim("");
    }
    RuleMessage all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = of("text.and-then", all, parts.get(i));
    }
    return all;
  }

  /** What {@code e} says in words: its own message if it has one to explain, else its text. */
  public static RuleMessage from(Throwable e) {
    return e instanceof Explained explained
        ? explained.explanation()
        : verbatim(String.valueOf(e.getMessage()));
  }

  /** Said in {@code locale}'s language: Chinese for any {@code zh} locale, English otherwise. */
  public String in(Locale locale) {
    Locale target = Bundles.readerLocale(locale);
    String pattern =
        Bundles.pattern(BUNDLE, RuleMessage.class.getClassLoader(), key, target).orElse(null);
    if (pattern == null) {
      return key + (args.isEmpty() ? "" : " " + args);
    }
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = args.get(i) instanceof RuleMessage m ? m.in(target) : args.get(i);
    }
    MessageFormat format = new MessageFormat(pattern, target);
    Format[] formats = format.getFormatsByArgumentIndex();
    for (int i = 0; i < formats.length && i < values.length; i++) {
      if (formats[i] == null && values[i] instanceof Long) {
        format.setFormatByArgumentIndex(i, plainWholeNumber(target));
      }
    }
    return format.format(values);
  }

  /** Said in English: what logs, audit notes and the REST API show. */
  public String english() {
    return in(Locale.ENGLISH);
  }

  /** The English text, so that a message put into a string or a log reads as words. */
  @Override
  public String toString() {
    return english();
  }

  /**
   * The arguments as a JSON array, to be stored beside the key; {@link #stored} reads them back.
   */
  public String argsJson() {
    return array(args).build().toString();
  }

  /**
   * A message stored as its key and {@link #argsJson()}; null without a key. Arguments that cannot
   * be read back leave the message without them.
   */
  public static RuleMessage stored(String key, String argsJson) {
    if (key == null || key.isBlank()) {
      return null;
    }
    if (argsJson == null || argsJson.isBlank()) {
      return new RuleMessage(key, List.of());
    }
    try (var reader = JSON.createReader(new StringReader(argsJson))) {
      return new RuleMessage(key, values(reader.readArray()));
    } catch (RuntimeException e) {
      LOG.warning("cannot read the arguments of the stored message " + key + ": " + e);
      return new RuleMessage(key, List.of());
    }
  }

  private static Serializable kept(Object value) {
    return switch (value) {
      case null -> "null";
      case RuleMessage m -> m;
      case String s -> s;
      case Integer i -> i.longValue();
      case Long l -> l;
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case Double d -> d;
      case Float f -> f.doubleValue();
      default -> value.toString();
    };
  }

  private static NumberFormat plainWholeNumber(Locale locale) {
    NumberFormat plain = NumberFormat.getIntegerInstance(locale);
    plain.setGroupingUsed(false);
    return plain;
  }

  private static JsonArrayBuilder array(List<Serializable> values) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (Serializable value : values) {
      switch (value) {
        case RuleMessage m ->
            array.add(JSON.createObjectBuilder().add("key", m.key()).add("args", array(m.args())));
        case Long l -> array.add(l);
        case Double d when d.isNaN() || d.isInfinite() -> array.add(d.toString());
        case Double d -> array.add(d);
        default -> array.add(value.toString());
      }
    }
    return array;
  }

  private static List<Serializable> values(JsonArray array) {
    List<Serializable> values = new ArrayList<>(array.size());
    for (JsonValue value : array) {
      values.add(
          switch (value) {
            case JsonNumber n when n.isIntegral() -> n.longValue();
            case JsonNumber n -> n.doubleValue();
            case JsonString s -> s.getString();
            case JsonObject o ->
                new RuleMessage(
                    o.getString("key"),
                    o.get("args") instanceof JsonArray nested ? values(nested) : List.of());
            default -> value.toString();
          });
    }
    return values;
  }
}
