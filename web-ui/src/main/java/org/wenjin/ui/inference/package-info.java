/** The platform admin's live view of the inference pool: each model's load, throughput, waits. */
package org.wenjin.ui.inference;
