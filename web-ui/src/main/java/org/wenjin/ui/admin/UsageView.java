package org.wenjin.ui.admin;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.wenjin.audit.interfaces.UsageDto;
import org.wenjin.audit.interfaces.UsageFacade;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.layout.MainLayout;

/**
 * The tenant admin's picture of how the company uses the assistant: summary cards, questions per
 * day, the documents answers cite, the questions the documents did not cover, and each model's
 * share. One call to the facade per range; every part shows what it is given (data down).
 */
@Route(value = "admin/usage", layout = MainLayout.class)
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.TENANT_ADMIN)
public class UsageView extends VerticalLayout implements HasDynamicTitle {

  @Inject private UsageFacade usage;

  private final Select<Integer> range = new Select<>();
  private final UsageSummary summary = new UsageSummary();
  private final QuestionsChart chart = new QuestionsChart();
  private final TopDocumentsGrid documents = new TopDocumentsGrid();
  private final UnansweredGrid unanswered = new UnansweredGrid();
  private final ModelUsageGrid models = new ModelUsageGrid();

  @PostConstruct
  void init() {
    setId("usage-view");
    range.setId("usage-range");
    range.setAriaLabel(getTranslation("admin.usage.range"));
    range.setItems(7, 30, 90);
    range.setItemLabelGenerator(days -> getTranslation("admin.usage.range.option", days));
    range.setValue(UsageFacade.DEFAULT_DAYS);
    range.addValueChangeListener(e -> show(e.getValue()));
    HorizontalLayout header =
        new HorizontalLayout(new H2(getTranslation("admin.usage.heading")), range);
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    add(
        header,
        hint(getTranslation("admin.usage.hint")),
        summary,
        new H3(getTranslation("admin.usage.chart.heading")),
        chart,
        new H3(getTranslation("admin.usage.documents.heading")),
        hint(getTranslation("admin.usage.documents.hint")),
        documents,
        new H3(getTranslation("admin.usage.unanswered.heading")),
        hint(getTranslation("admin.usage.unanswered.hint")),
        unanswered,
        new H3(getTranslation("admin.usage.models.heading")),
        models);
    show(UsageFacade.DEFAULT_DAYS);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("admin.usage.page-title");
  }

  private void show(Integer days) {
    if (days == null) {
      return;
    }
    Notices.attempt(
        () -> {
          UsageDto figures = usage.lastDays(days);
          summary.show(figures);
          chart.show(figures.days());
          documents.show(figures);
          unanswered.show(figures);
          models.show(figures);
        },
        null);
  }

  private static Paragraph hint(String text) {
    Paragraph hint = new Paragraph(text);
    hint.addClassName("wenjin-hint");
    return hint;
  }
}
