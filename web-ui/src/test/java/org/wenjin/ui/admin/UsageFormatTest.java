package org.wenjin.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wenjin.ui.i18n.Tr;

class UsageFormatTest {

  @Test
  void ratingsAreSignedWithTwoDecimalsAndADashWithoutAny() {
    assertThat(UsageFormat.rating(0.6)).isEqualTo("+0.60");
    assertThat(UsageFormat.rating(-1.0)).isEqualTo("-1.00");
    assertThat(UsageFormat.rating(0.0)).isEqualTo("+0.00");
    assertThat(UsageFormat.rating(null)).isEqualTo("—");
  }

  @Test
  void countsAreGroupedAndPluralsAgree() {
    assertThat(UsageFormat.count(12345)).isEqualTo("12,345");
    assertThat(Tr.t("admin.usage.card.rating.hint", 1)).startsWith("from 1 rating ");
    assertThat(Tr.t("admin.usage.card.rating.hint", 0)).startsWith("from 0 ratings ");
    assertThat(Tr.t("admin.usage.card.rating.hint", 12345)).startsWith("from 12,345 ratings ");
  }
}
