package org.wenjin.ui.admin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.shared.Registration;
import org.wenjin.governance.domain.Policy;
import org.wenjin.governance.domain.PolicyBounds;
import org.wenjin.governance.domain.UsageToday;

/**
 * The company's retention and quotas, with today's use beside them. An empty field is "no limit".
 * "Save" fires {@link SaveEvent}, "Purge now" {@link PurgeEvent}; the view does the work.
 */
class PolicyForm extends VerticalLayout {

  private final IntegerField conversationDays =
      field("policy-conversation-days", getTranslation("admin.policy.conversation-days"));
  private final IntegerField auditDays =
      field("policy-audit-days", getTranslation("admin.policy.audit-days"));
  private final IntegerField userPerMinute =
      field("policy-user-qpm", getTranslation("admin.policy.user-qpm"));
  private final IntegerField companyPerMinute =
      field("policy-company-qpm", getTranslation("admin.policy.company-qpm"));
  private final IntegerField userTokens =
      field("policy-user-tpd", getTranslation("admin.policy.user-tpd"));
  private final IntegerField companyTokens =
      field("policy-company-tpd", getTranslation("admin.policy.company-tpd"));
  private final Span usage = new Span();

  PolicyForm() {
    setId("policy-form");
    setPadding(false);
    usage.setId("policy-usage");
    Button save =
        new Button(
            getTranslation("admin.policy.save"), e -> fireEvent(new SaveEvent(this, policy())));
    save.setId("save-policy");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button purge =
        new Button(getTranslation("admin.policy.purge"), e -> fireEvent(new PurgeEvent(this)));
    purge.setId("purge-now");
    HorizontalLayout retention = row(conversationDays, auditDays);
    HorizontalLayout quotas = row(userPerMinute, companyPerMinute, userTokens, companyTokens);
    add(
        new H2(getTranslation("admin.policy.heading")),
        new Paragraph(getTranslation("admin.policy.intro")),
        retention,
        quotas,
        usage,
        row(save, purge));
  }

  void show(Policy p, PolicyBounds bounds, UsageToday today) {
    conversationDays.setValue(p.conversationDays());
    conversationDays.setMax(bounds.maxConversationDays());
    auditDays.setValue(p.auditDays());
    auditDays.setMin(bounds.minAuditDays());
    auditDays.setHelperText(
        getTranslation("admin.policy.audit-days.helper", bounds.minAuditDays()));
    userPerMinute.setValue(p.userQuestionsPerMinute());
    companyPerMinute.setValue(p.companyQuestionsPerMinute());
    userTokens.setValue(toInt(p.userTokensPerDay()));
    companyTokens.setValue(toInt(p.companyTokensPerDay()));
    usage.setText(
        p.companyTokensPerDay() == null
            ? getTranslation(
                "admin.policy.usage",
                today.companyQuestions(),
                today.companyTokens(),
                today.myQuestions(),
                today.myTokens())
            : getTranslation(
                "admin.policy.usage.of-limit",
                today.companyQuestions(),
                today.companyTokens(),
                today.myQuestions(),
                today.myTokens(),
                p.companyTokensPerDay()));
  }

  private Policy policy() {
    return new Policy(
        conversationDays.getValue(),
        auditDays.getValue(),
        userPerMinute.getValue(),
        companyPerMinute.getValue(),
        toLong(userTokens.getValue()),
        toLong(companyTokens.getValue()));
  }

  private IntegerField field(String id, String label) {
    IntegerField f = new IntegerField(label);
    f.setWidth("17em");
    f.setId(id);
    f.setMin(1);
    f.setClearButtonVisible(true);
    f.setPlaceholder(getTranslation("admin.policy.no-limit"));
    return f;
  }

  private static HorizontalLayout row(com.vaadin.flow.component.Component... parts) {
    HorizontalLayout row = new HorizontalLayout(parts);
    row.setAlignItems(FlexComponent.Alignment.BASELINE);
    row.setWrap(true);
    return row;
  }

  private static Integer toInt(Long v) {
    return v == null ? null : (int) Math.min(Integer.MAX_VALUE, v);
  }

  private static Long toLong(Integer v) {
    return v == null ? null : v.longValue();
  }

  Registration onSave(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  Registration onPurge(ComponentEventListener<PurgeEvent> listener) {
    return addListener(PurgeEvent.class, listener);
  }

  /** Save this policy. */
  static final class SaveEvent extends ComponentEvent<PolicyForm> {
    final Policy policy;

    SaveEvent(PolicyForm source, Policy policy) {
      super(source, false);
      this.policy = policy;
    }
  }

  /** Purge by the saved policy now. */
  static final class PurgeEvent extends ComponentEvent<PolicyForm> {
    PurgeEvent(PolicyForm source) {
      super(source, false);
    }
  }
}
