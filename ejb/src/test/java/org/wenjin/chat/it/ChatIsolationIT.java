package org.wenjin.chat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenjin.chat.application.AnswerStreams;
import org.wenjin.chat.application.ConversationService;
import org.wenjin.chat.application.PreparedTurn;
import org.wenjin.chat.application.Question;
import org.wenjin.chat.application.TurnService;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.ConversationRepository;
import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.it.TestDeployments;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.persistence.chat.Conversation;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.persistence.tenancy.TenantScope;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.application.SignedInUser;
import org.wenjin.tenancy.application.TenantContext;
import org.wenjin.tenancy.application.UserProvisioningService;
import org.wenjin.tenancy.domain.CallerIdentity;

/**
 * Tenant isolation of chat data on a real WildFly with Hibernate's {@code @TenantId}: a user of
 * another tenant and another user of the same tenant try every chat operation on a conversation by
 * its id, and code that forgets the tenant scope sees and writes nothing. Each dynamic test is one
 * attack case.
 */
@ExtendWith(ArquillianExtension.class)
class ChatIsolationIT {

  @Deployment
  static WebArchive deployment() throws URISyntaxException {
    return TestDeployments.chatWithoutKnowledge("chat-isolation-it");
  }

  @EJB private UserProvisioningService provisioning;
  @EJB private TurnService chat;
  @EJB private ConversationService conversations;
  @EJB private AnswerStreams streams;
  @EJB private TenantContext tenantContext;
  @Inject private ConversationRepository repository;

  @PersistenceContext(unitName = "wenjin")
  private EntityManager em;

  private ActingCaller owner;
  private ActingCaller colleague;
  private ActingCaller stranger;
  private long conversationId;
  private long turnId;

  private PreparedTurn prepared;

