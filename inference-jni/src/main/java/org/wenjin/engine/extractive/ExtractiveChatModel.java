package org.wenjin.engine.extractive;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion;
import org.wenjin.engine.spi.Completion.FinishReason;
import org.wenjin.engine.spi.Passage;
import org.wenjin.engine.spi.TokenSink;

/** Quotes the request's passages; streams the answer in small pieces like a real model. */
public final class ExtractiveChatModel implements ChatModel {

  /** A word with its trailing space, or a single CJK character, or any other single character. */
  private static final Pattern PIECE = Pattern.compile("\\p{IsHan}\\s*|[^\\s\\p{IsHan}]+\\s*|\\s+");

  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  private final int quoteLength;

  public ExtractiveChatModel(int quoteLength) {
    this.quoteLength = quoteLength;
  }

  @Override
  public Completion generate(ChatRequest request, TokenSink sink, Cancellation cancellation) {
    boolean chinese = CJK.matcher(request.question()).find();
    String answer =
        request.passages().isEmpty() ? nothingToQuote(chinese) : quotes(request, chinese);
    int pieces = 0;
    Matcher piece = PIECE.matcher(answer);
    while (piece.find()) {
      if (cancellation.isCancelled()) {
        return new Completion(FinishReason.CANCELLED, pieces);
      }
      if (pieces >= request.options().maxTokens()) {
        return new Completion(FinishReason.LENGTH, pieces);
      }
      sink.accept(piece.group());
      pieces++;
    }
    return new Completion(FinishReason.STOP, pieces);
  }

  private String quotes(ChatRequest request, boolean chinese) {
    StringBuilder answer =
        new StringBuilder(
            chinese
                ? "未配置语言模型，以下是公司文档中与问题最相关的段落：\n\n"
                : "No language model is configured, so here are the passages of your company's"
                    + " documents that best match the question:\n\n");
    for (Passage passage : request.passages()) {
      answer
          .append("> ")
          .append(shorten(passage.text()).replace("\n", "\n> "))
          .append(" [")
          .append(passage.marker())
          .append("]\n>\n> — *")
          .append(passage.title())
          .append("*\n\n");
    }
    return answer.toString().strip();
  }

  private static String nothingToQuote(boolean chinese) {
    return chinese
        ? "尚未配置语言模型，知识库中也没有与问题相关的段落。请管理员登记模型（见运维文档），或上传文档后再试。"
        : "No language model is configured for your company yet, and no passage of your company's"
            + " documents matches the question. An administrator can register a model (see the"
            + " operator guide) or upload documents to the knowledge base.";
  }

  private String shorten(String text) {
    String flat = text.strip();
    return flat.length() <= quoteLength ? flat : flat.substring(0, quoteLength).strip() + "…";
  }
}
