package org.wenjin.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {

  private static InputStream bounded(int bodyBytes, long limit) {
    return new BoundedInputStream(
        new ByteArrayInputStream(new byte[bodyBytes]),
        limit,
        () -> new IllegalStateException("too large"));
  }

  @Test
  void aBodyUpToTheLimitReadsWhole() throws IOException {
    assertThat(bounded(1024, 1024).readAllBytes()).hasSize(1024);
    assertThat(bounded(0, 1024).readAllBytes()).isEmpty();
  }

  @Test
  void oneByteOverTheLimitFailsTheRead() {
    assertThatThrownBy(() -> bounded(1025, 1024).readAllBytes())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("too large");
  }

  @Test
  void byteByByteReadingCountsToo() throws IOException {
    InputStream in = bounded(3, 2);
    in.read();
    in.read();

    assertThatThrownBy(in::read).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aHugeBodyIsNotReadFarPastTheLimit() {
    CountingStream endless = new CountingStream();
    InputStream in = new BoundedInputStream(endless, 1000, IllegalStateException::new);

    assertThatThrownBy(() -> in.read(new byte[1 << 20])).isInstanceOf(IllegalStateException.class);
    assertThat(endless.served).isEqualTo(1001);
  }

  @Test
  void skippingCounts() throws IOException {
    InputStream in = bounded(5000, 1000);
    in.skip(1000);

    assertThatThrownBy(() -> in.skip(10)).isInstanceOf(IllegalStateException.class);
  }

  /** A body that never ends, counting what it was asked for. */
  private static final class CountingStream extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      served += len;
      return len;
    }
  }
}
