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
      field("policy-conversation-days", "Keep conversations (days)");
  private final IntegerField auditDays = field("policy-audit-days", "Keep audit events (days)");
  private final IntegerField userPerMinute =
      field("policy-user-qpm", "Questions per user a minute");
  private final IntegerField companyPerMinute =
      field("policy-company-qpm", "Questions per company a minute");
  private final IntegerField userTokens = field("policy-user-tpd", "Tokens per user a day");
  private final IntegerField companyTokens =
      field("policy-company-tpd", "Tokens per company a day");
  private final Span usage = new Span();

  PolicyForm() {
    setId("policy-form");
    setPadding(false);
    usage.setId("policy-usage");
    Button save =
        new Button("Save retention and quotas", e -> fireEvent(new SaveEvent(this, policy())));
    save.setId("save-policy");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button purge = new Button("Purge now", e -> fireEvent(new PurgeEvent(this)));
    purge.setId("purge-now");
    HorizontalLayout retention = row(conversationDays, auditDays);
    HorizontalLayout quotas = row(userPerMinute, companyPerMinute, userTokens, companyTokens);
    add(
        new H2("Retention and quotas"),
        new Paragraph(
            "Leave a field empty for no limit. Conversations not used for longer are deleted every"
                + " hour (their questions and answers stay in the audit trail); audit events"
                + " are kept for ever unless you set a period. Each purge is itself recorded."),
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
    auditDays.setHelperText("At least " + bounds.minAuditDays() + " (set by the platform)");
    userPerMinute.setValue(p.userQuestionsPerMinute());
    companyPerMinute.setValue(p.companyQuestionsPerMinute());
    userTokens.setValue(toInt(p.userTokensPerDay()));
    companyTokens.setValue(toInt(p.companyTokensPerDay()));
    usage.setText(
        "Today (UTC): "
            + count(today.companyQuestions(), "question")
            + " and "
            + count(today.companyTokens(), "token")
            + " in your company"
            + (p.companyTokensPerDay() == null ? "" : " of " + p.companyTokensPerDay())
            + "; you: "
            + count(today.myQuestions(), "question")
            + ", "
            + count(today.myTokens(), "token")
            + ".");
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

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static IntegerField field(String id, String label) {
    IntegerField f = new IntegerField(label);
    f.setWidth("17em");
    f.setId(id);
    f.setMin(1);
    f.setClearButtonVisible(true);
    f.setPlaceholder("no limit");
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
