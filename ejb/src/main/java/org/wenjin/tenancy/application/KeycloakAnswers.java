package org.wenjin.tenancy.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.wenjin.tenancy.domain.IdentityProviderException;

/**
 * What Keycloak's admin API said about a user, kept {@code freshFor} so that a busy caller costs
 * one call a minute, and used a while longer ({@code staleAfter}) while Keycloak cannot be reached,
 * rather than locking the user out during a restart. Beyond that, or with no answer yet, the outage
 * is the caller's error. Bounded: past {@value #MAX_ENTRIES} users it starts over.
 */
final class KeycloakAnswers<V> {

  private static final Logger LOG = Logger.getLogger(KeycloakAnswers.class.getName());

  private static final int MAX_ENTRIES = 10_000;

  private record Answer<V>(V value, Instant at) {}

  private final Map<String, Answer<V>> answers = new ConcurrentHashMap<>();
  private final Duration freshFor;
  private final Duration staleAfter;
  private final Clock clock;

  KeycloakAnswers(Duration freshFor, Duration staleAfter, Clock clock) {
    this.freshFor = freshFor;
    this.staleAfter = staleAfter;
    this.clock = clock;
  }

  /**
   * @throws IdentityProviderException when Keycloak cannot be asked and no answer young enough is
   *     known
   */
  V get(String subject, Supplier<V> ask) {
    Instant now = clock.instant();
    Answer<V> known = answers.get(subject);
    if (known != null && now.isBefore(known.at().plus(freshFor))) {
      return known.value();
    }
    try {
      V value = ask.get();
      if (answers.size() >= MAX_ENTRIES) {
        answers.clear();
      }
      answers.put(subject, new Answer<>(value, now));
      return value;
    } catch (IdentityProviderException e) {
      if (known == null || now.isAfter(known.at().plus(staleAfter))) {
        throw e;
      }
      LOG.warning("Keycloak unreachable; using its answer of " + known.at());
      return known.value();
    }
  }
}