  @BeforeEach
  void aConversationWithOneAnswer() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    owner = caller("owner-" + run, "a-" + run);
    colleague = caller("colleague-" + run, "a-" + run);
    stranger = caller("stranger-" + run, "b-" + run);
    PreparedTurn turn =
        as(
            owner,
            () ->
                chat.ask(
                    owner, new Question(null, "如何申请年假？ How do I apply for leave?", null, null)));
    conversationId = turn.conversationId();
    turnId = turn.turnId();
    prepared = turn;
    CountDownLatch done = new CountDownLatch(1);
    streams.start(turn, watcher(t -> done.countDown()));
    assertThat(done.await(10, TimeUnit.SECONDS)).as("answered").isTrue();
  }

  @Test
  void theOwnerSeesTheAnswerAndHibernateStoredTheTenant() throws Exception {
    List<ChatTurn> turns = as(owner, () -> conversations.turns(owner, conversationId));
    assertThat(turns)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getStatus().name()).isEqualTo("COMPLETE");
              assertThat(t.getAnswer()).startsWith("尚未配置语言模型");
            });
    Number tenant =
        (Number)
            em.createNativeQuery("select tenant_id from conversation where id = ?1")
                .setParameter(1, conversationId)
                .getSingleResult();
    assertThat(tenant.longValue()).isEqualTo(owner.tenantId());
  }

  /**
   * Every chat operation by conversation or turn id, as a colleague in the same company and as a
   * user of another company: 24 attack cases, each must be denied with the same "does not exist or
   * is not yours" and leave the owner's data as it was. (One test, not a {@code @TestFactory}:
   * Arquillian runs dynamic tests outside the container.)
   */
  @Test
  void anotherUserCannotTouchTheConversationById() {
    List<Attack> attacks = new java.util.ArrayList<>();
    for (Intruder intruder :
        List.of(
            new Intruder("a colleague in the same company", colleague),
            new Intruder("a user of another company", stranger))) {
      ActingCaller c = intruder.caller();
      Stream.of(
              attack(c, "read it", () -> conversations.owned(c, conversationId)),
              attack(c, "read its turns", () -> conversations.turns(c, conversationId)),
              attack(c, "read a turn", () -> conversations.ownedTurn(c, turnId)),
              attack(c, "rename it", () -> conversations.rename(c, conversationId, "mine")),
              attack(c, "clear it", () -> conversations.clear(c, conversationId)),
              attack(c, "delete it", () -> conversations.delete(c, conversationId)),
              attack(c, "delete a turn", () -> conversations.deleteTurn(c, turnId)),
              attack(c, "rate a turn", () -> conversations.rate(c, turnId, -1, "x")),
              attack(
                  c,
                  "ask into it",
                  () -> chat.ask(c, new Question(conversationId, "q", null, null))),
              attack(c, "regenerate it", () -> chat.regenerate(c, conversationId, null)),
              attack(c, "edit a question", () -> chat.edit(c, turnId, "q", null)),
              search(c))
          .map(a -> new Attack(intruder.name() + " cannot " + a.what(), a.failure()))
          .forEach(attacks::add);
    }
    System.out.println(
        "Chat isolation: "
            + attacks.size()
            + " attack cases, "
            + attacks.stream().filter(a -> a.failure() == null).count()
            + " denied");
    assertThat(attacks).hasSize(24);
    assertThat(attacks).allSatisfy(a -> assertThat(a.failure()).as(a.what()).isNull());
  }

  @Test
  void aFirstCallWithoutAnEarlierSignInRecordsTheUserAndTheirCompany() {
    String subject = "script-" + UUID.randomUUID().toString().substring(0, 8);
    String alias = "c-" + subject.substring(7);

    ActingCaller acting =
        tenantContext.act(
            new CallerIdentity(
                subject, subject, subject, null, List.of(alias), Set.of(Roles.USER), List.of()));

    assertThat(acting.username()).isEqualTo(subject);
    assertThat(
            em.createNamedQuery(Tenant.BY_ALIAS, Tenant.class)
                .setParameter("alias", alias)
                .getSingleResult()
                .getId())
        .isEqualTo(acting.tenantId());
  }

  @Test
  void aQueryOfAnotherTenantSeesNoneOfItsRows() throws Exception {
    Long rows =
        as(
            stranger,
            () ->
                repository.find(conversationId).map(c -> 1L).orElse(0L)
                    + repository.findTurn(turnId).map(t -> 1L).orElse(0L)
                    + repository.turns(conversationId).size());
    assertThat(rows).isZero();
  }

  @Test
  void codeThatForgetsTheTenantScopeSeesNothing() {
    assertThat(TenantScope.current()).isEmpty();
    assertThat(repository.find(conversationId)).isEmpty();
    assertThat(repository.turns(conversationId)).isEmpty();
  }

  @Test
  void codeThatForgetsTheTenantScopeCannotWrite() {
    assertThatThrownBy(
            () -> chat.ask(owner, new Question(null, "written without a tenant scope", null, null)))
        .as("insert with tenant -1 violates the foreign key")
        .isInstanceOf(EJBException.class);
    assertOwnersDataIntact();
  }

  @Test
  void anAnswerCannotBeFinishedFromAnotherTenantsScope() throws Exception {
    ChatTurn result =
        as(
            stranger,
            () ->
                chat.finish(
                    prepared,
                    new org.wenjin.chat.application.Answered(
                        org.wenjin.inference.application.GenerationOutcome.failed(
                            org.wenjin.platform.text.RuleMessage.verbatim("overwritten")),
                        "overwritten",
                        1,
                        0,
                        0,
                        0,
                        0,
                        null,
                        null)));
    assertThat(result).isNull();
    assertOwnersDataIntact();
  }

  /** One attack case and, if the system let it through, what went wrong. */
  private record Attack(String what, String failure) {}

  private record Intruder(String name, ActingCaller caller) {}

  private Attack attack(ActingCaller intruder, String what, Runnable call) {
    try {
      as(
          intruder,
          () -> {
            call.run();
            return null;
          });
      return new Attack(what, "it was allowed");
    } catch (ChatRules denied) {
      if (!denied.getMessage().contains("does not exist or is not yours")) {
        return new Attack(what, "denied with a message that leaks: " + denied.getMessage());
      }
    } catch (Exception e) {
      return new Attack(what, "failed instead of being denied: " + e);
    }
    try {
      assertOwnersDataIntact();
      return new Attack(what, null);
    } catch (AssertionError e) {
      return new Attack(what, e.getMessage());
    }
  }

  private Attack search(ActingCaller intruder) {
    try {
      List<Conversation> found = as(intruder, () -> conversations.list(intruder, "年假"));
      return new Attack(
          "find it by search",
          found.stream().anyMatch(c -> c.getId() == conversationId) ? "it was found" : null);
    } catch (Exception e) {
      return new Attack("find it by search", "search failed: " + e);
    }
  }

  private void assertOwnersDataIntact() {
    try {
      Conversation c = as(owner, () -> conversations.owned(owner, conversationId));
      assertThat(c.getTitle()).startsWith("如何申请年假");
      List<ChatTurn> turns = as(owner, () -> conversations.turns(owner, conversationId));
      assertThat(turns)
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.getAnswer()).startsWith("尚未配置语言模型");
                assertThat(t.getRating()).isNull();
              });
    } catch (Exception e) {
      throw new AssertionError("the owner's conversation changed", e);
    }
  }

  private <T> T as(ActingCaller caller, java.util.concurrent.Callable<T> work) throws Exception {
    return CallerScope.call(caller, work);
  }

  private ActingCaller caller(String subject, String tenantAlias) {
    SignedInUser user =
        provisioning.provision(
            new CallerIdentity(
                subject,
                subject,
                subject,
                subject + "@example.com",
                List.of(tenantAlias),
                Set.of(Roles.USER),
                List.of()));
    Tenant tenant = user.tenants().get(0);
    return new ActingCaller(
        tenant.getId(), tenant.getDisplayName(), user.user().getId(), subject, Set.of(), List.of());
  }

  private static AnswerListener watcher(Consumer<TurnDto> finished) {
    return finished::accept;
  }
}
