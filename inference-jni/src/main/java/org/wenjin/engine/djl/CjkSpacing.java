package org.wenjin.engine.djl;

import java.util.regex.Pattern;

/**
 * WordPiece tokenizers (BERT's, bge's) decode Chinese one character per token and join tokens with
 * spaces: "登 录 人 事". Chinese text has no spaces between characters, so those go.
 */
final class CjkSpacing {

  private static final String CJK =
      "\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}";

  private static final Pattern SPACE_NEXT_TO_CJK =
      Pattern.compile("(?<=[" + CJK + "]) +| +(?=[" + CJK + "])");

  private CjkSpacing() {}

  static String join(String decoded) {
    return SPACE_NEXT_TO_CJK.matcher(decoded).replaceAll("");
  }
}
