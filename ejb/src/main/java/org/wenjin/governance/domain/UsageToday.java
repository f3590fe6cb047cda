package org.wenjin.governance.domain;

import java.io.Serializable;

/** Today's (UTC) questions and tokens of a company and of the caller, beside the quotas. */
public record UsageToday(
    long companyQuestions, long companyTokens, long myQuestions, long myTokens, Policy policy)
    implements Serializable {}
