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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenjin.chat.application.AnswerStreams;
import org.wenjin.chat.application.Answered;
import org.wenjin.chat.application.PreparedTurn;
import org.wenjin.chat.application.Question;
import org.wenjin.chat.application.TurnService;
import org.wenjin.chat.domain.StreamingAnswers;
import org.wenjin.inference.application.GenerationOutcome;
import org.wenjin.it.TestCallers;
import org.wenjin.it.TestDeployments;
import org.wenjin.platform.cluster.ClusterNode;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.application.UserProvisioningService;

/**
 * Answers of a node group sharing one database, on a real WildFly: the other nodes are rows this
 * test writes (a turn being written "on node-b", node-b's heartbeat), this server is the node that
 * gets the stop, restarts, or sweeps. The two-server version of the same is the end-to-end
 * ClusterIT.
 */
@ExtendWith(ArquillianExtension.class)
class ClusterAnswersIT {

  @Deployment
  static WebArchive deployment() throws URISyntaxException {
    return TestDeployments.chatWithoutKnowledge("cluster-answers-it");
  }

  @EJB private UserProvisioningService provisioning;
  @EJB private TurnService chat;
  @EJB private AnswerStreams streams;
  @Inject private StreamingAnswers streaming;
  @Inject private ClusterNode node;

  @Resource(lookup = "java:jboss/datasources/WenjinDS")
  private DataSource db;

  private ActingCaller owner;
  private String other;

