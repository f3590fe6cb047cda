/** The tenant admin's facade over retention, quotas and today's use. */
package org.wenjin.governance.interfaces;
