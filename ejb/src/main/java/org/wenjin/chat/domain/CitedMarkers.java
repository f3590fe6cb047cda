package org.wenjin.chat.domain;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The passage markers an answer cites: {@code [2]}, {@code [1, 3]}, {@code [1][3]}. */
public final class CitedMarkers {

  private static final Pattern GROUP = Pattern.compile("\\[(\\d{1,3}(?:\\s*[,，、]\\s*\\d{1,3})*)]");

  private CitedMarkers() {}

  public static Set<Integer> in(String answer) {
    Set<Integer> markers = new TreeSet<>();
    if (answer == null) {
      return markers;
    }
    Matcher m = GROUP.matcher(answer);
    while (m.find()) {
      for (String n : m.group(1).split("\\s*[,，、]\\s*")) {
        markers.add(Integer.parseInt(n));
      }
    }
    return markers;
  }
}
