/** The API keys page: a user's personal keys for the OpenAI-compatible API, and their company's. */
package org.wenjin.ui.apikeys;
