package org.wenjin.ui.apikeys;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.util.List;
import org.wenjin.tenancy.interfaces.ApiKeyDto;
import org.wenjin.ui.i18n.LocalFormats;

/**
 * A list of API keys (never their secrets): name, the key's first characters, when made and last
 * used, and a revoke button on each working key, which fires {@link RevokeEvent}. Names are the
 * users' own words, shown as text.
 */
class ApiKeyGrid extends Grid<ApiKeyDto> {

  ApiKeyGrid(String id, boolean withOwner, String empty) {
    setId(id);
    addColumn(ApiKeyDto::name)
        .setHeader(getTranslation("apikeys.column.name"))
        .setAutoWidth(true)
        .setFlexGrow(1)
        .setTooltipGenerator(ApiKeyDto::name);
    if (withOwner) {
      addColumn(ApiKeyDto::owner)
          .setHeader(getTranslation("apikeys.column.owner"))
          .setAutoWidth(true);
    }
    addColumn(ApiKeyDto::shown).setHeader(getTranslation("apikeys.column.key")).setAutoWidth(true);
    addColumn(k -> time(k.createdAt()))
        .setHeader(getTranslation("apikeys.column.created"))
        .setAutoWidth(true);
    addColumn(k -> k.lastUsedAt() == null ? getTranslation("apikeys.never") : time(k.lastUsedAt()))
        .setHeader(getTranslation("apikeys.column.last-used"))
        .setAutoWidth(true);
    addComponentColumn(this::state).setHeader("").setAutoWidth(true);
    setEmptyStateText(empty);
    setAllRowsVisible(true);
  }

  void show(List<ApiKeyDto> keys) {
    setItems(keys);
  }

  Registration onRevoke(ComponentEventListener<RevokeEvent> listener) {
    return addListener(RevokeEvent.class, listener);
  }

  private com.vaadin.flow.component.Component state(ApiKeyDto key) {
    if (!key.isActive()) {
      Button revoked =
          new Button(getTranslation("apikeys.revoked", time(key.revokedAt()), key.revokedBy()));
      revoked.setEnabled(false);
      revoked.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
      return revoked;
    }
    Button revoke = new Button(getTranslation("apikeys.revoke"), VaadinIcon.BAN.create());
    revoke.addClassName("api-key-revoke");
    revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    revoke
        .getElement()
        .setAttribute("aria-label", getTranslation("apikeys.revoke.aria", key.name()));
    revoke.addClickListener(e -> fireEvent(new RevokeEvent(this, key)));
    return revoke;
  }

  private static String time(Instant at) {
    return LocalFormats.dateTime(at);
  }

  /** The user asked to revoke {@code key} (not yet confirmed). */
  static class RevokeEvent extends ComponentEvent<ApiKeyGrid> {
    final ApiKeyDto key;

    RevokeEvent(ApiKeyGrid source, ApiKeyDto key) {
      super(source, false);
      this.key = key;
    }
  }
}
