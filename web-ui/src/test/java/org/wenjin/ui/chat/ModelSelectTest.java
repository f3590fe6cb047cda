package org.wenjin.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenjin.chat.interfaces.ModelDto;

class ModelSelectTest {

  private static final ModelDto QUOTES = new ModelDto("quotes", "Document quotes", true);
  private static final ModelDto TINY = new ModelDto("tiny", "Tiny model", false);

  private final ModelSelect select = new ModelSelect();

  @Test
  void aNewListSelectsThePreselectedModel() {
    select.offer(List.of(TINY, QUOTES), null);

    assertThat(select.modelId()).isEqualTo("quotes");
  }

  @Test
  void theUsersPickSurvivesOfferingTheModelsAgain() {
    select.offer(List.of(TINY, QUOTES), null);
    select.setValue(TINY);

    select.offer(List.of(TINY, QUOTES), "tiny");

    assertThat(select.modelId()).isEqualTo("tiny");
  }

  @Test
  void aPickThatIsNoLongerOfferedFallsBackToThePreselectedModel() {
    select.offer(List.of(QUOTES), "tiny");

    assertThat(select.modelId()).isEqualTo("quotes");
  }

  @Test
  void aConversationShowsItsOwnModelIfStillOffered() {
    select.offer(List.of(TINY, QUOTES), null);

    select.select("tiny");
    assertThat(select.modelId()).isEqualTo("tiny");
    select.select("gone");
    assertThat(select.modelId()).isEqualTo("tiny");
  }
}
