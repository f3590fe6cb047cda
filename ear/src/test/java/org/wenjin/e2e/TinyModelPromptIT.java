package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wenjin.chat.domain.AnswerLanguage;
import org.wenjin.chat.domain.SystemPrompt;
import org.wenjin.engine.djl.TinyModels;

/**
 * The tiny decoder the suite trains learns the system prompt Wenjin sends: were they apart, it
 * would be asked behind a prompt it never saw, and a model that memorises its answers then repeats
 * a phrase now and then (as it did when the passages' markers changed). It needs no server; it is
 * here because this module sees both the platform's prompt and the training's.
 */
class TinyModelPromptIT {

  @Test
  void theTinyModelIsTrainedOnTheSystemPromptTheChatSends() {
    for (String company : new String[] {"Acme Corp", "Globex 环球"}) {
      assertThat(TinyModels.platformPrompt(company))
          .isEqualTo(SystemPrompt.render(null, company, AnswerLanguage.AUTO));
    }
  }
}
