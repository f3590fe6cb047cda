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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.wenjin.audit.domain.AuditQuery;
import org.wenjin.ui.i18n.Tr;

/**
 * The auditor's filters: days, user, text in question or answer, model, document, event type and
 * feedback. Fires {@link FilterChanged} with the whole filter whenever one of them changes.
 */
class AuditFilters extends HorizontalLayout {

  /** Event types an auditor picks from (type or family → its label's key); "" is any. */
  private static final Map<String, String> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("", "audit.filters.type.any");
    TYPES.put("exchange", "audit.filters.type.exchange");
    TYPES.put("feedback", "audit.filters.type.feedback");
    TYPES.put("conversation.*", "audit.filters.type.conversation");
    TYPES.put("document.*", "audit.filters.type.document");
    TYPES.put("settings.*", "audit.filters.type.settings");
    TYPES.put("tenant.*", "audit.filters.type.tenant");
    TYPES.put("company.*", "audit.filters.type.company");
    TYPES.put("retention.*", "audit.filters.type.retention");
    TYPES.put("flow.*", "audit.filters.type.flow");
    TYPES.put("apikey.*", "audit.filters.type.apikey");
    TYPES.put("api.*", "audit.filters.type.api");
  }

  private final DatePicker from = new DatePicker(getTranslation("audit.filters.from"));
  private final DatePicker to = new DatePicker(getTranslation("audit.filters.to"));
  private final TextField user = new TextField(getTranslation("audit.filters.user"));
  private final TextField text = new TextField(getTranslation("audit.filters.text"));
  private final TextField model = new TextField(getTranslation("audit.filters.model"));
  private final IntegerField document = new IntegerField(getTranslation("audit.filters.document"));
  private final Select<String> type = new Select<>();
  private final Select<String> feedback = new Select<>();
  private final ZoneId zone;

  AuditFilters(ZoneId zone) {
    this.zone = zone;
    setId("audit-filters");
    from.setId("audit-from");
    to.setId("audit-to");
    from.setI18n(calendar());
    to.setI18n(calendar());
    user.setId("audit-user");
    text.setId("audit-text");
    text.setPlaceholder(getTranslation("audit.filters.text.placeholder"));
    model.setId("audit-model");
    document.setId("audit-document");
    type.setId("audit-type");
    type.setLabel(getTranslation("audit.filters.event"));
    type.setItems(TYPES.keySet());
    type.setItemLabelGenerator(t -> Tr.t(TYPES.get(t)));
    type.setValue("");
    feedback.setId("audit-feedback");
    feedback.setLabel(getTranslation("audit.filters.feedback"));
    feedback.setItems("", "up", "down");
    feedback.setItemLabelGenerator(
        f ->
            switch (f) {
              case "up" -> Tr.t("audit.feedback.up");
              case "down" -> Tr.t("audit.feedback.down");
              default -> Tr.t("audit.filters.feedback.any");
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

  /** The calendar's month and day names in the UI's language, its buttons from the bundles. */
  private static DatePicker.DatePickerI18n calendar() {
    Locale locale = Tr.locale();
    List<String> months =
        Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL, locale)).toList();
    // the calendar's weeks are listed from Sunday
    List<DayOfWeek> week = Arrays.stream(DayOfWeek.values()).map(d -> d.minus(1)).toList();
    return new DatePicker.DatePickerI18n()
        .setMonthNames(months)
        .setWeekdays(week.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList())
        .setWeekdaysShort(
            week.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList())
        .setToday(Tr.t("audit.filters.calendar.today"))
        .setCancel(Tr.t("common.cancel"));
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
