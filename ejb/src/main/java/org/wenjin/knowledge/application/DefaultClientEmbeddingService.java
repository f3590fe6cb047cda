package org.wenjin.knowledge.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.engine.spi.TokenEstimate;
import org.wenjin.persistence.audit.AuditContent;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

/**
 * Admits the request by the day's tokens, embeds, then counts the tokens and records the event: the
 * writes (a usage row, the company's audit chain head) come after the model's work, so their row
 * locks are held for milliseconds, and a request that fails leaves neither.
 */
@Stateless
public class DefaultClientEmbeddingService implements ClientEmbeddingService {

  /** The audit event of one request. */
  public static final String EVENT = "api.embeddings";

  /**
   * Characters of the inputs the audit event keeps (one per line), as many as a question's: an
   * auditor finds a request by what it sent.
   */
  static final int KEPT = AuditContent.MAX_QUESTION;

  @Inject private TextEmbeddings embeddings;

  @Inject private EmbeddingQuotas quotas;

  @Inject private AuditLog audit;

  @Override
  public List<String> models() {
    return embeddings.models();
  }

  @Override
  public Embedded embed(String model, List<String> inputs) {
    ActingCaller caller = CallerScope.current();
    quotas.admitTokens(caller);
    List<float[]> vectors = embeddings.embed(model, inputs);
    int tokens = inputs.stream().mapToInt(TokenEstimate::of).reduce(0, Math::addExact);
    quotas.usedTokens(caller.tenantId(), caller.userId(), tokens);
    audit.modelUse(EVENT, model, sent(inputs), described(caller, inputs, tokens).build());
    return new Embedded(vectors, tokens);
  }

  static JsonObjectBuilder described(ActingCaller caller, List<String> inputs, int tokens) {
    JsonObjectBuilder detail =
        JSON.createObjectBuilder()
            .add("inputs", inputs.size())
            .add("characters", inputs.stream().mapToLong(String::length).sum())
            .add("tokens", tokens)
            .add("inEstimated", true);
    if (caller.apiKeyId() != null) {
      detail.add("apiKeyId", caller.apiKeyId());
    }
    return detail;
  }

  /** The inputs one per line, the first {@link #KEPT} characters, not splitting a character. */
  static String sent(List<String> inputs) {
    String text = String.join("\n", inputs);
    if (text.length() <= KEPT) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(KEPT - 2)) ? KEPT - 2 : KEPT - 1;
    return text.substring(0, end) + "…";
  }
}
