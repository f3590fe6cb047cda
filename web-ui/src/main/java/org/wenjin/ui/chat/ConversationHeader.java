package org.wenjin.ui.chat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.chat.interfaces.ConversationDto;
import org.wenjin.chat.interfaces.FlowDto;
import org.wenjin.chat.interfaces.ModelDto;
import org.wenjin.ui.chat.ConversationEvents.ClearEvent;
import org.wenjin.ui.chat.ConversationEvents.DeleteEvent;
import org.wenjin.ui.chat.ConversationEvents.ModelChangedEvent;
import org.wenjin.ui.chat.ConversationEvents.RenameEvent;
import org.wenjin.ui.chat.ConversationEvents.SourcesChangedEvent;
import org.wenjin.ui.common.TextPromptDialog;

/**
 * The open conversation's title, its actions (rename, clear, delete), the documents it answers from
 * and the model. Asks the user (new title, "really delete?") and fires events; the view calls the
 * server and shows the outcome ("events up, data down").
 */
class ConversationHeader extends HorizontalLayout {

  private final H3 title = new H3();
  private final HorizontalLayout actions = new HorizontalLayout();
  private final DocumentSourcesField sources = new DocumentSourcesField();
  private final ModelSelect model = new ModelSelect();
  private final FlowSelect flow = new FlowSelect();
  private TextPromptDialog renaming;

  ConversationHeader() {
    title.setId("conversation-title");
    title.addClassName("wenjin-conversation-title");
    model.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null) {
            fireEvent(new ModelChangedEvent(this, e.getValue().id()));
          }
        });
    actions.add(
        iconButton(
            "rename-conversation",
            VaadinIcon.PENCIL,
            getTranslation("chat.header.rename"),
            this::askTitle),
        iconButton(
            "clear-conversation",
            VaadinIcon.ERASER,
            getTranslation("chat.header.clear"),
            () -> fireEvent(new ClearEvent(this))),
        iconButton(
            "delete-conversation",
            VaadinIcon.TRASH,
            getTranslation("chat.header.delete"),
            this::confirmDelete));
    sources.onChange(chosen -> fireEvent(new SourcesChangedEvent(this, chosen)));
    add(title, actions, sources, model, flow);
    setWidthFull();
    setAlignItems(FlexComponent.Alignment.BASELINE);
    expand(title);
    // a narrow window moves the controls below the title instead of squeezing it to one
    // character per line (Chinese breaks anywhere); a long title ends in "…" (full on hover)
    getStyle().set("flex-wrap", "wrap");
    title
        .getStyle()
        .set("min-width", "12em")
        .set("white-space", "nowrap")
        .set("overflow", "hidden")
        .set("text-overflow", "ellipsis");
  }

  /**
   * Shows the open conversation: its title, documents and model (if it is still offered); or, for
   * {@code null}, a new conversation with every document and the model chosen so far.
   */
  void show(ConversationDto current) {
    showTitle(current == null ? getTranslation("chat.header.new-title") : current.title());
    sources.setValue(current == null ? DocumentSources.ALL : current.sources());
    if (current != null && current.modelId() != null) {
      model.select(current.modelId());
    }
  }

  void showTitle(String text) {
    title.setText(text);
    title.getElement().setAttribute("title", text);
  }

  /** The rename went through: shows the new title and closes the dialog. */
  void renamed(String newTitle) {
    showTitle(newTitle);
    if (renaming != null) {
      renaming.close();
      renaming = null;
    }
  }

  /** Rename, clear and delete exist only for a conversation that has started. */
  void showActions(boolean visible) {
    actions.setVisible(visible);
  }

  void showCollections(List<String> collections) {
    sources.setCollections(collections);
  }

  DocumentSources sources() {
    return sources.getValue();
  }

  /** Offers the company's models, keeping {@code keep} (the user's pick) if it is one of them. */
  void showModels(List<ModelDto> models, String keep) {
    model.offer(models, keep);
  }

  String modelId() {
    return model.modelId();
  }

  void showFlows(List<FlowDto> flows) {
    flow.offer(flows);
  }

  /** The flow the next question is answered with (null: the standard answer). */
  String flowId() {
    return flow.flowId();
  }

  private void askTitle() {
    TextPromptDialog dialog =
        new TextPromptDialog(
            getTranslation("chat.rename.title"),
            getTranslation("chat.rename.label"),
            title.getText(),
            getTranslation("chat.rename.action"),
            "conversation-title");
    dialog.onSubmit(e -> fireEvent(new RenameEvent(this, dialog.value.getValue())));
    renaming = dialog;
    dialog.open();
  }

  private void confirmDelete() {
    ConfirmDialog confirm =
        new ConfirmDialog(
            getTranslation("chat.delete.title"),
            getTranslation("chat.delete.message", title.getText()),
            getTranslation("chat.delete.action"),
            e -> fireEvent(new DeleteEvent(this)));
    confirm.setConfirmButtonTheme("error primary");
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("common.cancel"));
    confirm.setId("confirm-delete");
    confirm.open();
  }

  private static Button iconButton(String id, VaadinIcon icon, String label, Runnable click) {
    Button b = new Button(icon.create(), e -> click.run());
    b.setId(id);
    b.setTooltipText(label);
    b.getElement().setAttribute("aria-label", label);
    b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    return b;
  }

  Registration onRename(Consumer<String> listener) {
    return addListener(RenameEvent.class, e -> listener.accept(e.title));
  }

  Registration onClear(Runnable listener) {
    return addListener(ClearEvent.class, e -> listener.run());
  }

  Registration onDelete(Runnable listener) {
    return addListener(DeleteEvent.class, e -> listener.run());
  }

  Registration onSourcesChanged(Consumer<DocumentSources> listener) {
    return addListener(SourcesChangedEvent.class, e -> listener.accept(e.sources));
  }

  Registration onModelChanged(Consumer<String> listener) {
    return addListener(ModelChangedEvent.class, e -> listener.accept(e.modelId));
  }
}