  @BeforeEach
  void aUserAndAnotherNode() throws SQLException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    owner = TestCallers.member(provisioning, "owner-" + run, "c-" + run);
    other = "node-b-" + run;
    beat(other, Instant.now());
  }

  @Test
  void everyAnswerIsMarkedWithTheNodeWritingIt() throws Exception {
    long turn = ask();

    assertThat(string("select node from chat_turn where id = ?", turn)).isEqualTo(node.name());
  }

  @Test
  void aStopThatReachesThisNodeIsHandedToTheNodeWritingTheAnswerAndWaitsForIt() throws Exception {
    long turn = writtenOn(ask(), other);

    CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> streams.stop(turn));
    // node-b, polling as every node does while it writes answers, sees the request and saves
    Instant deadline = Instant.now().plusSeconds(10);
    while (string("select stop_requested_at from chat_turn where id = ?", turn) == null) {
      assertThat(Instant.now()).as("the stop was handed over").isBefore(deadline);
      Thread.sleep(50);
    }
    assertThat(stop).as("the stop waits for node-b to save the answer").isNotDone();
    update("update chat_turn set status = 'STOPPED' where id = ?", turn);

    stop.get(5, TimeUnit.SECONDS);
    assertThat(status(turn)).isEqualTo("STOPPED");
  }

  @Test
  void aStopForAnAnswerOfANodeThatIsGoneMarksItInterruptedAtOnce() throws Exception {
    String gone = other + "-gone";
    beat(gone, Instant.now().minus(Duration.ofMinutes(5)));
    long turn = writtenOn(ask(), gone);

    long started = System.nanoTime();
    streams.stop(turn);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(status(turn)).isEqualTo("INTERRUPTED");
    assertThat(string("select error from chat_turn where id = ?", turn))
        .isEqualTo("The server writing this answer stopped before it ended.");
  }

  @Test
  void aRestartingNodeMarksOnlyItsOwnAnswersInterrupted() throws Exception {
    long mine = ask();
    long theirs = writtenOn(ask(), other);

    streaming.interruptOwn(node.name());

    assertThat(status(mine)).isEqualTo("INTERRUPTED");
    assertThat(status(theirs)).as("node-b still writes it").isEqualTo("STREAMING");
  }

  @Test
  void theSweepInterruptsTheAnswersOfSilentNodesAndLeavesTheLiveOnes() throws Exception {
    String silent = other + "-silent";
    beat(silent, Instant.now().minus(Duration.ofMinutes(2)));
    long live = writtenOn(ask(), other);
    long orphan = writtenOn(ask(), silent);

    streaming.interruptOrphaned(node.name(), 30);

    assertThat(status(orphan)).isEqualTo("INTERRUPTED");
    assertThat(status(live)).isEqualTo("STREAMING");
  }

  @Test
  void aStopForAnAnswerThisNodeShouldWriteButDoesNotRunMarksItInterrupted() throws Exception {
    long turn = ask(); // its end could not be saved, say: nothing runs it any more
    update("update chat_turn set asked_at = asked_at - INTERVAL '1' MINUTE where id = ?", turn);

    streams.stop(turn);

    assertThat(status(turn)).isEqualTo("INTERRUPTED");
    assertThat(string("select error from chat_turn where id = ?", turn))
        .isEqualTo("The end of this answer could not be saved.");
  }

  @Test
  void aNodeTakenForGoneThatWasAliveRecordsHowItsAnswerEndedAfterAll() throws Exception {
    PreparedTurn prepared = prepare();
    update(
        "update chat_turn set status = 'INTERRUPTED', error = '"
            + StreamingAnswers.NODE_GONE
            + "' where id = ?",
        prepared.turnId());

    CallerScope.call(
        owner,
        () ->
            chat.finish(
                prepared,
                new Answered(
                    GenerationOutcome.of(GenerationOutcome.Kind.COMPLETE),
                    "The whole answer.",
                    3,
                    0,
                    0,
                    0,
                    0,
                    null,
                    null)));

    assertThat(status(prepared.turnId())).isEqualTo("COMPLETE");
    assertThat(string("select answer from chat_turn where id = ?", prepared.turnId()))
        .isEqualTo("The whole answer.");
  }

  @Test
  void anAnswerAnotherNodeWasTakenForGoneOnIsNotSavedByThisOne() throws Exception {
    PreparedTurn prepared = prepare();
    writtenOn(prepared.turnId(), other);
    update(
        "update chat_turn set status = 'INTERRUPTED', error = '"
            + StreamingAnswers.NODE_GONE
            + "' where id = ?",
        prepared.turnId());

    CallerScope.call(owner, () -> chat.finish(prepared, complete("Not this node's answer.")));

    assertThat(status(prepared.turnId())).isEqualTo("INTERRUPTED");
  }

  @Test
  void aLateEndOfAnEarlierAskingLeavesTheAnswerOfTheQuestionAskedAgain() throws Exception {
    PreparedTurn first = prepare();
    // taken for gone, then asked again: the turn is another generation's now
    update(
        "update chat_turn set status = 'STREAMING', error = null,"
            + " asked_at = asked_at + INTERVAL '1' SECOND where id = ?",
        first.turnId());

    CallerScope.call(owner, () -> chat.finish(first, complete("The earlier answer.")));

    assertThat(status(first.turnId())).isEqualTo("STREAMING");
    assertThat(string("select answer from chat_turn where id = ?", first.turnId()))
        .isNotEqualTo("The earlier answer.");
  }

  @Test
  void aStopAskedForWhileThisNodeWasTakenForGoneStillStopsItsAnswer() throws Exception {
    PreparedTurn prepared = prepare();
    update(
        "update chat_turn set status = 'INTERRUPTED', error = '"
            + StreamingAnswers.NODE_GONE
            + "', stop_requested_at = CURRENT_TIMESTAMP where id = ?",
        prepared.turnId());

    assertThat(streaming.stopsRequestedOf(node.name())).contains(prepared.turnId());
    CallerScope.call(owner, () -> chat.finish(prepared, complete("Written to the end.")));

    assertThat(status(prepared.turnId())).isEqualTo("STOPPED");
  }

  private static Answered complete(String text) {
    return new Answered(
        GenerationOutcome.of(GenerationOutcome.Kind.COMPLETE), text, 3, 0, 0, 0, 0, null, null);
  }

  /** A question whose answer is not started: its turn stays STREAMING until the test ends it. */
  private long ask() throws Exception {
    return prepare().turnId();
  }

  private PreparedTurn prepare() throws Exception {
    return CallerScope.call(
        owner, () -> chat.ask(owner, new Question(null, "Which node answers this?", null, null)));
  }

  private long writtenOn(long turn, String nodeName) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("update chat_turn set node = ? where id = ?")) {
      s.setString(1, nodeName);
      s.setLong(2, turn);
      s.executeUpdate();
    }
    return turn;
  }

  private void beat(String nodeName, Instant seen) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into cluster_node (name, started_at, seen_at) values (?, ?, ?)")) {
      s.setString(1, nodeName);
      s.setObject(2, seen.atOffset(ZoneOffset.UTC));
      s.setObject(3, seen.atOffset(ZoneOffset.UTC));
      s.executeUpdate();
    }
  }

  private String status(long turn) throws SQLException {
    return string("select status from chat_turn where id = ?", turn);
  }

  private String string(String sql, long id) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
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
