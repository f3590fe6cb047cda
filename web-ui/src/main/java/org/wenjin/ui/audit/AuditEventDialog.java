package org.wenjin.ui.audit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.wenjin.audit.interfaces.AuditEventDto;
import org.wenjin.ui.i18n.LocalFormats;
import org.wenjin.ui.i18n.Tr;
import org.wenjin.ui.knowledge.DocumentView;

/**
 * One audit event opened: for an exchange the question, the answer, the passages the model was
 * shown (each a link to the passage) and its timings; for an action what it was done on. Texts are
 * set as text, never as markup: they come from users, documents and models.
 */
class AuditEventDialog extends Dialog {

  AuditEventDialog(AuditEventDto e) {
    setId("audit-event-dialog");
    setHeaderTitle(
        getTranslation(
            "audit.event.title",
            AuditView.typeLabel(e.type()),
            LocalFormats.preciseDateTime(e.at()),
            e.user()));
    setWidth("min(56rem, 96vw)");
    Div body = new Div();
    body.addClassName("audit-event");
    if (e.question() != null) {
      body.add(
          section(
              getTranslation("audit.event.question"), text("audit-event-question", e.question())));
    }
    if (e.answer() != null) {
      body.add(
          section(getTranslation("audit.event.answer"), text("audit-event-answer", e.answer())));
    }
    if (e.rating() != null) {
      body.add(
          section(
              getTranslation("audit.event.feedback"),
              new Span(
                  (e.rating() > 0
                          ? getTranslation("audit.feedback.up")
                          : getTranslation("audit.feedback.down"))
                      + (e.comment() == null ? "" : " " + e.comment()))));
    }
    if (!e.passages().isEmpty()) {
      body.add(section(getTranslation("audit.event.passages"), passages(e)));
    }
    if (e.model() != null) {
      body.add(section(getTranslation("audit.event.model"), new Span(facts(e))));
    }
    if (e.error() != null) {
      body.add(section(getTranslation("audit.event.error"), new Span(e.error())));
    }
    if ("exchange".equals(e.type())) {
      ExchangeOrigin.of(e.detail()).ifPresent(origin -> body.add(origin.component()));
    }
    if (!"exchange".equals(e.type()) && !"feedback".equals(e.type()) && e.detail() != null) {
      Pre detail = new Pre(e.detail());
      detail.setId("audit-event-detail");
      body.add(section(getTranslation("audit.event.detail"), detail));
    }
    Span hash = new Span("#" + e.seq() + " · SHA-256 " + e.hash());
    hash.addClassName("audit-hash");
    body.add(hash);
    add(body);
    Button close = new Button(getTranslation("common.close"), click -> close());
    close.setId("audit-event-close");
    getFooter().add(close);
  }

  private static Component passages(AuditEventDto e) {
    UnorderedList list = new UnorderedList();
    list.setId("audit-event-passages");
    for (AuditEventDto.Shown p : e.passages()) {
      Anchor link =
          new Anchor(
              DocumentView.route(p.documentId(), p.chunk()),
              Tr.t("audit.event.passage", p.marker(), p.title(), p.documentId()));
      link.setTarget("_blank");
      ListItem item = new ListItem(link);
      if (p.cited()) {
        Span cited = new Span(Tr.t("audit.event.cited"));
        cited.getElement().getThemeList().add("badge success small");
        item.add(new Span(" "), cited);
      }
      list.add(item);
    }
    return list;
  }

  private static String facts(AuditEventDto e) {
    StringBuilder s = new StringBuilder(e.model());
    if (e.backend() != null) {
      s.append(" (").append(e.backend()).append(')');
    }
    if (e.status() != null) {
      s.append(" · ").append(AuditView.status(e.status()));
    }
    if (e.totalMs() != null && e.queueMs() != null) {
      s.append(" · ")
          .append(
              e.firstTokenMs() == null
                  ? Tr.t("audit.event.timings", e.queueMs(), e.totalMs())
                  : Tr.t(
                      "audit.event.timings-first-text",
                      e.queueMs(),
                      e.firstTokenMs(),
                      e.totalMs()));
    }
    if (e.tokensOut() != null) {
      s.append(" · ").append(Tr.t("audit.event.tokens", e.tokensIn(), e.tokensOut()));
    }
    return s.toString();
  }

  private static Component section(String title, Component content) {
    return new Div(new H4(title), content);
  }

  private static Paragraph text(String id, String value) {
    Paragraph p = new Paragraph(value);
    p.setId(id);
    p.getStyle().set("white-space", "pre-wrap");
    return p;
  }
}
