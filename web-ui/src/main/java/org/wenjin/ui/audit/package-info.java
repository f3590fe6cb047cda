/** The auditors' page (a placeholder until the conversation audit exists). */
package org.wenjin.ui.audit;
