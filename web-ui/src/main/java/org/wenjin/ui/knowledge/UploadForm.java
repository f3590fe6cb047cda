package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.wenjin.knowledge.interfaces.UploadLimitsDto;
import org.wenjin.knowledge.interfaces.UploadRequest;
import org.wenjin.ui.common.Notices;

/**
 * Where tenant admins drop files (many at once), with the collection, labels and groups the files
 * get. The browser refuses files the server's {@link UploadLimitsDto limits} exclude; every file
 * received fires an {@link UploadEvent}, and the view stores it.
 */
class UploadForm extends VerticalLayout {

  private final TextField collection = new TextField("Collection");
  private final TextField labels = new TextField("Labels");
  private final TextField visibleTo = new TextField("Visible to groups");

  UploadForm(UploadLimitsDto limits) {
    setPadding(false);
    // eager: an upload reads these fields at once, without waiting for them to lose focus
    for (TextField field : List.of(collection, labels, visibleTo)) {
      field.setValueChangeMode(ValueChangeMode.EAGER);
    }
    collection.setId("upload-collection");
    collection.setPlaceholder("general");
    labels.setId("upload-labels");
    labels.setPlaceholder("policy, hr");
    labels.setHelperText("Comma-separated");
    visibleTo.setId("upload-groups");
    visibleTo.setPlaceholder("Everyone in the company");
    visibleTo.setHelperText("Comma-separated group names");
    HorizontalLayout options = new HorizontalLayout(collection, labels, visibleTo);
    options.setAlignItems(FlexComponent.Alignment.BASELINE);

    Upload upload = new Upload(UploadHandler.inMemory(this::received));
    upload.setId("upload");
    upload.setAcceptedFileTypes(limits.acceptedFileTypes().toArray(String[]::new));
    upload.setMaxFileSize((int) Math.min(limits.maxBytes(), Integer.MAX_VALUE));
    upload.addFileRejectedListener(
        e -> Notices.show(e.getErrorMessage(), NotificationVariant.LUMO_ERROR));
    Paragraph hint =
        new Paragraph(
            "PDF, Word (DOCX), HTML, Markdown or plain text (UTF-8 or GBK), up to "
                + limits.maxMegabytes()
                + " MB each. Files are stored at once and indexed in the background.");
    hint.addClassName("wenjin-hint");
    add(options, upload, hint);
  }

  /** Runs on the upload's request, outside the UI lock: the event is fired inside it. */
  private void received(UploadMetadata file, byte[] bytes) {
    UploadRequest request =
        new UploadRequest(
            file.fileName(),
            bytes,
            null,
            collection.getValue(),
            split(labels.getValue()),
            split(visibleTo.getValue()));
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.access(() -> fireEvent(new UploadEvent(this, request)));
    } else {
      fireEvent(new UploadEvent(this, request));
    }
  }

  private static List<String> split(String value) {
    return value == null || value.isBlank()
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  Registration onUpload(Consumer<UploadRequest> listener) {
    return addListener(UploadEvent.class, e -> listener.accept(e.request));
  }

  /** A file arrived, with the options given for it. */
  static final class UploadEvent extends ComponentEvent<UploadForm> {
    final UploadRequest request;

    UploadEvent(UploadForm source, UploadRequest request) {
      super(source, false);
      this.request = request;
    }
  }
}
