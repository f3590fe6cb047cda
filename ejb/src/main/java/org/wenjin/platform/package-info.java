/** Cross-cutting runtime concerns: schema migration at start-up and readiness checks. */
package org.wenjin.platform;
