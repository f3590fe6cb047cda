package org.wenjin.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    assertThat(UsageFormat.plural(1, "rating", "ratings")).isEqualTo("1 rating");
    assertThat(UsageFormat.plural(0, "rating", "ratings")).isEqualTo("0 ratings");
  }
}
