package org.wenjin.chat.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.wenjin.audit.application.Exchange;
import org.wenjin.chat.domain.Citation;
import org.wenjin.chat.domain.CitedMarkers;
import org.wenjin.inference.application.ModelCatalog;
import org.wenjin.persistence.chat.TurnStatus;

/** An answered turn as the audit records it: who, what was shown, which passages it cites, when. */
@ApplicationScoped
public class AuditedExchanges {

  @Inject private ModelCatalog models;

  public Exchange of(PreparedTurn turn, TurnStatus status, Answered answered) {
    Set<Integer> cited = CitedMarkers.in(answered.text());
    return new Exchange(
        turn.userId(),
        turn.username(),
        turn.conversationId(),
        turn.turnId(),
        turn.request().question(),
        answered.text(),
        status.name(),
        answered.outcome().message(),
        turn.modelId(),
        models.find(turn.modelId()).map(m -> m.settings().backend()).orElse(null),
        Citation.fromJson(answered.citations() == null ? turn.citations() : answered.citations())
            .stream()
            .map(
                c ->
                    new Exchange.ShownPassage(
                        c.marker(),
                        c.documentId(),
                        c.chunk(),
                        c.title(),
                        cited.contains(c.marker())))
            .toList(),
        new Exchange.Timings(
            millis(answered.queueNanos()),
            answered.firstPieceNanos() < 0 ? null : millis(answered.firstPieceNanos()),
            millis(answered.totalNanos())),
        answered.promptTokens(),
        answered.pieces(),
        turn.flow() == null
            ? null
            : new Exchange.FlowRecord(
                turn.flow().flow().id(), turn.flowRevision(), answered.flowTrace()),
        turn.apiKeyId());
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
