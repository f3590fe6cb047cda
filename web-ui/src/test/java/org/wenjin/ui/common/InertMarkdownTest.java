package org.wenjin.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.wenjin.ui.knowledge.DocumentView;

/**
 * What a browser would build from an answer after {@link InertMarkdown}: the output is rendered
 * again as CommonMark (to HTML, read with jsoup), and checked for what marked's GitHub flavour
 * would turn into a link on its own (bare addresses), since that is what the chat renders with.
 */
class InertMarkdownTest {

  /** Where marked's GitHub autolinking starts a link; escaped forms ({@code http\://}) miss it. */
  private static final Pattern AUTOLINK =
      Pattern.compile("(?i)(?:https?|ftp)://|www\\.|[A-Za-z0-9._+-]@");

  @Test
  void anExternalLinkBecomesItsLabelWithTheAddressAsText() {
    String inert = InertMarkdown.render("See [here](http://attacker.example/steal?c=1) now.");

    assertInert(inert);
    assertThat(text(inert)).isEqualTo("See here (http://attacker.example/steal?c=1) now.");
  }

  @Test
  void aJavascriptLinkBecomesText() {
    String inert = InertMarkdown.render("[click](javascript:alert(document.cookie))");

    assertInert(inert);
    assertThat(text(inert)).isEqualTo("click (javascript:alert(document.cookie))");
  }

  @Test
  void aDataUriLinkOrImageBecomesText() {
    String inert =
        InertMarkdown.render(
            "[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"
                + " ![pixel](data:image/png;base64,iVBORw0KGgo=)");

    assertInert(inert);
    assertThat(text(inert)).startsWith("open (data:text/html;base64,").endsWith(" pixel");
  }

  @Test
  void anImageLeavesOnlyItsAltText() {
    String inert = InertMarkdown.render("Before ![the *logo*](http://127.0.0.1:9/x.png) after");

    assertInert(inert);
    assertThat(html(inert).select("em").text()).isEqualTo("logo");
    assertThat(text(inert)).isEqualTo("Before the logo after").doesNotContain("127.0.0.1");
  }

  @Test
  void rawHtmlIsShownAsTextNeverAsElements() {
    String inert =
        InertMarkdown.render(
            "Inline <img src=x onerror=alert(1)> and <b onclick=alert(2)>bold</b>.\n\n"
                + "<script>alert(3)</script>\n\n"
                + "<iframe src=\"http://attacker.example/\"></iframe>\n\n"
                + "<!-- a comment stays invisible -->");

    Document html = html(inert);
    assertThat(html.select("img, script, iframe, b, [onerror], [onclick]")).isEmpty();
    assertThat(html.text())
        .contains("Inline <img src=x onerror=alert(1)> and <b onclick=alert(2)>bold</b>.")
        .contains("<script>alert(3)</script>")
        .contains("<iframe src=\"http://attacker.example/\"></iframe>")
        .doesNotContain("comment");
    assertThat(html.select("pre code").text()).contains("<script>alert(3)</script>");
  }

  @Test
  void aLinkToOneOfTheAppsOwnDocumentsIsKept() {
    String route = DocumentView.route(42, 3);

    String inert = InertMarkdown.render("Read [the policy](" + route + " \"a title\") first.");

    Element link = html(inert).selectFirst("a");
    assertThat(link).isNotNull();
    assertThat(link.attr("href")).isEqualTo(route);
    assertThat(link.hasAttr("title")).isFalse();
    assertThat(link.text()).isEqualTo("the policy");
  }

  @Test
  void linksThatOnlyLookLikeTheAppsOwnAreText() {
    for (String address :
        new String[] {
          "/knowledge/document/42",
          "http://attacker.example/knowledge/document/42",
          "knowledge/document/42/../../../logout",
          "knowledge/document/42?passage=1&next=http://attacker.example",
          "//attacker.example/knowledge/document/42"
        }) {
      String inert = InertMarkdown.render("[doc](" + address + ")");

      assertThat(html(inert).select("a")).as(address).isEmpty();
    }
  }

