package org.wenjin.chat.interfaces;

import java.io.Serializable;

/**
 * How a company's assistant speaks, as its admins edit it.
 *
 * @param systemPrompt the company's template ({@code {{company}}}, {@code {{language}}}); empty:
 *     the built-in one, {@code defaultPrompt}
 * @param language auto (the question's), zh or en
 */
public record VoiceSettingsDto(String systemPrompt, String defaultPrompt, String language)
    implements Serializable {}
