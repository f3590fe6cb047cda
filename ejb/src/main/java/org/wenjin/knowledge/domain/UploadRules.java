package org.wenjin.knowledge.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.wenjin.platform.text.RuleMessage;

/** What an upload must look like before anything is stored. */
public final class UploadRules {

  public static final String DEFAULT_COLLECTION = "general";

  /**
   * The largest upload in MB unless the system property {@code wenjin.knowledge.max-upload-mb} says
   * otherwise (a string: it is the default of a config property).
   */
  public static final String DEFAULT_MAX_UPLOAD_MB = "50";

  /**
   * What a browser may offer for upload: file name extensions and media types of the formats the
   * parser reads. Only a first filter: the server judges a file by its content.
   */
  public static final List<String> ACCEPTED_FILE_TYPES =
      List.of(
          ".pdf",
          ".docx",
          ".html",
          ".htm",
          ".md",
          ".markdown",
          ".txt",
          "application/pdf",
          "text/html",
          "text/plain",
          "text/markdown");

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,63}");

  private UploadRules() {}

  /**
   * The file name without any directory part ("../../etc/passwd" gives "passwd"), control
   * characters or surrounding spaces, at most 255 characters (keeping the extension).
   */
  public static String sourceName(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "").strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.isBlank()) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.upload.no-name"));
    }
    if (name.length() > 255) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, 255 - ext.length()) + ext;
    }
    return name;
  }

  public static void size(long bytes, long maxBytes) {
    if (bytes == 0) {
      throw new KnowledgeRules(RuleMessage.of("knowledge.file.empty"));
    }
    if (bytes > maxBytes) {
      throw new KnowledgeRules(
          RuleMessage.of("knowledge.upload.too-large", megabytes(bytes), megabytes(maxBytes)));
    }
  }

  public static String collection(String collection) {
    if (collection == null || collection.isBlank()) {
      return DEFAULT_COLLECTION;
    }
    return name(collection, "collection");
  }

  /** Labels or group names: trimmed, lower-cased duplicates dropped, each a simple name. */
  public static List<String> names(List<String> values, String what) {
    if (values == null) {
      return List.of();
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        unique.add(name(v, what));
      }
    }
    if (unique.size() > 20) {
      throw new KnowledgeRules(
          what.equals("group")
              ? RuleMessage.of("knowledge.upload.too-many-groups", 20)
              : RuleMessage.of("knowledge.upload.too-many-labels", 20));
    }
    return new ArrayList<>(unique);
  }

  /** The title the uploader gave, else the document's own, else the file name. */
  public static String title(String given, String own, String sourceName) {
    String t =
        given != null && !given.isBlank()
            ? given
            : own != null && !own.isBlank() ? own : sourceName;
    t = t.strip();
    return t.length() <= 300 ? t : t.substring(0, 299) + "…";
  }

  private static String name(String value, String what) {
    String v = value.strip().replaceFirst("^/", "");
    if (!NAME.matcher(v).matches()) {
      throw new KnowledgeRules(
          switch (what) {
            case "group" -> RuleMessage.of("knowledge.upload.group-invalid", value);
            case "collection" -> RuleMessage.of("knowledge.upload.collection-invalid", value);
            default -> RuleMessage.of("knowledge.upload.label-invalid", value);
          });
    }
    return what.equals("group") ? v : v.toLowerCase(Locale.ROOT);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
