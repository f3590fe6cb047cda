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
import com.vaadin.flow.component.upload.UploadI18N;
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

  /** The collection the server files a document under when none is given: a name, not a text. */
  private static final String DEFAULT_COLLECTION = "general";

  private final TextField collection = new TextField(getTranslation("knowledge.upload.collection"));
  private final TextField labels = new TextField(getTranslation("knowledge.upload.labels"));
  private final TextField visibleTo = new TextField(getTranslation("knowledge.upload.visible-to"));

  UploadForm(UploadLimitsDto limits) {
    setPadding(false);
    // eager: an upload reads these fields at once, without waiting for them to lose focus
    for (TextField field : List.of(collection, labels, visibleTo)) {
      field.setValueChangeMode(ValueChangeMode.EAGER);
    }
    collection.setId("upload-collection");
    collection.setPlaceholder(DEFAULT_COLLECTION);
    labels.setId("upload-labels");
    labels.setPlaceholder(getTranslation("knowledge.upload.labels.placeholder"));
    labels.setHelperText(getTranslation("knowledge.upload.labels.helper"));
    visibleTo.setId("upload-groups");
    visibleTo.setPlaceholder(getTranslation("knowledge.upload.visible-to.placeholder"));
    visibleTo.setHelperText(getTranslation("knowledge.upload.visible-to.helper"));
    HorizontalLayout options = new HorizontalLayout(collection, labels, visibleTo);
    options.setAlignItems(FlexComponent.Alignment.BASELINE);

    Upload upload = new Upload(UploadHandler.inMemory(this::received));
    upload.setId("upload");
    upload.setAcceptedFileTypes(limits.acceptedFileTypes().toArray(String[]::new));
    upload.setMaxFileSize((int) Math.min(limits.maxBytes(), Integer.MAX_VALUE));
    upload.setI18n(i18n());
    upload.addFileRejectedListener(
        e -> Notices.show(e.getErrorMessage(), NotificationVariant.LUMO_ERROR));
    Paragraph hint = new Paragraph(getTranslation("knowledge.upload.hint", limits.maxMegabytes()));
    hint.addClassName("wenjin-hint");
    add(options, upload, hint);
  }

  /** The upload's own words (its button, drop zone, file states and refusals). */
  private UploadI18N i18n() {
    return new UploadI18N()
        .setDropFiles(
            new UploadI18N.DropFiles()
                .setOne(getTranslation("knowledge.upload.drop.one"))
                .setMany(getTranslation("knowledge.upload.drop.many")))
        .setAddFiles(
            new UploadI18N.AddFiles()
                .setOne(getTranslation("knowledge.upload.add.one"))
                .setMany(getTranslation("knowledge.upload.add.many")))
        .setError(
            new UploadI18N.Error()
                .setTooManyFiles(getTranslation("knowledge.upload.error.too-many"))
                .setFileIsTooBig(getTranslation("knowledge.upload.error.too-large"))
                .setIncorrectFileType(getTranslation("knowledge.upload.error.wrong-type")))
        .setUploading(
            new UploadI18N.Uploading()
                .setStatus(
                    new UploadI18N.Uploading.Status()
                        .setConnecting(getTranslation("knowledge.upload.status.connecting"))
                        .setStalled(getTranslation("knowledge.upload.status.stalled"))
                        .setProcessing(getTranslation("knowledge.upload.status.processing"))
                        .setHeld(getTranslation("knowledge.upload.status.held")))
                .setRemainingTime(
                    new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("knowledge.upload.remaining.prefix"))
                        .setUnknown(getTranslation("knowledge.upload.remaining.unknown")))
                .setError(
                    new UploadI18N.Uploading.Error()
                        .setServerUnavailable(
                            getTranslation("knowledge.upload.failed.server-unavailable"))
                        .setUnexpectedServerError(
                            getTranslation("knowledge.upload.failed.server-error"))
                        .setForbidden(getTranslation("knowledge.upload.failed.forbidden"))))
        .setFile(
            new UploadI18N.File()
                .setRetry(getTranslation("knowledge.upload.file.retry"))
                .setStart(getTranslation("knowledge.upload.file.start"))
                .setRemove(getTranslation("knowledge.upload.file.remove")));
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
