package org.wenjin.chat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenjin.chat.application.Answered;
import org.wenjin.chat.application.PreparedTurn;
import org.wenjin.chat.application.Question;
import org.wenjin.chat.application.TurnDtos;
import org.wenjin.chat.application.TurnService;
import org.wenjin.chat.domain.ConversationRepository;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.inference.application.GenerationOutcome;
import org.wenjin.it.TestCallers;
import org.wenjin.it.TestDeployments;
import org.wenjin.persistence.chat.ChatTurn;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.application.UserProvisioningService;

/**
 * Why an answer failed is kept as a message key with its arguments beside the English text, so a
 * reader sees it in their language days later; the API and the audit keep the English.
 */
@ExtendWith(ArquillianExtension.class)
class AnswerReasonsIT {

  @Deployment
  static WebArchive deployment() throws URISyntaxException {
    return TestDeployments.chatWithoutKnowledge("answer-reasons-it");
  }

  @EJB private UserProvisioningService provisioning;
  @EJB private TurnService chat;
  @Inject private TurnDtos dtos;
  @Inject private ConversationRepository repository;

  @Resource(lookup = "java:jboss/datasources/WenjinDS")
  private DataSource db;

  private ActingCaller owner;

  @BeforeEach
  void aUser() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    owner = TestCallers.member(provisioning, "reader-" + run, "c-" + run);
  }

  @Test
  void aFailedFlowStepIsSavedWithItsReasonInEveryLanguage() throws Exception {
    RuleMessage reason =
        RuleMessage.of(
            "flow.step.failed",
            "notes[2]",
            RuleMessage.of(
                "inference.model.unavailable",
                "Tiny model",
                RuleMessage.verbatim("The model server 127.0.0.1:1 cannot be reached.")));

    TurnDto saved = failWith(reason);

    assertThat(saved.status()).isEqualTo("FAILED");
    assertThat(saved.error())
        .isEqualTo(
            "Step \u201cnotes[2]\u201d failed: Tiny model cannot answer right now:"
                + " The model server 127.0.0.1:1 cannot be reached.");
    assertThat(saved.errorIn(Locale.SIMPLIFIED_CHINESE))
        .isEqualTo(
            "步骤\u201cnotes[2]\u201d失败：Tiny model 暂时无法回答："
                + "The model server 127.0.0.1:1 cannot be reached.");
    assertThat(saved.errorIn(Locale.ENGLISH)).isEqualTo(saved.error());
    assertThat(column("error_key", saved.id())).isEqualTo("flow.step.failed");
  }

  @Test
  void aReasonWithNumbersReadsThemBack() throws Exception {
    TurnDto saved = failWith(RuleMessage.of("inference.lane.no-slot", "Tiny model", 120));

    assertThat(saved.errorIn(Locale.CHINA)).isEqualTo("Tiny model 在 120 秒内没有空出位置，请稍后再试。");
    assertThat(saved.error())
        .isEqualTo("No free slot on Tiny model within 120 s. Please try again later.");
  }

  @Test
  void aReasonKnownOnlyInEnglishIsShownAsItIs() throws Exception {
    long turn = ask().turnId();
    update("update chat_turn set status = 'FAILED', error = 'Old words.' where id = ?", turn);

    TurnDto read = CallerScope.call(owner, () -> dtos.of(turnRow(turn)));

    assertThat(read.errorMessage()).isNull();
    assertThat(read.errorIn(Locale.SIMPLIFIED_CHINESE)).isEqualTo("Old words.");
  }

  private TurnDto failWith(RuleMessage reason) throws Exception {
    PreparedTurn prepared = ask();
    ChatTurn saved =
        CallerScope.call(
            owner,
            () ->
                chat.finish(
                    prepared,
                    new Answered(GenerationOutcome.failed(reason), "", 3, 0, 0, 0, 0, null, null)));
    return CallerScope.call(owner, () -> dtos.of(turnRow(saved.getId())));
  }

  private PreparedTurn ask() throws Exception {
    return CallerScope.call(
        owner, () -> chat.ask(owner, new Question(null, "Why did it fail?", null, null)));
  }

  private ChatTurn turnRow(long id) {
    return repository.findTurn(id).orElseThrow();
  }

  private String column(String name, long turn) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("select " + name + " from chat_turn where id = ?")) {
      s.setLong(1, turn);
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private void update(String sql, long id) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      s.executeUpdate();
    }
  }
}
