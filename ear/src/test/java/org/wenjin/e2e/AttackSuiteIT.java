package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.wenjin.e2e.ServerSentEvents.Event;
import org.wenjin.engine.openai.OpenAiProtocolServer;

/**
 * What an attacker with a demo account tries, case by case, against the running stack: another
 * company's ids, a colleague's conversations, documents of a group they are not in, pages and
 * endpoints of roles they lack, a forged company, the other company of a multi-company user, and
 * forged or missing tokens. Each case asserts the refusal (status and message) and that nothing
 * leaked or changed: the owner re-reads the target, and an id of someone else must be answered
 * exactly like an id that exists nowhere (no existence oracle).
 *
 * <p>One fixture set for all cases ({@link #fixtures}), two browsers shared by all browser cases.
 * Controls (category "controls") prove that the attacked data is really there for its owner, so a
 * refusal cannot pass because the target is missing. The counts per category are printed at the end
 * ("Attack suite: ...").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackSuiteIT {

  // ---------------------------------------------------------------- words unique to this run

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  /** Only in Acme's hr-only document. */
  private static final String SECRET = unique("vaultword");

  /** Only in Acme's document for everyone. */
  private static final String PUBLIC_WORD = unique("acmepublic");

  /** In both Acme documents: a search for it matches the hr document too, for who may see it. */
  private static final String SHARED = unique("sharedword");

  private static final String GLOBEX_WORD = unique("globexword");

  private static final String HR_SUGGEST = unique("vaultplan");
  private static final String HR_TITLE = HR_SUGGEST + " executive pay";
  private static final String HR_LABEL = unique("vaultlabel");
  private static final String HR_COLLECTION = unique("vault");
  private static final String SHARED_LABEL = unique("shared");
  private static final String ACME_TITLE = "Acme travel " + RUN;
  private static final String GLOBEX_TITLE = "Globex plan " + RUN;

  private static final String ACME_TEXT =
      "# 差旅报销\n\n出差住宿每晚最多报销六百元，需要提供发票。" + PUBLIC_WORD + " " + SHARED + "\n";
  private static final String HR_TEXT =
      "# 高管薪酬方案\n\n高管薪酬方案的内部代号是 " + SECRET + "，年度奖金池为两千万元，仅限人事部门查阅。" + SHARED + "\n";
  private static final String GLOBEX_TEXT = "# 销售计划\n\n明年的销售目标是增长百分之二十。" + GLOBEX_WORD + "\n";

  private static final String ACME_QUESTION = "出差住宿每晚最多报销多少钱？" + PUBLIC_WORD;
  private static final String HR_QUESTION = "高管薪酬方案的内部代号是什么？" + SECRET;

  /** An id that exists in no company. */
  private static final long MISSING = 999_999_999L;

  /**
   * A word found nowhere else; each gets its own random letters, so that no two of them look alike
   * to the embedding model (a shared suffix could make one a vector match of another).
   */
  private static String unique(String prefix) {
    StringBuilder word = new StringBuilder(prefix);
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  // ---------------------------------------------------------------- the product's refusals

  private static final String DOC_404 = "This document does not exist or is not in your company.";
  private static final String CONVERSATION_404 =
      "This conversation does not exist or is not yours.";
  private static final String TURN_404 = "This question does not exist or is not yours.";
  private static final String NO_COMPANY = "You are not acting for any enabled company.";
  private static final String NOT_A_MEMBER = "You are not a member of an enabled company";
  private static final String OUTSIDE_DOMAIN = "Only e-mail addresses ending in @acme.example.com";

  // ---------------------------------------------------------------- who attacks

  /** A demo user; for mia also the company she acts for (switched per case, Acme restored). */
  private record Actor(String name, String user, String actsFor) {
    static Actor of(String user) {
      return new Actor(user, user, null);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final Actor ALICE = Actor.of("alice");
  private static final Actor CAROL = Actor.of("carol");
  private static final Actor AUDREY = Actor.of("audrey");
  private static final Actor BOB = Actor.of("bob");
  private static final Actor GINA = Actor.of("gina");
  private static final Actor DAVE = Actor.of("dave");
  private static final Actor ROOT = Actor.of("root");
  private static final Actor MIA_ACME = new Actor("mia acting for Acme", "mia", "acme");
  private static final Actor MIA_GLOBEX = new Actor("mia acting for Globex", "mia", "globex");

  // ---------------------------------------------------------------- fixtures

  /** A conversation with one turn, and how its owner read it right after asking. */
  private record Chat(Actor owner, long id, long turn, String marker, String baseline) {}

  /** A document, its owner (an admin of its company) and how the owner read it once indexed. */
  private record Doc(Actor owner, long id, String baseline) {}

  private static Doc acmeDoc;
  private static Doc hrDoc;
  private static Doc globexDoc;
  private static Chat carolChat;
  private static Chat aliceChat;
  private static Chat bobChat;
  private static Chat miaChat;
  private static String acmeKnowledgeSettings;
  private static String acmeChatSettings;
  private static String globexKnowledgeSettings;
  private static String globexChatSettings;

  /** What carol (in hr) gets for {@link #SHARED}: the facet counts alice's must fall short of. */
  private static String carolSharedSearch;

  /** Documents gina uploaded in the forged-tenant cases, removed at the end. */
  private static final List<Long> FORGED = Collections.synchronizedList(new ArrayList<>());

  private static Browser aliceBrowser;
  private static Browser carolBrowser;
  private static OpenAiProtocolServer model;
  private static Long runningTurn;

  // ---------------------------------------------------------------- counting

  /** Per category: cases built, cases that passed. */
  private static final Map<String, int[]> COUNTS = new LinkedHashMap<>();

  private static final int[] CONTROLS = new int[2];

  private static DynamicTest attack(String category, String name, Executable attempt) {
    int[] count = COUNTS.computeIfAbsent(category, c -> new int[2]);
    count[0]++;
    return DynamicTest.dynamicTest(
        name,
        () -> {
          attempt.execute();
          count[1]++;
        });
  }

  private static DynamicTest control(String name, Executable check) {
    CONTROLS[0]++;
    return DynamicTest.dynamicTest(
        "control: " + name,
        () -> {
          check.execute();
          CONTROLS[1]++;
        });
  }

  // ================================================================ set-up and tear-down

  @BeforeAll
  static void fixtures() throws Exception {
    assertThat(actFor(token("mia"), "acme").statusCode()).isEqualTo(200);
    long acme =
        uploaded(
            CAROL,
            "acme-travel-" + RUN + ".md",
            ACME_TEXT,
            Map.of("title", ACME_TITLE, "labels", SHARED_LABEL));
    long hr =
        uploaded(
            CAROL,
            "acme-vault-" + RUN + ".md",
            HR_TEXT,
            Map.of(
                "title",
                HR_TITLE,
                "visibleTo",
                "hr",
                "labels",
                SHARED_LABEL + "," + HR_LABEL,
                "collection",
                HR_COLLECTION));
    long globex =
        uploaded(GINA, "globex-plan-" + RUN + ".md", GLOBEX_TEXT, Map.of("title", GLOBEX_TITLE));
    acmeDoc = settled(CAROL, acme);
    hrDoc = settled(CAROL, hr);
    globexDoc = settled(GINA, globex);

    carolChat = asked(CAROL, "carolmarker" + RUN);
    aliceChat = asked(ALICE, "alicemarker" + RUN);
    bobChat = asked(BOB, "bobmarker" + RUN);
    miaChat = asked(MIA_ACME, "miamarker" + RUN);

    acmeKnowledgeSettings = okBody(CAROL, "GET", "/api/knowledge/settings");
    acmeChatSettings = okBody(CAROL, "GET", "/api/chat/settings");
    globexKnowledgeSettings = okBody(GINA, "GET", "/api/knowledge/settings");
    globexChatSettings = okBody(GINA, "GET", "/api/chat/settings");
    carolSharedSearch = search(CAROL, SHARED, "").body();
  }

  @AfterAll
  static void cleanUpAndReport() {
    quietly(() -> actFor(token("mia"), "acme"));
    quietly(
        () -> {
          if (runningTurn != null) {
            call(ALICE, "POST", "/api/turns/" + runningTurn + "/stop", null);
          }
        });
    quietly(
        () -> {
          if (model != null) {
            model.close();
          }
        });
    quietly(() -> restoreSettings(CAROL, acmeKnowledgeSettings, acmeChatSettings));
    quietly(() -> restoreSettings(GINA, globexKnowledgeSettings, globexChatSettings));
    for (Doc doc : new Doc[] {acmeDoc, hrDoc, globexDoc}) {
      quietly(() -> call(doc.owner(), "DELETE", "/api/documents/" + doc.id(), null));
    }
    for (long id : List.copyOf(FORGED)) {
      quietly(() -> call(GINA, "DELETE", "/api/documents/" + id, null));
    }
    for (Chat chat : new Chat[] {carolChat, aliceChat, bobChat, miaChat}) {
      quietly(() -> call(chat.owner(), "DELETE", "/api/conversations/" + chat.id(), null));
    }
    quietly(() -> actFor(token("mia"), "acme"));
    for (Browser browser : new Browser[] {aliceBrowser, carolBrowser}) {
      quietly(
          () -> {
            if (browser != null) {
              browser.close();
            }
          });
    }
    int total = 0;
    for (Map.Entry<String, int[]> c : COUNTS.entrySet()) {
      total += c.getValue()[0];
      System.out.println(
          "Attack suite: "
              + c.getKey()
              + " "
              + c.getValue()[0]
              + " cases ("
              + c.getValue()[1]
              + " refused as expected)");
    }
    System.out.println("Attack suite: total " + total + " cases");
    System.out.println(
        "Attack suite: controls "
            + CONTROLS[0]
            + " checks that the attacked data is there for its owner ("
            + CONTROLS[1]
            + " passed)");
  }

  // ================================================================ controls

  @TestFactory
  @Order(0)
  Stream<DynamicTest> controls() {
    List<DynamicTest> checks = new ArrayList<>();
    checks.add(
        control(
            "carol (in hr) finds the hr document by its secret word",
            () ->
                assertThat(search(CAROL, SECRET, "").body())
                    .contains(documentId(hrDoc.id()), HR_TITLE)));
    checks.add(
        control(
            "carol's facets count the hr document's labels",
            () -> {
              assertThat(facet(carolSharedSearch, HR_LABEL)).isPositive();
              assertThat(facet(carolSharedSearch, SHARED_LABEL))
                  .isGreaterThan(facet(carolSharedSearch, HR_LABEL));
            }));
    checks.add(
        control(
            "carol's suggestions complete the hr document's title",
            () ->
                assertThat(okBody(CAROL, "GET", "/api/search/suggest?q=" + enc(HR_SUGGEST)))
                    .contains(HR_TITLE)));
    checks.add(
        control(
            "carol's chat is grounded on the hr document",
            () ->
                as(
                    CAROL,
                    token -> {
                      String asked =
                          askAndForget(token, "{\"question\":" + json(HR_QUESTION) + "}");
                      assertThat(answer(asked)).contains(SECRET);
                      assertThat(asked).contains(documentId(hrDoc.id()));
                      return null;
                    })));
    checks.add(
        control(
            "alice's chat is grounded on Acme's document for everyone",
            () ->
                as(
                    ALICE,
                    token -> {
                      String asked =
                          askAndForget(token, "{\"question\":" + json(ACME_QUESTION) + "}");
                      assertThat(answer(asked)).contains(PUBLIC_WORD);
                      return null;
                    })));
    checks.add(
        control(
            "gina finds Globex's document",
            () ->
                assertThat(search(GINA, GLOBEX_WORD, "").body())
                    .contains(documentId(globexDoc.id()))));
    for (Chat chat : new Chat[] {carolChat, aliceChat, bobChat, miaChat}) {
      checks.add(
          control(
              chat.owner() + " lists their own conversation",
              () ->
                  assertThat(
                          call(chat.owner(), "GET", "/api/conversations?q=" + chat.marker(), null)
                              .body())
                      .contains("\"id\":" + chat.id() + ",")));
    }
    return checks.stream();
  }

  // ================================================================ 1. another company's ids

  private static final String[][] DOCUMENT_OPS = {
    {"GET", "/api/documents/{id}", "reads"},
    {"DELETE", "/api/documents/{id}", "deletes"},
    {"POST", "/api/documents/{id}/reindex", "re-indexes"}
  };

  private static final String[][] CONVERSATION_OPS = {
    {"GET", "/api/conversations/{id}", "reads"}, {"DELETE", "/api/conversations/{id}", "deletes"}
  };

  @TestFactory
  @Order(1)
  Stream<DynamicTest> anotherCompanysIds() {
    String category = "cross-company ids";
    List<DynamicTest> cases = new ArrayList<>();
    // an admin of the other company passes the role check and must find nothing (404, like a
    // missing id); a plain member of it is stopped by the role check (403, like a missing id)
    record Intruder(Actor actor, int documentStatus, String documentMessage) {}
    List<Intruder> intoAcme =
        List.of(new Intruder(GINA, 404, DOC_404), new Intruder(BOB, 403, "\"forbidden\""));
    List<Intruder> intoGlobex =
        List.of(new Intruder(CAROL, 404, DOC_404), new Intruder(ALICE, 403, "\"forbidden\""));
    record Target(String name, Doc doc) {}
    for (Target target :
        List.of(
            new Target("Acme's document", acmeDoc),
            new Target("Acme's hr document", hrDoc),
            new Target("Globex's document", globexDoc))) {
      boolean acme = target.doc() != globexDoc;
      for (Intruder intruder : acme ? intoAcme : intoGlobex) {
        for (String[] op : DOCUMENT_OPS) {
          cases.add(
              attack(
                  category,
                  intruder.actor()
                      + " "
                      + op[2]
                      + " "
                      + target.name()
                      + " ("
                      + op[0]
                      + " "
                      + op[1]
                      + ")",
                  () -> {
                    assertLikeMissing(
                        intruder.actor(),
                        op[0],
                        op[1],
                        target.doc().id(),
                        intruder.documentStatus(),
                        intruder.documentMessage());
                    assertUnchanged(target.doc());
                  }));
        }
      }
    }
    record ChatTarget(String name, Chat chat, List<Actor> intruders) {}
    for (ChatTarget target :
        List.of(
            new ChatTarget("carol's Acme conversation", carolChat, List.of(BOB, GINA)),
            new ChatTarget("alice's Acme conversation", aliceChat, List.of(BOB, GINA)),
            new ChatTarget("bob's Globex conversation", bobChat, List.of(ALICE, CAROL)))) {
      for (Actor intruder : target.intruders()) {
        cases.addAll(conversationAttacks(category, intruder, target.name(), target.chat(), true));
      }
    }
    cases.add(
        attack(
            category,
            "alice opens Globex's document page in the browser",
            () -> assertDocumentPageMissing(aliceBrowser(), globexDoc.id(), GLOBEX_TITLE)));
    cases.add(
        attack(
            category,
            "alice opens bob's Globex conversation in the browser",
            () -> assertChatPageRefused(aliceBrowser(), bobChat)));
    return cases.stream();
  }

  /** Read, delete, stop its turn, find it by its words: each answered as for a missing id. */
  private static List<DynamicTest> conversationAttacks(
      String category, Actor intruder, String name, Chat chat, boolean withList) {
    List<DynamicTest> cases = new ArrayList<>();
    for (String[] op : CONVERSATION_OPS) {
      cases.add(
          attack(
              category,
              intruder + " " + op[2] + " " + name + " (" + op[0] + " " + op[1] + ")",
              () -> {
                assertLikeMissing(intruder, op[0], op[1], chat.id(), 404, CONVERSATION_404);
                assertUnchanged(chat);
              }));
    }
    cases.add(
        attack(
            category,
            intruder + " stops the answer of " + name + " (POST /api/turns/{id}/stop)",
            () -> {
              assertLikeMissing(
                  intruder, "POST", "/api/turns/{id}/stop", chat.turn(), 404, TURN_404);
              assertUnchanged(chat);
            }));
    if (withList) {
      cases.add(
          attack(
              category,
              intruder + " searches their conversations for the words of " + name,
              () -> {
                HttpResponse<String> found =
                    call(intruder, "GET", "/api/conversations?q=" + chat.marker(), null);
                assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
                assertThat(found.body()).isEqualTo("[]");
              }));
    }
    return cases;
  }

  // ================================================================ 2. a colleague's conversation

  @TestFactory
  @Order(2)
  Stream<DynamicTest> aColleaguesConversation() {
    // conversations are private to their user (ConversationService.owned): not even the company's
    // admin or auditor reads, deletes or stops them
    String category = "same-company other user";
    List<DynamicTest> cases = new ArrayList<>();
    for (Actor intruder : List.of(CAROL, MIA_ACME, AUDREY)) {
      String who =
          intruder == CAROL
              ? "carol (Acme admin)"
              : intruder == AUDREY ? "audrey (Acme auditor)" : "mia (Acme admin)";
      cases.addAll(
          conversationAttacks(
              category,
              new Actor(who, intruder.user(), intruder.actsFor()),
              "alice's conversation",
              aliceChat,
              true));
    }
    for (Actor intruder : List.of(ALICE, AUDREY)) {
      cases.addAll(
          conversationAttacks(category, intruder, "carol's conversation", carolChat, false));
    }
    cases.add(
        attack(
            category,
            "carol names alice's conversation in the body of a new question",
            () -> {
              // the API asks in a new conversation; a conversation id in the body must not attach
              // the question to someone else's conversation
              String body =
                  "{\"question\":\"smuggled "
                      + RUN
                      + "\",\"documents\":false,\"conversationId\":"
                      + aliceChat.id()
                      + ",\"id\":"
                      + aliceChat.id()
                      + "}";
              HttpResponse<String> asked = call(CAROL, "POST", "/api/conversations", body);
              assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
              long created = firstId(asked.body());
              try {
                assertThat(created).isNotEqualTo(aliceChat.id());
                assertUnchanged(aliceChat);
              } finally {
                call(CAROL, "DELETE", "/api/conversations/" + created, null);
              }
            }));
    cases.add(
        attack(
            category,
            "alice opens carol's conversation in the browser",
            () -> assertChatPageRefused(aliceBrowser(), carolChat)));
    cases.add(
        attack(
            category,
            "carol (Acme admin) opens alice's conversation in the browser",
            () -> assertChatPageRefused(carolBrowser(), aliceChat)));
    return cases.stream();
  }

  /** One server-sent event. */
  @TestFactory
  @Order(3)
  Stream<DynamicTest> stoppingSomeoneElsesRunningAnswer() throws Exception {
    // the stop endpoint is the one write on a turn that the API offers: an intruder who knows the
    // id of an answer being written must not cut it off
    String category = "same-company other user";
    model = new OpenAiProtocolServer(Integer.getInteger("wenjin.it.model-port", 18999));
    model.answering(Collections.nCopies(2000, "word "), Duration.ofMillis(25));
    Iterator<Event> events =
        ServerSentEvents.of(
            Stack.API.stream(
                "/api/conversations/stream",
                token("alice"),
                "{\"question\":\"Explain everything " + RUN + "\",\"model\":\"scripted\"}"));
    Event first = events.next();
    assertThat(first.name()).as(first.data()).isEqualTo("turn");
    long turn = firstId(first.data());
    runningTurn = turn;
    Matcher conversation = Pattern.compile("\"conversationId\":(\\d+)").matcher(first.data());
    assertThat(conversation.find()).isTrue();
    long conversationId = Long.parseLong(conversation.group(1));
    awaitText(events, 3);

    List<DynamicTest> cases = new ArrayList<>();
    for (Actor intruder : List.of(CAROL, MIA_ACME, AUDREY, BOB, GINA)) {
      cases.add(
          attack(
              category,
              intruder + " stops alice's answer while it is being written",
              () -> {
                assertLikeMissing(intruder, "POST", "/api/turns/{id}/stop", turn, 404, TURN_404);
                assertThat(model.hangUps()).as("the model was not cut off").isZero();
              }));
    }
    cases.add(
        control(
            "alice's answer kept streaming after the attempts, and alice alone stops it",
            () -> {
              awaitText(events, 3);
              assertThat(call(ALICE, "POST", "/api/turns/" + turn + "/stop", null).statusCode())
                  .isEqualTo(204);
              Event done =
                  assertTimeoutPreemptively(
                      Duration.ofSeconds(30),
                      () -> {
                        Event e = events.next();
                        while (e.name() != null && e.name().equals("text")) {
                          e = events.next();
                        }
                        return e;
                      });
              assertThat(done.name()).isEqualTo("done");
              assertThat(done.data()).contains("\"status\":\"STOPPED\"");
              runningTurn = null;
              call(ALICE, "DELETE", "/api/conversations/" + conversationId, null);
            }));
    return cases.stream();
  }

  // ================================================================ 3. a group's documents

  @TestFactory
  @Order(4)
  Stream<DynamicTest> documentsOfAGroupTheyAreNotIn() {
    String category = "group-restricted documents";
    List<DynamicTest> cases = new ArrayList<>();
    for (Actor attacker : List.of(ALICE, BOB, GINA, MIA_GLOBEX, DAVE, ROOT)) {
      boolean acmeMember = attacker == ALICE;
      cases.add(
          attack(
              category,
              attacker + " searches for the hr document's secret word",
              () -> {
                HttpResponse<String> found = search(attacker, SECRET, "");
                if (!refusedUpFront(attacker, found)) {
                  // the query itself is echoed; what was found must not show the document
                  assertThat(results(found.body()))
                      .doesNotContain(documentId(hrDoc.id()), HR_TITLE, SECRET, "两千万元");
                }
              }));
      cases.add(
          attack(
              category,
              attacker + " searches a word the hr document shares and reads the facets",
              () -> {
                HttpResponse<String> found = search(attacker, SHARED, "");
                if (refusedUpFront(attacker, found)) {
                  return;
                }
                String body = results(found.body());
                assertThat(body).doesNotContain(documentId(hrDoc.id()), HR_TITLE, SECRET);
                assertThat(facet(body, HR_LABEL)).as("the hr-only label").isEqualTo(-1);
                assertThat(facet(body, HR_COLLECTION)).as("the hr-only collection").isEqualTo(-1);
                if (acmeMember) {
                  // the label both documents carry counts alice's document only
                  assertThat(body).contains(documentId(acmeDoc.id()));
                  assertThat(facet(body, SHARED_LABEL))
                      .isEqualTo(
                          facet(carolSharedSearch, SHARED_LABEL)
                              - facet(carolSharedSearch, HR_LABEL));
                } else {
                  // another company: not even the label both Acme documents carry is counted
                  assertThat(body).doesNotContain(documentId(acmeDoc.id()), ACME_TITLE);
                  assertThat(facet(body, SHARED_LABEL)).isEqualTo(-1);
                }
              }));
      cases.add(
          attack(
              category,
              attacker + " narrows the search to the hr document's label",
              () -> {
                HttpResponse<String> found = search(attacker, SHARED, "&label=" + HR_LABEL);
                if (!refusedUpFront(attacker, found)) {
                  assertThat(found.body()).contains("\"total\":0", "\"results\":[]");
                }
              }));
      cases.add(
          attack(
              category,
              attacker + " narrows the search to the hr document's collection",
              () -> {
                HttpResponse<String> found =
                    search(attacker, SHARED, "&collection=" + HR_COLLECTION);
                if (!refusedUpFront(attacker, found)) {
                  assertThat(found.body()).contains("\"total\":0", "\"results\":[]");
                }
              }));
      cases.add(
          attack(
              category,
              attacker + " types the start of the hr document's title into the search box",
              () -> {
                HttpResponse<String> suggested =
                    call(attacker, "GET", "/api/search/suggest?q=" + enc(HR_SUGGEST), null);
                if (!refusedUpFront(attacker, suggested)) {
                  assertThat(suggested.body()).isEqualTo("[]");
                }
              }));
      cases.add(
          attack(
              category,
              attacker + " asks the chat for the secret by name",
              () -> assertChatHides(attacker, "{\"question\":" + json(HR_QUESTION) + "}")));
      cases.add(
          attack(
              category,
              attacker + " asks the chat grounded on the hr document's collection only",
              () ->
                  assertChatHides(
                      attacker,
                      "{\"question\":"
                          + json(HR_QUESTION)
                          + ",\"collections\":["
                          + json(HR_COLLECTION)
                          + "]}")));
      int status = attacker == GINA ? 404 : attacker == DAVE ? 400 : 403;
      String message = attacker == GINA ? DOC_404 : attacker == DAVE ? NO_COMPANY : "\"forbidden\"";
      cases.add(
          attack(
              category,
              attacker + " reads the hr document's record (GET /api/documents/{id})",
              () -> {
                assertLikeMissing(
                    attacker, "GET", "/api/documents/{id}", hrDoc.id(), status, message);
                assertUnchanged(hrDoc);
              }));
    }
    cases.add(
        attack(
            category,
            "alice opens the hr document's page in the browser",
            () -> assertDocumentPageMissing(aliceBrowser(), hrDoc.id(), HR_TITLE)));
    return cases.stream();
  }

  /**
   * Asks as the attacker and checks the answer quotes nothing of the hr document; dave (no company)
   * and root (no member of any) are refused before anything is asked.
   */
  private static void assertChatHides(Actor attacker, String body) throws Exception {
    as(
        attacker,
        token -> {
          HttpResponse<String> asked = Stack.API.send("POST", "/api/conversations", token, body);
          if (refusedUpFront(attacker, asked, 201)) {
            return null;
          }
          try {
            assertThat(answer(asked.body())).doesNotContain(SECRET, "两千万元");
            assertThat(asked.body()).doesNotContain(documentId(hrDoc.id()), HR_TITLE);
          } finally {
            Stack.API.send("DELETE", "/api/conversations/" + firstId(asked.body()), token, null);
          }
          return null;
        });
  }

  // ================================================================ 4. roles they lack

  @TestFactory
  @Order(5)
  Stream<DynamicTest> rolesTheyLack() {
    String category = "role checks";
    List<DynamicTest> cases = new ArrayList<>();
    record AdminCall(String what, String method, String path, String body, Executable after) {}
    for (Actor attacker : List.of(ALICE, AUDREY, MIA_GLOBEX, BOB, DAVE)) {
      boolean globex = attacker == BOB || attacker == MIA_GLOBEX;
      Doc own = globex ? globexDoc : acmeDoc;
      Actor admin = globex ? GINA : CAROL;
      String knowledgeBaseline = globex ? globexKnowledgeSettings : acmeKnowledgeSettings;
      String chatBaseline = globex ? globexChatSettings : acmeChatSettings;
      String fileName = "role-" + attacker.user() + "-" + RUN + ".md";
      List<AdminCall> calls =
          List.of(
              new AdminCall("lists the company's documents", "GET", "/api/documents", null, null),
              new AdminCall(
                  "uploads a document",
                  "UPLOAD",
                  fileName,
                  null,
                  () ->
                      assertThat(okBody(admin, "GET", "/api/documents")).doesNotContain(fileName)),
              new AdminCall(
                  "reads a document's record",
                  "GET",
                  "/api/documents/" + own.id(),
                  null,
                  () -> assertUnchanged(own)),
              new AdminCall(
                  "deletes a document",
                  "DELETE",
                  "/api/documents/" + own.id(),
                  null,
                  () -> assertUnchanged(own)),
              new AdminCall(
                  "re-indexes a document",
                  "POST",
                  "/api/documents/" + own.id() + "/reindex",
                  null,
                  () -> assertUnchanged(own)),
              new AdminCall(
                  "reads the knowledge settings", "GET", "/api/knowledge/settings", null, null),
              new AdminCall(
                  "switches grounding off in the knowledge settings",
                  "PUT",
                  "/api/knowledge/settings",
                  "{\"chunkSize\":300,\"chunkOverlap\":10,\"passages\":0,\"minSimilarity\":0.9}",
                  () ->
                      assertThat(okBody(admin, "GET", "/api/knowledge/settings"))
                          .isEqualTo(knowledgeBaseline)),
              new AdminCall("reads the model settings", "GET", "/api/chat/settings", null, null),
              new AdminCall(
                  "changes the models the company offers",
                  "PUT",
                  "/api/chat/settings",
                  "{\"offered\":[\"extractive\"],\"preselected\":\"extractive\",\"historyTurns\":1}",
                  () ->
                      assertThat(okBody(admin, "GET", "/api/chat/settings"))
                          .isEqualTo(chatBaseline)));
      for (AdminCall c : calls) {
        cases.add(
            attack(
                category,
                attacker + " " + c.what() + " (" + c.method() + " " + c.path() + ")",
                () -> {
                  HttpResponse<String> refused =
                      c.method().equals("UPLOAD")
                          ? as(
                              attacker,
                              token ->
                                  Stack.API.upload(
                                      token,
                                      c.path(),
                                      ("# x\n\n" + UUID.randomUUID())
                                          .getBytes(StandardCharsets.UTF_8),
                                      Map.of()))
                          : call(attacker, c.method(), c.path(), c.body());
                  if (attacker == DAVE) {
                    assertNoCompany(refused);
                  } else {
                    assertForbidden(refused);
                  }
                  assertThat(refused.body())
                      .doesNotContain("sourceName", "chunkSize", "\"offered\"", "registered");
                  if (c.after() != null) {
                    c.after().execute();
                  }
                }));
      }
    }
    // the platform's endpoints: no company role, not even tenant-admin, opens them
    for (Actor attacker : List.of(CAROL, GINA, MIA_ACME, AUDREY, ALICE, DAVE)) {
      for (String path : List.of("/api/tenants", "/api/inference/models", "/api/metrics")) {
        cases.add(
            attack(
                category,
                attacker + " calls the platform endpoint GET " + path,
                () -> {
                  HttpResponse<String> refused = call(attacker, "GET", path, null);
                  assertForbidden(refused);
                  assertThat(refused.body())
                      .doesNotContain("\"alias\"", "\"slots\"", "wenjin_inference", "globex");
                }));
      }
    }
    record Page(Actor who, String route, String view) {}
    for (Page page :
        List.of(
            new Page(ALICE, "/admin", "admin-view"),
            new Page(ALICE, "/knowledge/documents", "documents-view"),
            new Page(ALICE, "/admin/tenants", "tenants-view"),
            new Page(ALICE, "/audit", "audit-view"),
            new Page(CAROL, "/audit", "audit-view"),
            new Page(CAROL, "/admin/tenants", "tenants-view"))) {
      String who = page.who() == CAROL ? "carol (tenant-admin, no auditor)" : "alice";
      cases.add(
          attack(
              category,
              who + " types the address " + page.route() + " in the browser",
              () -> {
                Browser browser = page.who() == CAROL ? carolBrowser() : aliceBrowser();
                browser.open(page.route());
                browser.await(By.id("access-denied"));
                assertThat(browser.all(By.id(page.view()))).isEmpty();
              }));
    }
    return cases.stream();
  }

  // ================================================================ 5. forging the company

  @TestFactory
  @Order(6)
  Stream<DynamicTest> forgingTheCompany() {
    String category = "forged tenant";
    List<DynamicTest> cases = new ArrayList<>();
    record Forgery(
        String how, String query, Map<String, String> headers, Map<String, String> fields) {}
    List<Forgery> forgeries =
        List.of(
            new Forgery("a form field tenant=acme", "", Map.of(), Map.of("tenant", "acme")),
            new Forgery(
                "form fields tenantId, tenant_id and organization",
                "",
                Map.of(),
                Map.of("tenantId", "1", "tenant_id", "1", "organization", "acme")),
            new Forgery(
                "query parameters ?tenant=acme&tenantId=1",
                "?tenant=acme&tenantId=1",
                Map.of(),
                Map.of()),
            new Forgery(
                "headers X-Tenant and X-Organization: acme",
                "",
                Map.of("X-Tenant", "acme", "X-Organization", "acme", "X-Tenant-Id", "1"),
                Map.of()));
    int n = 0;
    for (Forgery forgery : forgeries) {
      String word = "forgedword" + (n++) + RUN;
      cases.add(
          attack(
              category,
              "gina (Globex admin) uploads with " + forgery.how(),
              () -> {
                HttpResponse<String> created =
                    multipart(
                        token("gina"),
                        "/api/documents" + forgery.query(),
                        forgery.headers(),
                        "forged-" + word + ".md",
                        ("# Forged\n\n" + word + " 这份文件想要进入 Acme。\n")
                            .getBytes(StandardCharsets.UTF_8),
                        forgery.fields());
                long id = KnowledgeApi.id(created);
                FORGED.add(id);
                assertLandsInGlobexOnly(id, word);
              }));
    }
    cases.add(
        attack(
            category,
            "gina uploads the exact bytes of Acme's document (the duplicate check must not name it)",
            () -> {
              HttpResponse<String> created =
                  Stack.API.upload(
                      token("gina"),
                      "copy-" + RUN + ".md",
                      ACME_TEXT.getBytes(StandardCharsets.UTF_8),
                      Map.of());
              assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
              assertThat(created.body())
                  .doesNotContain("already in the knowledge base", ACME_TITLE);
              long id = KnowledgeApi.id(created);
              FORGED.add(id);
              try {
                assertThat(KnowledgeApi.awaitSettled(token("gina"), id)).contains("INDEXED");
                assertLikeMissing(CAROL, "GET", "/api/documents/{id}", id, 404, DOC_404);
                String alices = search(ALICE, PUBLIC_WORD, "").body();
                assertThat(alices)
                    .contains(documentId(acmeDoc.id()))
                    .doesNotContain(documentId(id));
                assertUnchanged(acmeDoc);
              } finally {
                // the copy carries Acme's words: later cases search Globex for them
                call(GINA, "DELETE", "/api/documents/" + id, null);
                FORGED.remove(Long.valueOf(id));
              }
            }));
    record Switch(Actor who, String body, String active) {}
    for (Switch s :
        List.of(
            new Switch(GINA, "{\"tenant\":\"acme\"}", "globex"),
            new Switch(GINA, "{\"tenant\":\"ACME\"}", "globex"),
            new Switch(GINA, "{\"tenant\":\" acme \"}", "globex"),
            new Switch(GINA, "{\"tenant\":\"acme\",\"alias\":\"acme\",\"tenantId\":1}", "globex"),
            new Switch(BOB, "{\"tenant\":\"acme\"}", "globex"),
            new Switch(CAROL, "{\"tenant\":\"globex\"}", "acme"))) {
      cases.add(
          attack(
              category,
              s.who() + " switches their company with " + s.body(),
              () -> {
                HttpResponse<String> refused = call(s.who(), "PUT", "/api/me/tenant", s.body());
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
                assertThat(refused.body()).contains(NOT_A_MEMBER);
                assertThat(activeTenant(s.who())).isEqualTo(s.active());
              }));
    }
    cases.add(
        attack(
            category,
            "bob searches with ?tenant=acme&tenantId=1 for Acme's word",
            () -> {
              HttpResponse<String> found = search(BOB, PUBLIC_WORD, "&tenant=acme&tenantId=1");
              assertThat(found.statusCode()).isEqualTo(200);
              assertThat(results(found.body()))
                  .doesNotContain(documentId(acmeDoc.id()), ACME_TITLE, PUBLIC_WORD);
            }));
    cases.add(
        attack(
            category,
            "bob asks the chat with \"tenant\":\"acme\" in the body",
            () ->
                as(
                    BOB,
                    token -> {
                      String asked =
                          askAndForget(
                              token,
                              "{\"question\":"
                                  + json(ACME_QUESTION)
                                  + ",\"tenant\":\"acme\",\"organization\":\"acme\"}");
                      assertThat(answer(asked)).doesNotContain(PUBLIC_WORD, "六百元");
                      assertThat(asked).doesNotContain(documentId(acmeDoc.id()), ACME_TITLE);
                      return null;
                    })));
    cases.add(
        attack(
            category,
            "bob reads carol's conversation with X-Tenant: acme and ?tenant=acme",
            () -> {
              HttpResponse<String> refused =
                  raw(
                      "GET",
                      "/api/conversations/" + carolChat.id() + "?tenant=acme",
                      Map.of("Authorization", "Bearer " + token("bob"), "X-Tenant", "acme"),
                      null);
              assertThat(refused.statusCode()).isEqualTo(404);
              assertThat(refused.body())
                  .contains(CONVERSATION_404)
                  .doesNotContain(carolChat.marker());
              assertUnchanged(carolChat);
            }));
    cases.add(
        attack(
            category,
            "gina deletes Acme's document with X-Tenant: acme and ?tenant=acme",
            () -> {
              HttpResponse<String> refused =
                  raw(
                      "DELETE",
                      "/api/documents/" + acmeDoc.id() + "?tenant=acme",
                      Map.of(
                          "Authorization", "Bearer " + token("gina"),
                          "X-Tenant", "acme",
                          "X-Organization", "acme"),
                      null);
              assertThat(refused.statusCode()).isEqualTo(404);
              assertThat(refused.body()).contains(DOC_404);
              assertUnchanged(acmeDoc);
            }));
    // no REST path adds members: a tenant admin does it on the admin page, by e-mail in the
    // company's domain only (MemberAdmission); these are the ways around that rule
    for (String address :
        List.of(
            "bob@globex.example.com",
            "gina@globex.example.com",
            "bob",
            "bob@globex.example.com@acme.example.com",
            "bob@sub.acme.example.com",
            "bob@acme.example.com.globex.example.com")) {
      cases.add(
          attack(
              category,
              "carol adds the member '" + address + "' on the admin page",
              () -> {
                Browser browser = carolBrowser();
                WebElement field = memberField(browser);
                browser.js(
                    "document.querySelectorAll('vaadin-notification-card').forEach(c => c.remove())");
                field.clear();
                field.sendKeys(address);
                browser.await(By.id("member-save")).click();
                browser.awaitNotification("error", OUTSIDE_DOMAIN);
                assertThat(browser.await(By.id("members-grid")).getText())
                    .contains("alice")
                    .doesNotContain("bob", "gina");
              }));
    }
    return cases.stream();
  }

  /** Gina's upload is Globex's: she finds it, Acme's admin and members do not. */
  private static void assertLandsInGlobexOnly(long id, String word) throws Exception {
    assertThat(KnowledgeApi.awaitSettled(token("gina"), id)).contains("INDEXED");
    assertLikeMissing(CAROL, "GET", "/api/documents/{id}", id, 404, DOC_404);
    assertThat(okBody(CAROL, "GET", "/api/documents")).doesNotContain("\"id\":" + id + ",");
    assertThat(results(search(CAROL, word, "").body())).doesNotContain(documentId(id), word);
    assertThat(results(search(ALICE, word, "").body())).doesNotContain(documentId(id), word);
    assertThat(search(GINA, word, "").body()).contains(documentId(id));
  }

  // ================================================================ 6. a member of two companies

  @TestFactory
  @Order(7)
  Stream<DynamicTest> aMemberOfTwoCompanies() {
    String category = "multi-company user";
    List<DynamicTest> cases = new ArrayList<>();
    cases.add(
        attack(
            category,
            "mia acting for Acme (in its hr group) finds the hr document",
            () ->
                assertThat(search(MIA_ACME, SECRET, "").body()).contains(documentId(hrDoc.id()))));
    cases.add(
        attack(
            category,
            "mia acting for Acme (its admin) reads the hr document's record",
            () ->
                assertThat(okBody(MIA_ACME, "GET", "/api/documents/" + hrDoc.id()))
                    .isEqualTo(hrDoc.baseline())));
    cases.add(
        attack(
            category,
            "mia acting for Globex is no tenant-admin there",
            () -> {
              String me = okBody(MIA_GLOBEX, "GET", "/api/me");
              assertThat(me).contains("\"activeTenant\":{\"alias\":\"globex\"");
              assertThat(me).doesNotContain("tenant-admin");
            }));
    cases.add(
        attack(
            category,
            "mia acting for Globex searches for Acme's hr secret",
            () ->
                assertThat(results(search(MIA_GLOBEX, SECRET, "").body()))
                    .doesNotContain(documentId(hrDoc.id()), HR_TITLE, SECRET)));
    cases.add(
        attack(
            category,
            "mia acting for Globex searches for Acme's public word",
            () ->
                assertThat(results(search(MIA_GLOBEX, PUBLIC_WORD, "").body()))
                    .doesNotContain(documentId(acmeDoc.id()), ACME_TITLE, PUBLIC_WORD)));
    cases.add(
        attack(
            category,
            "mia acting for Globex is suggested the hr document's title",
            () ->
                assertThat(okBody(MIA_GLOBEX, "GET", "/api/search/suggest?q=" + enc(HR_SUGGEST)))
                    .isEqualTo("[]")));
    cases.add(
        attack(
            category,
            "mia acting for Globex asks the chat about Acme's document",
            () ->
                as(
                    MIA_GLOBEX,
                    token -> {
                      String asked =
                          askAndForget(token, "{\"question\":" + json(ACME_QUESTION) + "}");
                      assertThat(answer(asked)).doesNotContain(PUBLIC_WORD, "六百元");
                      assertThat(asked).doesNotContain(documentId(acmeDoc.id()));
                      return null;
                    })));
    cases.add(
        attack(
            category,
            "mia acting for Globex reads Acme's hr document's record",
            () -> {
              assertLikeMissing(
                  MIA_GLOBEX, "GET", "/api/documents/{id}", hrDoc.id(), 403, "\"forbidden\"");
              assertUnchanged(hrDoc);
            }));
    cases.add(
        attack(
            category,
            "mia acting for Globex deletes Acme's document",
            () -> {
              assertLikeMissing(
                  MIA_GLOBEX, "DELETE", "/api/documents/{id}", acmeDoc.id(), 403, "\"forbidden\"");
              assertUnchanged(acmeDoc);
            }));
    for (String[] op : CONVERSATION_OPS) {
      cases.add(
          attack(
              category,
              "mia acting for Globex " + op[2] + " her own Acme conversation",
              () -> {
                assertLikeMissing(MIA_GLOBEX, op[0], op[1], miaChat.id(), 404, CONVERSATION_404);
                assertUnchanged(miaChat);
              }));
    }
    cases.add(
        attack(
            category,
            "mia acting for Globex stops the answer of her Acme conversation",
            () -> {
              assertLikeMissing(
                  MIA_GLOBEX, "POST", "/api/turns/{id}/stop", miaChat.turn(), 404, TURN_404);
              assertUnchanged(miaChat);
            }));
    cases.add(
        attack(
            category,
            "mia acting for Globex searches her conversations for her Acme question",
            () ->
                assertThat(okBody(MIA_GLOBEX, "GET", "/api/conversations?q=" + miaChat.marker()))
                    .isEqualTo("[]")));
    cases.add(
        attack(
            category,
            "mia acting for Globex reads alice's Acme conversation",
            () -> {
              assertLikeMissing(
                  MIA_GLOBEX,
                  "GET",
                  "/api/conversations/{id}",
                  aliceChat.id(),
                  404,
                  CONVERSATION_404);
              assertUnchanged(aliceChat);
            }));
    cases.add(
        attack(
            category,
            "back in Acme, mia's conversation is hers again, untouched",
            () -> {
              assertUnchanged(miaChat);
              assertThat(okBody(MIA_ACME, "GET", "/api/conversations?q=" + miaChat.marker()))
                  .contains("\"id\":" + miaChat.id() + ",");
            }));
    return cases.stream();
  }

  // ================================================================ 7. missing and forged tokens

  /** An Authorization header as an attacker sends it; {@code altered}: the forgery took. */
  private record Credential(String name, String header, boolean altered) {}

  @TestFactory
  @Order(8)
  Stream<DynamicTest> missingAndForgedTokens() throws Exception {
    String category = "missing or forged token";
    String alice = token("alice");
    String[] jwt = alice.split("\\.");
    String header = decode(jwt[0]);
    String payload = decode(jwt[1]);
    String carolPayload = decode(token("carol").split("\\.")[1]);
    String carolSub = claim(carolPayload, "sub");
    String asCarol =
        payload
            .replaceFirst("\"sub\"\\s*:\\s*\"[^\"]*\"", "\"sub\":\"" + carolSub + "\"")
            .replaceFirst(
                "\"preferred_username\"\\s*:\\s*\"alice\"", "\"preferred_username\":\"carol\"");
    String otherClient =
        payload.replaceFirst("\"azp\"\\s*:\\s*\"wenjin-cli\"", "\"azp\":\"wenjin-web\"");
    String escalated =
        payload
            .replaceFirst(
                "\"groups\"\\s*:\\s*\\[",
                "\"groups\":[\"/acme/roles/tenant-admin\",\"/globex/roles/tenant-admin\",")
            .replaceFirst(
                "\"realm_access\"\\s*:\\s*\\{\\s*\"roles\"\\s*:\\s*\\[",
                "\"realm_access\":{\"roles\":[\"platform-admin\",");
    char[] signature = jwt[2].toCharArray();
    int middle = signature.length / 2;
    signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
    String noneHeader = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
    String hsHeader = header.replaceFirst("\"alg\"\\s*:\\s*\"[^\"]*\"", "\"alg\":\"HS256\"");
    String hsSigned = encode(hsHeader) + "." + encode(escalated);
    List<Credential> credentials =
        List.of(
            new Credential("no Authorization header", null, true),
            new Credential("Bearer garbage", "Bearer garbage", true),
            new Credential("Bearer without a token", "Bearer", true),
            new Credential(
                "alice's password as Basic authentication",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            ("alice:" + Stack.demoPassword("alice"))
                                .getBytes(StandardCharsets.UTF_8)),
                true),
            new Credential(
                "alice's token with one character of its signature changed",
                "Bearer " + jwt[0] + "." + jwt[1] + "." + new String(signature),
                !new String(signature).equals(jwt[2])),
            new Credential(
                "alice's token without its signature",
                "Bearer " + jwt[0] + "." + jwt[1] + ".",
                true),
            new Credential(
                "alice's token re-encoded with carol's sub and username, signature kept",
                "Bearer " + jwt[0] + "." + encode(asCarol) + "." + jwt[2],
                !asCarol.equals(payload) && carolSub != null),
            new Credential(
                "alice's token re-encoded for the client wenjin-web, signature kept",
                "Bearer " + jwt[0] + "." + encode(otherClient) + "." + jwt[2],
                !otherClient.equals(payload)),
            new Credential(
                "alice's token re-encoded with admin groups and platform-admin, signature kept",
                "Bearer " + jwt[0] + "." + encode(escalated) + "." + jwt[2],
                escalated.contains("platform-admin")
                    && escalated.contains("/acme/roles/tenant-admin")),
            new Credential(
                "the escalated token with alg none and no signature",
                "Bearer " + encode(noneHeader) + "." + encode(escalated) + ".",
                escalated.contains("platform-admin")),
            new Credential(
                "the escalated token signed HS256 with a guessed key",
                "Bearer " + hsSigned + "." + hmac(hsSigned, "wenjin"),
                !hsHeader.equals(header)));
    List<DynamicTest> cases = new ArrayList<>();
    int n = 0;
    for (Credential credential : credentials) {
      String marker = "authmarker" + (n++) + RUN;
      record Target(String method, String path, String body) {}
      for (Target target :
          List.of(
              new Target("GET", "/api/me", null),
              new Target("GET", "/api/documents", null),
              new Target(
                  "POST",
                  "/api/conversations",
                  "{\"question\":\"" + marker + "\",\"documents\":false}"),
              new Target("GET", "/api/tenants", null))) {
        cases.add(
            attack(
                category,
                target.method() + " " + target.path() + " with " + credential.name(),
                () -> {
                  assertThat(credential.altered()).as("the forgery changed the token").isTrue();
                  Map<String, String> headers = new LinkedHashMap<>();
                  if (credential.header() != null) {
                    headers.put("Authorization", credential.header());
                  }
                  HttpResponse<String> refused =
                      raw(target.method(), target.path(), headers, target.body());
                  assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
                  assertThat(refused.body())
                      .contains("\"error\":\"unauthorized\"")
                      .doesNotContain("\"username\"", "\"alias\"", "sourceName", marker);
                  if (target.body() != null) {
                    // neither for the token's real owner nor for the user it pretends to be
                    for (Actor owner : List.of(ALICE, CAROL)) {
                      assertThat(okBody(owner, "GET", "/api/conversations?q=" + marker))
                          .as("no conversation was created for " + owner)
                          .isEqualTo("[]");
                    }
                  }
                }));
      }
    }
    return cases.stream();
  }

  // ================================================================ assertions

  /**
   * The answer to {@code actor} for another's real id equals the answer for an id that exists
   * nowhere: same status, same message, same body.
   */
  private static void assertLikeMissing(
      Actor actor, String method, String path, long realId, int status, String message)
      throws Exception {
    as(
        actor,
        token -> {
          HttpResponse<String> real =
              Stack.API.send(method, path.replace("{id}", Long.toString(realId)), token, null);
          HttpResponse<String> missing =
              Stack.API.send(method, path.replace("{id}", Long.toString(MISSING)), token, null);
          assertThat(real.statusCode())
              .as(actor + " " + method + " " + path + " -> " + real.body())
              .isEqualTo(status);
          assertThat(real.body()).contains(message);
          assertThat(real.body())
              .as("the same answer as for an id that exists nowhere")
              .isEqualTo(missing.body());
          assertThat(missing.statusCode()).isEqualTo(status);
          return null;
        });
  }

  /** Its owner reads the document exactly as before: not deleted, not queued again. */
  private static void assertUnchanged(Doc doc) throws Exception {
    assertThat(okBody(doc.owner(), "GET", "/api/documents/" + doc.id()))
        .as("the document, re-read by its owner")
        .isEqualTo(doc.baseline());
  }

  /** Its owner reads the conversation and its turn exactly as before. */
  private static void assertUnchanged(Chat chat) throws Exception {
    assertThat(okBody(chat.owner(), "GET", "/api/conversations/" + chat.id()))
        .as("the conversation, re-read by its owner")
        .isEqualTo(chat.baseline());
  }

  private static void assertForbidden(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).contains("\"error\":\"forbidden\"");
  }

  private static void assertNoCompany(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(NO_COMPANY);
  }

  /**
   * dave (in no enabled company) and root (a platform admin, no member) are refused before any
   * lookup; everyone else gets {@code ok} and the caller checks what they see.
   */
  private static boolean refusedUpFront(Actor actor, HttpResponse<String> response, int ok) {
    if (actor == DAVE) {
      assertNoCompany(response);
      return true;
    }
    if (actor == ROOT) {
      assertForbidden(response);
      return true;
    }
    assertThat(response.statusCode()).as(actor + ": " + response.body()).isEqualTo(ok);
    return false;
  }

  private static boolean refusedUpFront(Actor actor, HttpResponse<String> response) {
    return refusedUpFront(actor, response, 200);
  }

  private static void assertDocumentPageMissing(Browser browser, long id, String title) {
    browser.open("/knowledge/document/" + id);
    browser.await(By.id("document-missing"));
    assertThat(browser.all(By.className("wenjin-passage"))).isEmpty();
    assertThat(browser.all(By.id("document-original"))).isEmpty();
    assertThat(browser.driver.getPageSource()).doesNotContain(title, SECRET, GLOBEX_WORD);
  }

  private static void assertChatPageRefused(Browser browser, Chat chat) {
    browser.open("/chat/" + chat.id());
    browser.awaitNotification("error", "does not exist or is not yours");
    browser.await(By.id("chat-empty"));
    assertThat(browser.driver.getPageSource()).doesNotContain(chat.marker());
  }

  // ================================================================ fixtures' helpers

  private static long uploaded(Actor admin, String name, String text, Map<String, String> fields)
      throws Exception {
    return KnowledgeApi.id(
        Stack.API.upload(token(admin.user()), name, text.getBytes(StandardCharsets.UTF_8), fields));
  }

  private static Doc settled(Actor admin, long id) throws Exception {
    assertThat(KnowledgeApi.awaitSettled(token(admin.user()), id))
        .contains("\"status\":\"INDEXED\"");
    return new Doc(admin, id, okBody(admin, "GET", "/api/documents/" + id));
  }

  /** A conversation of one quick turn (no documents), kept for the whole suite. */
  private static Chat asked(Actor owner, String marker) throws Exception {
    HttpResponse<String> asked =
        call(
            owner,
            "POST",
            "/api/conversations",
            "{\"question\":\"" + marker + " 差旅标准？\",\"documents\":false}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    long id = firstId(asked.body());
    Matcher turn = Pattern.compile("\"turns\":\\[\\{\"id\":(\\d+)").matcher(asked.body());
    assertThat(turn.find()).as(asked.body()).isTrue();
    return new Chat(
        owner,
        id,
        Long.parseLong(turn.group(1)),
        marker,
        okBody(owner, "GET", "/api/conversations/" + id));
  }

  /** Asks in a new conversation and deletes it again; returns the answer's JSON. */
  private static String askAndForget(String token, String body) throws Exception {
    HttpResponse<String> asked = Stack.API.send("POST", "/api/conversations", token, body);
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    Stack.API.send("DELETE", "/api/conversations/" + firstId(asked.body()), token, null);
    return asked.body();
  }

  private static void restoreSettings(Actor admin, String knowledge, String chat) throws Exception {
    if (knowledge != null && !okBody(admin, "GET", "/api/knowledge/settings").equals(knowledge)) {
      call(admin, "PUT", "/api/knowledge/settings", knowledge);
    }
    if (chat != null && !okBody(admin, "GET", "/api/chat/settings").equals(chat)) {
      call(admin, "PUT", "/api/chat/settings", chat);
    }
  }

  private static Browser aliceBrowser() {
    if (aliceBrowser == null) {
      aliceBrowser = signedIn("alice");
    }
    return aliceBrowser;
  }

  private static Browser carolBrowser() {
    if (carolBrowser == null) {
      carolBrowser = signedIn("carol");
    }
    return carolBrowser;
  }

  private static Browser signedIn(String user) {
    Browser browser = new Browser();
    browser.open("/");
    browser.signIn(user, Stack.demoPassword(user));
    browser.await(By.id("user-name"));
    return browser;
  }

  /** The e-mail field of the add-member dialog on the admin page, opening both as needed. */
  private static WebElement memberField(Browser browser) {
    if (browser.all(By.id("admin-view")).isEmpty()) {
      browser.open("/admin");
      browser.await(By.id("admin-view"));
      browser.awaitText(By.id("members-grid"), "alice");
    }
    if (browser.all(By.cssSelector("#member-value input")).isEmpty()) {
      browser.await(By.id("add-member")).click();
    }
    return browser.await(By.cssSelector("#member-value input"));
  }

  // ================================================================ calls

  private interface Work<T> {
    T run(String token) throws Exception;
  }

  /** Runs {@code work} with the actor's token, for mia while acting for her company of the case. */
  private static <T> T as(Actor actor, Work<T> work) throws Exception {
    String token = token(actor.user());
    if (actor.actsFor() == null) {
      return work.run(token);
    }
    HttpResponse<String> switched = actFor(token, actor.actsFor());
    assertThat(switched.statusCode()).as(actor + ": " + switched.body()).isEqualTo(200);
    try {
      return work.run(token);
    } finally {
      actFor(token, "acme");
    }
  }

  private static HttpResponse<String> call(Actor actor, String method, String path, String json)
      throws Exception {
    return as(actor, token -> Stack.API.send(method, path, token, json));
  }

  private static String okBody(Actor actor, String method, String path) throws Exception {
    HttpResponse<String> response = call(actor, method, path, null);
    assertThat(response.statusCode())
        .as(actor + " " + method + " " + path + ": " + response.body())
        .isEqualTo(200);
    return response.body();
  }

  private static HttpResponse<String> search(Actor actor, String query, String more)
      throws Exception {
    return call(actor, "GET", "/api/search?q=" + enc(query) + more, null);
  }

  private static HttpResponse<String> actFor(String token, String alias) throws Exception {
    return Stack.API.send("PUT", "/api/me/tenant", token, "{\"tenant\":\"" + alias + "\"}");
  }

  private static String activeTenant(Actor actor) throws Exception {
    Matcher m =
        Pattern.compile("\"activeTenant\":\\{\"alias\":\"([^\"]+)\"")
            .matcher(okBody(actor, "GET", "/api/me"));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A request with exactly these headers (no token added). */
  private static HttpResponse<String> raw(
      String method, String path, Map<String, String> headers, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.APP_URL + path))
            .header("Accept", "application/json");
    headers.forEach(request::header);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An upload like {@code ApiClient.upload}, with a query string and extra headers. */
  private static HttpResponse<String> multipart(
      String token,
      String path,
      Map<String, String> headers,
      String fileName,
      byte[] bytes,
      Map<String, String> fields)
      throws Exception {
    String boundary = "wenjin-" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    fields.forEach(
        (name, value) ->
            head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(value)
                .append("\r\n"));
    head.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + bytes.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(bytes, 0, body, start.length, bytes.length);
    System.arraycopy(end, 0, body, start.length + bytes.length, end.length);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.APP_URL + path))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    headers.forEach(request::header);
    return HTTP.send(
        request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Reads {@code pieces} more text events of a running answer (30 s at most). */
  private static void awaitText(Iterator<Event> events, int pieces) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          int seen = 0;
          while (seen < pieces) {
            Event e = events.next();
            assertThat(e.name())
                .as("the answer is still being written: " + e.data())
                .isNotEqualTo("done");
            if ("text".equals(e.name())) {
              seen++;
            }
          }
        });
  }

  // ================================================================ tokens

  private record Token(String value, Instant fetched) {}

  private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

  /** A user's access token, fetched again after a minute (the realm's tokens live five). */
  private static String token(String user) throws Exception {
    Token cached = TOKENS.get(user);
    if (cached == null || cached.fetched().isBefore(Instant.now().minusSeconds(60))) {
      cached = new Token(ApiIT.tokenFor(user), Instant.now());
      TOKENS.put(user, cached);
    }
    return cached.value();
  }

  private static String decode(String segment) {
    return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String hmac(String data, String key) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }

  private static String claim(String payload, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(payload);
    return m.find() ? m.group(1) : null;
  }

  // ================================================================ JSON, read the tests' way

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern ANSWER = Pattern.compile("\"answer\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static long firstId(String json) {
    Matcher m = ID.matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The answer text of the first turn (not its question, which names what was asked for). */
  private static String answer(String json) {
    Matcher m = ANSWER.matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }

  /** A search's results and facets, without the echoed query. */
  private static String results(String searchJson) {
    int at = searchJson.indexOf("\"results\":");
    assertThat(at).as(searchJson).isNotNegative();
    return searchJson.substring(at);
  }

  /** A search hit or citation of the document (the comma keeps id 12 from matching 123). */
  private static String documentId(long id) {
    return "\"documentId\":" + id + ",";
  }

  /** The count of a facet value in a search's facets, -1 when it is not there. */
  private static int facet(String searchJson, String value) {
    Matcher m =
        Pattern.compile("\\{\"value\":\"" + Pattern.quote(value) + "\",\"count\":(\\d+)\\}")
            .matcher(searchJson);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void quietly(Step step) {
    try {
      step.run();
    } catch (Exception | AssertionError e) {
      System.err.println("Attack suite clean-up: " + e);
    }
  }
}
