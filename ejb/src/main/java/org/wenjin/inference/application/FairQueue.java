package org.wenjin.inference.application;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which one model's waiting questions start: fair between companies and between the
 * colleagues of one, with places that only ever move forward. Not thread-safe: {@link ModelLane}
 * holds its lock around every call.
 *
 * <p>Questions wait in <b>rounds</b>: a company has at most one question in a round, a person at
 * most one, and each round keeps one <b>fair place</b> for someone with nothing waiting yet. A
 * person's first waiting question takes the first free fair place, further ones go to the end, each
 * in a new round. So one person's (or one company's) burst makes another company's — or a
 * colleague's — single question wait for about one of it, not fifty; bursts take turns in the order
 * they came. Many colleagues each asking once are many first questions: they share the fair places
 * with other companies' in the order they came, one per round each.
 *
 * <p>The place a question is told counts the fair places still free in the rounds before it, since
 * newcomers may yet take them: it is an upper bound on the questions that will start first, and it
 * never grows. A question that jumps ahead takes a place that was already counted.
 */
final class FairQueue<J> {

  /**
   * Places per waiting round kept for a company or person not yet in it. More would let more
   * newcomers through at once, but every free one is counted in the places of the rounds behind.
   */
  static final int FAIR_PLACES = 1;

  private record Asker(long tenant, long user) {}

  private final class Round {
    final List<J> waiting = new ArrayList<>();
    final Set<Long> tenants = new HashSet<>();
    final Set<Asker> askers = new HashSet<>();
    int fairPlaces;

    Round(int fairPlaces) {
      this.fairPlaces = fairPlaces;
    }

    void add(J job, Asker asker) {
      if (job != null) {
        waiting.add(job);
      }
      tenants.add(asker.tenant());
      askers.add(asker);
    }
  }

  /** The first round is the current one: where the latest question started from. */
  private final ArrayDeque<Round> rounds = new ArrayDeque<>();

  private final Map<J, Asker> askers = new LinkedHashMap<>();

  int size() {
    return askers.size();
  }

  boolean isEmpty() {
    return askers.isEmpty();
  }

  /** A question that started without waiting: it counts as its asker's turn in this round. */
  void started(long tenant, long user) {
    Asker asker = new Asker(tenant, user);
    Round current = rounds.peekFirst();
    if (current == null || current.askers.contains(asker)) {
      rounds.clear(); // nothing waits, so no earlier round holds anyone
      current = new Round(0); // nobody waits in it, so no one can be passed by a fair place
      rounds.add(current);
    }
    current.add(null, asker);
  }

  void add(J job, long tenant, long user) {
    Asker asker = new Asker(tenant, user);
    boolean first = !askers.containsValue(asker);
    askers.put(job, asker);
    List<Round> all = new ArrayList<>(rounds);
    int from = 0;
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).askers.contains(asker)) {
        from = i + 1; // after this person's latest question: their own order holds
        break;
      }
    }
    for (int i = from; i < all.size(); i++) {
      Round round = all.get(i);
      if (round.askers.contains(asker)) {
        continue;
      }
      boolean last = i == all.size() - 1;
      if (last && !round.tenants.contains(tenant)) {
        round.add(job, asker); // at the end: passes no one
        return;
      }
      if (round.fairPlaces > 0 && first) {
        round.fairPlaces--;
        round.add(job, asker);
        return;
      }
    }
    Round next = new Round(FAIR_PLACES);
    next.add(job, asker);
    rounds.addLast(next);
  }

  /** Takes out the question whose turn it is; its round becomes the current one. Null: none. */
  J poll() {
    while (!rounds.isEmpty()) {
      Round first = rounds.peekFirst();
      if (!first.waiting.isEmpty()) {
        J job = first.waiting.removeFirst();
        askers.remove(job);
        return job;
      }
      if (rounds.size() == 1) {
        return null;
      }
      rounds.removeFirst(); // a later round's question starts: this one's fair places are gone
    }
    return null;
  }

  /** Takes a waiting question out (withdrawn, timed out); false when it was not waiting. */
  boolean remove(J job) {
    if (askers.remove(job) == null) {
      return false;
    }
    Round first = rounds.peekFirst();
    for (Iterator<Round> i = rounds.iterator(); i.hasNext(); ) {
      Round round = i.next();
      if (round.waiting.remove(job)) {
        if (round.waiting.isEmpty() && round != first) {
          i.remove(); // its fair places go with it: places behind only move forward
        }
        break;
      }
    }
    return true;
  }

  /** The waiting questions in the order they will start, each with its place (1 = next). */
  Map<J, Integer> places() {
    Map<J, Integer> places = new LinkedHashMap<>();
    int ahead = 0;
    for (Round round : rounds) {
      for (J job : round.waiting) {
        places.put(job, ++ahead);
      }
      ahead += round.fairPlaces; // a newcomer may still take them ahead of the later rounds
    }
    return places;
  }
}
