package org.wenjin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wenjin.chat.domain.ChatRules;

/** The revision a client's If-Match names, as the flow's ETag gave it. */
class CompanyFlowResourceTest {

  @Test
  void ifMatchNamesTheRevisionAsTheETagWroteItOrNone() {
    assertThat(CompanyFlowResource.basedOn("\"3\"")).isEqualTo(3);
    assertThat(CompanyFlowResource.basedOn("W/\"3\"")).isEqualTo(3);
    assertThat(CompanyFlowResource.basedOn("0")).isZero();
    assertThat(CompanyFlowResource.basedOn(null)).isNull();
    assertThat(CompanyFlowResource.basedOn("*")).isNull();
    assertThatThrownBy(() -> CompanyFlowResource.basedOn("\"abc\""))
        .isInstanceOf(ChatRules.class)
        .hasMessageContaining("If-Match must name a revision");
  }
}
