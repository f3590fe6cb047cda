package org.wenjin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryLanguageTest {

  @Test
  void anyHanCharacterMakesAQuestionChinese() {
    assertThat(QueryLanguage.of("dpkg 怎么用")).isEqualTo(QueryLanguage.CHINESE);
    assertThat(QueryLanguage.of("年假")).isEqualTo(QueryLanguage.CHINESE);
  }

  @Test
  void latinLettersAndDigitsAreEnglish() {
    assertThat(QueryLanguage.of("How do I install Debian's packages?"))
        .isEqualTo(QueryLanguage.ENGLISH);
    assertThat(QueryLanguage.of("dpkg-buildpackage 2.0")).isEqualTo(QueryLanguage.ENGLISH);
  }
}
