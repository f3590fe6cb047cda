package org.wenjin.governance.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The policy of the current company, the usage ledger, and the once-per-period guard. */
public interface GovernanceStore {

  /** The current company's policy; {@link Policy#NONE} without a row. */
  Policy policy();

  void save(Policy policy);

  /** Every company that limits retention (a job spans them all). */
  List<Long> companiesRetaining();

  /** Adds to a user's (user 0: the company's) questions and tokens of {@code day}. */
  void use(long tenantId, long userId, LocalDate day, long questions, long tokens);

  /** {questions, tokens} of a user (0: the company) on {@code day}. */
  long[] used(long tenantId, long userId, LocalDate day);

  /**
   * Claims this period's run of {@code job} for this node: true for exactly one node sharing the
   * database, once per {@code every}.
   */
  boolean claim(String job, Instant now, Duration every);
}
