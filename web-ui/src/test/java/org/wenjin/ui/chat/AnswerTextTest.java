package org.wenjin.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.messages.MessageListItem;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.wenjin.ui.common.InertMarkdown;

class AnswerTextTest {

  private static final String ANSWER =
      "Book a space [here](http://attacker.example/book) or ![x](http://127.0.0.1:9/x.png)"
          + " <img src=x onerror=alert(1)> in **lot B** [1].";

  @Test
  void whileAnAnswerStreamsTheBrowserOnlyEverHasItsInertWholeSoFar() {
    MessageListItem item = new MessageListItem(null, null, "model");
    AnswerText text = new AnswerText(item, "");

    for (int end = 1; end <= ANSWER.length(); end++) {
      text.append(ANSWER.substring(end - 1, end));

      assertThat(item.getText()).isEqualTo(InertMarkdown.render(ANSWER.substring(0, end)));
      String html =
          HtmlRenderer.builder().build().render(Parser.builder().build().parse(item.getText()));
      assertThat(Jsoup.parseBodyFragment(html).select("a, img")).as(item.getText()).isEmpty();
      assertThat(item.getText()).doesNotContain("http://").doesNotContainPattern("(?<!\\\\)<");
    }
  }

  @Test
  void theSavedAnswerReplacesWhatStreamed() {
    MessageListItem item = new MessageListItem(null, null, "model");
    AnswerText text = new AnswerText(item, "partial [li");

    text.replace("Final [answer](javascript:alert(1)).");

    assertThat(item.getText()).isEqualTo("Final answer (javascript:alert(1)).");
  }
}
