package org.wenjin.ui.audit;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.wenjin.audit.domain.AuditQuery;

/**
 * The auditor's filters: days, user, text in question or answer, model, document, event type and
 * feedback. Fires {@link FilterChanged} with the whole filter whenever one of them changes.
 */
class AuditFilters extends HorizontalLayout {

  /** Event types an auditor picks from (label → type or family); "" is any. */
  private static final Map<String, String> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("", "Any event");
    TYPES.put("exchange", "Questions and answers");
    TYPES.put("feedback", "Feedback");
    TYPES.put("conversation.*", "Conversations deleted");
    TYPES.put("document.*", "Documents");
    TYPES.put("settings.*", "Settings");
    TYPES.put("tenant.*", "Company and members");
    TYPES.put("company.*", "Company switches");
    TYPES.put("retention.*", "Retention purges");
  }

  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To");
  private final TextField user = new TextField("User");
  private final TextField text = new TextField("Text");
  private final TextField model = new TextField("Model");
  private final IntegerField document = new IntegerField("Document id");
  private final Select<String> type = new Select<>();
  private final Select<String> feedback = new Select<>();
  private final ZoneId zone;

  AuditFilters(ZoneId zone) {
    this.zone = zone;
    setId("audit-filters");
    from.setId("audit-from");
    to.setId("audit-to");
    user.setId("audit-user");
    text.setId("audit-text");
    text.setPlaceholder("年假 / leave");
    model.setId("audit-model");
    document.setId("audit-document");
    type.setId("audit-type");
    type.setLabel("Event");
    type.setItems(TYPES.keySet());
    type.setItemLabelGenerator(TYPES::get);
    type.setValue("");
    feedback.setId("audit-feedback");
    feedback.setLabel("Feedback");
    feedback.setItems("", "up", "down");
    feedback.setItemLabelGenerator(
        f ->
            switch (f) {
              case "up" -> "Thumbs up";
              case "down" -> "Thumbs down";
              default -> "Any";
            });
    feedback.setValue("");
    for (TextField field : new TextField[] {user, text, model}) {
      field.setClearButtonVisible(true);
      field.setValueChangeMode(ValueChangeMode.LAZY);
    }
    for (HasValue<?, ?> field :
        new HasValue<?, ?>[] {from, to, user, text, model, document, type}) {
      field.addValueChangeListener(e -> fireEvent(new FilterChanged(this, query())));
    }
    feedback.addValueChangeListener(e -> fireEvent(new FilterChanged(this, query())));
    add(from, to, user, text, model, document, type, feedback);
    setWrap(true);
    setAlignItems(FlexComponent.Alignment.BASELINE);
  }

  AuditQuery query() {
    return new AuditQuery(
        start(from.getValue()),
        to.getValue() == null ? null : start(to.getValue().plusDays(1)),
        blankToNull(user.getValue()),
        blankToNull(text.getValue()),
        blankToNull(model.getValue()),
        document.getValue() == null ? null : document.getValue().longValue(),
        blankToNull(type.getValue()),
        switch (feedback.getValue() == null ? "" : feedback.getValue()) {
          case "up" -> 1;
          case "down" -> -1;
          default -> null;
        });
  }

  private Instant start(LocalDate day) {
    return day == null ? null : day.atStartOfDay(zone).toInstant();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  Registration onChange(Consumer<AuditQuery> listener) {
    return addListener(FilterChanged.class, e -> listener.accept(e.query));
  }

  /** The filter changed; {@code query} is all of it. */
  static final class FilterChanged extends ComponentEvent<AuditFilters> {
    final AuditQuery query;

    FilterChanged(AuditFilters source, AuditQuery query) {
      super(source, false);
      this.query = query;
    }
  }
}
