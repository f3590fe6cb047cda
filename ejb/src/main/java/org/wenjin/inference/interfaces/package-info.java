/** The pools' live load (slots, active, queued) for platform admins and monitoring. */
package org.wenjin.inference.interfaces;
