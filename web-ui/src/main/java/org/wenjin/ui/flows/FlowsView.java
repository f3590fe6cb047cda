package org.wenjin.ui.flows;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import org.wenjin.chat.domain.flow.FlowRules;
import org.wenjin.chat.domain.flow.FlowSource;
import org.wenjin.chat.interfaces.CompanyFlowDto;
import org.wenjin.chat.interfaces.CompanyFlowsFacade;
import org.wenjin.chat.interfaces.DryRunDto;
import org.wenjin.chat.interfaces.DryRunListener;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.i18n.Tr;
import org.wenjin.ui.layout.MainLayout;

/**
 * The flows a company offers in the chat and to API clients ({@code flow:<id>}): built-ins, the
 * company's edited copies and its own flows, each edited as JSON or YAML, checked, dry-run on a
 * sample question, and offered or withdrawn.
 */
@Route(value = "admin/flows", layout = MainLayout.class)
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.TENANT_ADMIN)
public class FlowsView extends VerticalLayout implements HasDynamicTitle {

  /** Where a new flow starts: one search, one answer; the admin changes the rest. */
  static final String STARTER =
      """
      id: my-flow
      name: My flow
      description: What it does, for the people who choose it.
      steps:
        - id: search
          type: retrieve
          query: "{{question}}"
          k: 5
        - id: answer
          type: answer
          cite: search
          prompt: |
            {{search.block}}

            Answer from the passages above and cite them as [n]. Question: {{question}}
      """;

  @Inject private CompanyFlowsFacade flows;

  private final FlowGrid grid = new FlowGrid();

  @PostConstruct
  void init() {
    setId("flows-view");
    Button create =
        new Button(getTranslation("flows.new"), VaadinIcon.PLUS.create(), e -> openNew());
    create.setId("new-flow");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("flows.heading")), create);
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    add(header, new Paragraph(getTranslation("flows.intro")), grid);
    grid.onEdit(e -> openEdit(e.flow));
    grid.onOffer(
        e -> {
          String done =
              e.offered
                  ? getTranslation("flows.offered", FlowGrid.shownName(e.flow))
                  : getTranslation("flows.withdrawn", FlowGrid.shownName(e.flow));
          if (Notices.attempt(() -> flows.offer(e.flow.id(), e.offered), done)) {
            refresh();
          }
        });
    grid.onRemove(e -> confirmRemove(e.flow));
    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("flows.page-title");
  }

  private void refresh() {
    Notices.attempt(() -> grid.show(flows.flows()), null);
  }

  private void openEdit(CompanyFlowDto listed) {
    String[] source = new String[1];
    CompanyFlowDto[] flow = new CompanyFlowDto[1];
    // the revision of the text opened, which the save is based on (the list may be older)
    if (Notices.attempt(
        () -> {
          flow[0] = flows.flow(listed.id());
          source[0] = flows.source(listed.id(), FlowSource.Format.YAML);
        },
        null)) {
      open(
          new FlowEditorDialog(
              getTranslation("flows.editor.title.edit", FlowGrid.shownName(flow[0]), listed.id()),
              new FlowEditorDialog.Edited(listed.id(), flow[0].revision()),
              source[0],
              FlowSource.Format.YAML,
              flow[0].offered(),
              flow[0].standard()));
    }
  }

  private void openNew() {
    open(
        new FlowEditorDialog(
            getTranslation("flows.editor.title.new"),
            FlowEditorDialog.Edited.NEW,
            STARTER,
            FlowSource.Format.YAML,
            true,
            false));
  }

  private void open(FlowEditorDialog editor) {
    editor.onConvert(
        e -> {
          try {
            editor.showText(flows.convert(e.text, e.to), e.to);
          } catch (FlowRules rules) {
            editor.keepFormat(said(rules.explanations()));
          }
        });
    editor.onCheck(
        e -> Notices.attempt(() -> editor.showProblems(said(flows.checkExplained(e.text))), null));
    editor.onSave(e -> save(editor, e));
    new DryRuns(editor).wire();
    editor.open();
  }

  private void save(FlowEditorDialog editor, FlowEditorDialog.SaveEvent e) {
    try {
      CompanyFlowDto saved =
          e.flowId == null
              ? flows.create(e.text, e.offered)
              : flows.save(e.flowId, e.text, e.offered, e.basedOn);
      editor.close();
      Notices.show(
          getTranslation("flows.saved", saved.name(), saved.revision()),
          NotificationVariant.LUMO_SUCCESS);
      refresh();
    } catch (FlowRules rules) {
      editor.showProblems(said(rules.explanations()));
    } catch (RuntimeException other) {
      Notices.refused(other);
    }
  }

  private void confirmRemove(CompanyFlowDto flow) {
    boolean own = !flow.builtIn();
    ConfirmDialog confirm =
        new ConfirmDialog(
            own
                ? getTranslation("flows.remove.delete.title", FlowGrid.shownName(flow))
                : getTranslation("flows.remove.reset.title", FlowGrid.shownName(flow)),
            own
                ? getTranslation("flows.remove.delete.text")
                : getTranslation("flows.remove.reset.text"),
            own ? getTranslation("common.delete") : getTranslation("flows.grid.reset"),
            e -> {
              String done =
                  own
                      ? getTranslation("flows.remove.deleted")
                      : getTranslation("flows.remove.reset.done");
              if (Notices.attempt(() -> flows.remove(flow.id()), done)) {
                refresh();
              }
            });
    confirm.setId("confirm-remove-flow");
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("common.cancel"));
    confirm.setConfirmButtonTheme("error primary");
    confirm.open();
  }

  /** One editor's dry runs: started from the panel, reported back on the UI's thread. */
  private final class DryRuns {
    private final FlowEditorDialog editor;
    private Runnable stop;

    DryRuns(FlowEditorDialog editor) {
      this.editor = editor;
    }

    void wire() {
      DryRunPanel panel = editor.dryRun();
      panel.onRun(e -> start(panel, e.question));
      panel.onStop(e -> stopRunning());
      editor.addDialogCloseActionListener(e -> stopRunning());
      editor.addDetachListener(e -> stopRunning());
    }

    private void start(DryRunPanel panel, String question) {
      UI ui = UI.getCurrent();
      panel.started();
      DryRunListener listener =
          new DryRunListener() {
            @Override
            public void step(int number, int total, RuleMessage label) {
              ui.access(() -> panel.step(number, total, label));
            }

            @Override
            public void text(String piece) {
              ui.access(() -> panel.text(piece));
            }

            @Override
            public void finished(DryRunDto result) {
              ui.access(
                  () -> {
                    stop = null;
                    panel.finished(result);
                  });
            }
          };
      try {
        stop = flows.dryRun(editor.text(), question, null, listener);
      } catch (FlowRules rules) {
        panel.refused();
        editor.showProblems(said(rules.explanations()));
      } catch (RuntimeException other) {
        panel.refused();
        Notices.refused(other);
      }
    }

    private void stopRunning() {
      Runnable running = stop;
      if (running != null) {
        running.run();
      }
    }
  }

  /** The problems of a flow in the user's language. */
  private static List<String> said(List<RuleMessage> problems) {
    return problems.stream().map(p -> p.in(Tr.locale())).toList();
  }
}
