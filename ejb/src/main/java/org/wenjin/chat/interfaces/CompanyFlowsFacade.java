package org.wenjin.chat.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.json.JsonObject;
import java.util.List;
import org.wenjin.chat.application.FlowDryRuns;
import org.wenjin.chat.application.FlowService;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.flow.CompanyFlowList;
import org.wenjin.chat.domain.flow.FlowEntry;
import org.wenjin.chat.domain.flow.FlowRules;
import org.wenjin.chat.domain.flow.FlowSource;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.interfaces.TenantScoped;

/**
 * A tenant admin's flows: the list, a flow's text as JSON or YAML, checking, saving, offering,
 * resetting or deleting, and a dry run on a sample question. The rules are {@link FlowService}'s.
 */
@Stateless
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.TENANT_ADMIN)
@Interceptors(TenantScoped.class)
public class CompanyFlowsFacade {

  @Inject private FlowService flows;

  @Inject private FlowDryRuns dryRuns;

  public List<CompanyFlowDto> flows() {
    return flows.all().stream().map(CompanyFlowsFacade::dto).toList();
  }

  public CompanyFlowDto flow(String flowId) {
    return dto(flows.get(flowId));
  }

  /** The flow as JSON, as stored (or as shipped). */
  public JsonObject definition(String flowId) {
    return flows.get(flowId).source();
  }

  /** The flow's text as the editor shows it. */
  public String source(String flowId, FlowSource.Format format) {
    return FlowSource.as(format, flows.get(flowId).source());
  }

  /**
   * The editor's text in the other format.
   *
   * @throws FlowRules when it is neither JSON nor YAML of an object
   */
  public String convert(String text, FlowSource.Format format) {
    return FlowSource.as(format, FlowSource.json(text));
  }

  /** Every problem that stands in the way of saving {@code text}, in English; empty when none. */
  public List<String> check(String text) {
    return flows.problems(text).stream().map(RuleMessage::english).toList();
  }

  /** The same problems as {@link #check}, to be said in the reader's language. */
  public List<RuleMessage> checkExplained(String text) {
    return flows.problems(text);
  }

  /**
   * Saves the company's revision of {@code flowId} if it is still at {@code basedOn} (null: at
   * any); see {@link FlowService#save(String, String, boolean, Integer)}.
   */
  public CompanyFlowDto save(String flowId, String text, boolean offered, Integer basedOn) {
    return dto(flows.save(flowId, text, offered, basedOn));
  }

  /** Saves a new flow of the company's own, under the id its text names. */
  public CompanyFlowDto create(String text, boolean offered) {
    return dto(flows.save(null, text, offered));
  }

  public CompanyFlowDto offer(String flowId, boolean offered) {
    return dto(flows.offer(flowId, offered));
  }

  /** A built-in back as shipped, or a flow of the company's own deleted. */
  public void remove(String flowId) {
    flows.remove(flowId);
  }

  /**
   * Runs the flow in {@code text} (saved or not) on {@code question} with {@code modelId} (null:
   * the company's preselected model); nothing is saved but an audit note that it ran. Admitted by
   * the quotas like a question.
   *
   * @return stops the run
   * @throws FlowRules when the text is no runnable flow
   * @throws ChatRules for no question or a model the company does not offer
   * @throws org.wenjin.chat.domain.QuotaExceeded when a quota is used up
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // no lock held while it runs
  public Runnable dryRun(String text, String question, String modelId, DryRunListener listener) {
    return dryRuns.start(CallerScope.current(), text, question, modelId, listener);
  }

  static CompanyFlowDto dto(FlowEntry f) {
    return new CompanyFlowDto(
        f.id(),
        f.flow() == null ? f.source().getString("name", f.id()) : f.flow().name(),
        f.flow() == null ? "" : f.flow().description(),
        f.origin().name(),
        f.revision(),
        f.offered(),
        f.usable(),
        CompanyFlowList.isStandard(f.id()),
        f.flow() == null ? 0 : f.flow().modelCalls(),
        f.flow() == null ? 0 : f.flow().steps().size(),
        f.updatedAt(),
        f.updatedBy(),
        f.problems().stream().map(RuleMessage::english).toList(),
        f.problems());
  }
}
