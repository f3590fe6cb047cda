/**
 * What one API call may cost: body sizes ({@link BodyLimitFilter}), requests per user and minute
 * ({@link RateLimitFilter}, a {@link TokenBucket} per caller) and how long a waiting answer may
 * take, configured in one place ({@link ApiLimits}). Page sizes are checked where the listings are
 * ({@code org.wenjin.api.PageRequest}).
 */
package org.wenjin.api.limits;