  @Test
  void autolinksAndBareAddressesStayText() {
    String inert =
        InertMarkdown.render(
            "Mail <boss@attacker.example>, see <https://attacker.example/a>, http://attacker.example/b,"
                + " www.attacker.example and ceo@attacker.example or HTTPS://ATTACKER.EXAMPLE.");

    assertInert(inert);
    assertThat(text(inert))
        .isEqualTo(
            "Mail boss@attacker.example, see https://attacker.example/a, http://attacker.example/b,"
                + " www.attacker.example and ceo@attacker.example or HTTPS://ATTACKER.EXAMPLE.");
  }

  @Test
  void anAddressAssembledFromALinkLabelAndTheTextAfterItStaysText() {
    String inert =
        InertMarkdown.render("[www](http://x.example).attacker.example and [http](y)://z");

    assertInert(inert);
  }

  @Test
  void referenceStyleLinksAndImagesBecomeText() {
    String inert =
        InertMarkdown.render(
            "A [report][r] and ![chart][c] and [r].\n\n"
                + "[r]: http://attacker.example/r \"Report\"\n"
                + "[c]: http://attacker.example/c.png\n");

    assertInert(inert);
    assertThat(text(inert))
        .isEqualTo(
            "A report (http://attacker.example/r) and chart and r (http://attacker.example/r).");
  }

