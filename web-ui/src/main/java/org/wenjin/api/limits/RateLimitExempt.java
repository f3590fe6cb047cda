package org.wenjin.api.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource that the per-user rate limit leaves alone: readiness (load balancers must never be
 * told to back off, or they take a healthy node out), metrics (one scrape every few seconds, by a
 * service account) and the 401 error page.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RateLimitExempt {}
