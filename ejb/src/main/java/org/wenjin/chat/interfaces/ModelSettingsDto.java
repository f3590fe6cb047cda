package org.wenjin.chat.interfaces;

import java.io.Serializable;
import java.util.List;

/**
 * A company's model settings as its admins edit them.
 *
 * @param registered every model of the installation, offered or not
 * @param offered ids of the models the company's users may choose
 * @param preselected the id chosen for a new conversation
 * @param historyTurns earlier turns a model sees (older ones are dropped)
 */
public record ModelSettingsDto(
    List<ModelDto> registered, List<String> offered, String preselected, int historyTurns)
    implements Serializable {}