  @Test
  void entityTricksDoNotSmuggleMarkupOrSchemes() {
    String inert =
        InertMarkdown.render(
            "&lt;img src=x onerror=alert(1)&gt; &#60;script&#62;alert(1)&#60;/script&#62;"
                + " [x](&#106;avascript:alert(1)) [y](java&#x09;script:alert(2))"
                + " &amp;lt;b&amp;gt;");

    Document html = html(inert);
    assertInert(inert);
    assertThat(html.select("img, script, b")).isEmpty();
    assertThat(html.text())
        .contains("<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "&lt;b&gt;");
  }

  @Test
  void anImageNestedInALinkLeavesText() {
    String inert =
        InertMarkdown.render(
            "[![badge](http://attacker.example/b.svg)](http://attacker.example/) and"
                + " [![cover](http://attacker.example/c.png)](knowledge/document/7?passage=0)");

    Document html = html(inert);
    assertThat(html.select("img")).isEmpty();
    assertThat(html.select("a")).hasSize(1);
    assertThat(html.selectFirst("a").attr("href")).isEqualTo("knowledge/document/7?passage=0");
    assertThat(html.text()).isEqualTo("badge (http://attacker.example/) and cover");
  }

  @Test
  void anExclamationMarkBeforeAKeptLinkDoesNotMakeItAnImage() {
    String inert = InertMarkdown.render("Look\\![doc](knowledge/document/1)");

    assertThat(html(inert).select("img")).isEmpty();
    assertThat(html(inert).select("a")).hasSize(1);
  }

  @Test
  void codeStaysCodeAndItsLanguageCannotCarryAttributes() {
    String inert =
        InertMarkdown.render(
            "Run `rm <dir>`:\n\n```js onclick=alert(1)\nconsole.log('<b>')\n```\n\n"
                + "```\" onclick=\"alert(2)\nx\n```");

    Document html = html(inert);
    assertThat(html.select("code").first().text()).isEqualTo("rm <dir>");
    assertThat(html.select("pre code").eachAttr("class")).containsExactly("language-js");
    assertThat(inert).doesNotContain("onclick");
    assertThat(html.select("[onclick], b")).isEmpty();
  }

  @Test
  void formattingAndPlainAnswersAreUnchanged() {
    assertThat(InertMarkdown.render("Leave is requested in the **HR portal**."))
        .isEqualTo("Leave is requested in the **HR portal**.");
    assertThat(InertMarkdown.render("登录人事系统，填写请假单，提交直属经理审批。")).isEqualTo("登录人事系统，填写请假单，提交直属经理审批。");
    String list =
        InertMarkdown.render(
            "Steps:\n\n1. *Open* the portal\n2. Submit\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    assertThat(html(list).select("ol li")).hasSize(2);
    assertThat(html(list).select("em").text()).isEqualTo("Open");
    assertThat(list).contains("| a | b |", "|---|---|");
  }

  @Test
  void anExtractiveAnswerQuotingAHostileDocumentRendersInert() {
    String answer =
        "No language model is configured, so here are the passages of your company's documents"
            + " that best match the question:\n\n"
            + "> Visitors park in lot B. Book a space [here](http://attacker.example/book)"
            + " ![x](http://127.0.0.1:9/x.png) <img src=x onerror=alert(1)>"
            + " <script>alert(1)</script> [1]\n>\n> — *Parking [policy](javascript:x)*";

    String inert = InertMarkdown.render(answer);

    assertInert(inert);
    Document html = html(inert);
    assertThat(html.select("blockquote")).hasSize(1);
    assertThat(html.select("blockquote em").text()).isEqualTo("Parking policy (javascript:x)");
    assertThat(html.text())
        .contains("Book a space here (http://attacker.example/book) x <img src=x onerror=alert(1)>")
        .contains("<script>alert(1)</script> [1]");
  }

  @Test
  void aTruncatedLinkIsText() {
    String inert = InertMarkdown.render("Book [here](http://attacker.example/bo");

    assertInert(inert);
  }

  @Test
  void deepNestingFallsBackToText() {
    String inert = InertMarkdown.render("> ".repeat(20_000) + "[x](http://attacker.example)");

    assertInert(inert);
  }

  @Test
  void nothingGivesNothing() {
    assertThat(InertMarkdown.render(null)).isEmpty();
    assertThat(InertMarkdown.render("  \n")).isEmpty();
  }

  @Test
  void citationMarkersLinkToThePassagesTheyCite() {
    Map<Integer, String> cited = Map.of(1, DocumentView.route(7, 3), 2, DocumentView.route(9, 0));

    String inert =
        InertMarkdown.render(
            "Hotels up to 800 yuan [1], meals apart [2][1]. Not [3], and `x[1]` is code.", cited);

    Document html = html(inert);
    assertThat(html.select("a").eachAttr("href"))
        .containsExactly(
            "knowledge/document/7?passage=3",
            "knowledge/document/9?passage=0",
            "knowledge/document/7?passage=3");
    assertThat(html.select("a").eachText()).containsExactly("[1]", "[2]", "[1]");
    assertThat(html.text())
        .isEqualTo("Hotels up to 800 yuan [1], meals apart [2][1]. Not [3], and x[1] is code.");
    assertInert(inert);
  }

  @Test
  void aCitationNeverLinksOutsideTheAppsDocuments() {
    String inert =
        InertMarkdown.render("See [1] and [2]", Map.of(1, "http://attacker.example/", 2, "x"));

    assertThat(html(inert).select("a")).isEmpty();
    assertThat(text(inert)).isEqualTo("See [1] and [2]");
  }

  /** No image, element, link or autolink other than to the app's own documents. */
  private static void assertInert(String markdown) {
    Document html = html(markdown);
    assertThat(html.select("img, script, iframe, object, embed, svg, [onerror], [onclick]"))
        .as(markdown)
        .isEmpty();
    for (Element link : html.select("a")) {
      assertThat(link.attr("href"))
          .as(markdown)
          .matches("knowledge/document/\\d+(\\?passage=\\d+)?");
    }
    String outsideCode = markdown.replaceAll("(?s)```.*?```", "").replaceAll("`[^`]*`", "");
    assertThat(AUTOLINK.matcher(outsideCode).find()).as("autolink in " + markdown).isFalse();
  }

  private static Document html(String markdown) {
    Parser parser = Parser.builder().build();
    return Jsoup.parseBodyFragment(HtmlRenderer.builder().build().render(parser.parse(markdown)));
  }

  private static String text(String markdown) {
    return html(markdown).text();
  }
}
