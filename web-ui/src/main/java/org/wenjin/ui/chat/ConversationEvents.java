package org.wenjin.ui.chat;

import com.vaadin.flow.component.ComponentEvent;
import org.wenjin.chat.domain.DocumentSources;

/** What the user asks of the open conversation in its {@link ConversationHeader}. */
final class ConversationEvents {

  private ConversationEvents() {}

  /**
   * The user gave the conversation a new title; the dialog stays open until {@link
   * ConversationHeader#renamed}.
   */
  static final class RenameEvent extends ComponentEvent<ConversationHeader> {
    final String title;

    RenameEvent(ConversationHeader source, String title) {
      super(source, false);
      this.title = title;
    }
  }

  /** The user asked to remove every question and answer, keeping the conversation. */
  static final class ClearEvent extends ComponentEvent<ConversationHeader> {
    ClearEvent(ConversationHeader source) {
      super(source, false);
    }
  }

  /** The user confirmed deleting the conversation. */
  static final class DeleteEvent extends ComponentEvent<ConversationHeader> {
    DeleteEvent(ConversationHeader source) {
      super(source, false);
    }
  }

  /** The user changed which documents ground the answers. */
  static final class SourcesChangedEvent extends ComponentEvent<ConversationHeader> {
    final DocumentSources sources;

    SourcesChangedEvent(ConversationHeader source, DocumentSources sources) {
      super(source, false);
      this.sources = sources;
    }
  }

  /** The user picked a model. */
  static final class ModelChangedEvent extends ComponentEvent<ConversationHeader> {
    final String modelId;

    ModelChangedEvent(ConversationHeader source, String modelId) {
      super(source, false);
      this.modelId = modelId;
    }
  }
}
