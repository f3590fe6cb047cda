package org.wenjin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void withoutParametersItIsTheFirstPageOfTheDefaultSize() {
    assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 50));
    assertThat(PageRequest.of("", " ")).isEqualTo(new PageRequest(0, 50));
    assertThat(PageRequest.of("2", "100")).isEqualTo(new PageRequest(2, 100));
  }

  @Test
  void aSizeOverTheCapIsA400ThatNamesTheCap() {
    assertThat(refusal("0", "101")).isEqualTo("'size' must be 1 to 100 per page, not 101.");
    assertThat(refusal("0", "0")).isEqualTo("'size' must be 1 to 100 per page, not 0.");
    assertThat(refusalOf(() -> PageRequest.of("0", "51", 10, 50))).contains("1 to 50");
  }

  @Test
  void aNegativePageOrSomethingThatIsNoNumberIsA400() {
    assertThat(refusal("-1", "10")).isEqualTo("'page' counts from 0; -1 is not a page.");
    assertThat(refusal("x", "10")).isEqualTo("'page' must be a whole number, not 'x'.");
    assertThat(refusal("0", "1e3")).contains("'size' must be a whole number");
    assertThat(refusal("0", "99999999999")).contains("whole number");
  }

  @Test
  void itCutsAPageOutOfACompleteList() {
    List<Integer> all = IntStream.range(0, 120).boxed().toList();

    assertThat(PageRequest.of("0", "50").of(all)).hasSize(50).startsWith(0);
    assertThat(PageRequest.of("2", "50").of(all)).hasSize(20).startsWith(100);
    assertThat(PageRequest.of("3", "50").of(all)).isEmpty();
    assertThat(PageRequest.of(String.valueOf(Integer.MAX_VALUE), "100").of(all)).isEmpty();
  }

  private static String refusal(String page, String size) {
    return refusalOf(() -> PageRequest.of(page, size));
  }

  /** The message of the 400 (ApiExceptionMapper maps InvalidRequestException to it). */
  private static String refusalOf(Runnable call) {
    try {
      call.run();
    } catch (InvalidRequestException e) {
      return e.getMessage();
    }
    throw new AssertionError("no refusal");
  }
}
