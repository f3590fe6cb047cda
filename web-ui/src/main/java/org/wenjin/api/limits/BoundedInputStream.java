package org.wenjin.api.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A request body that may not be longer than {@code limit} bytes: reading byte {@code limit + 1}
 * throws. This is what catches a chunked body (no Content-Length to check up front) before it is
 * held in memory, and whatever reads it fails before the resource method runs.
 */
final class BoundedInputStream extends FilterInputStream {

  private final long limit;
  private final Supplier<? extends RuntimeException> tooLarge;
  private long count;

  BoundedInputStream(InputStream in, long limit, Supplier<? extends RuntimeException> tooLarge) {
    super(in);
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // never ask for more than one byte past the limit: that byte is enough to refuse
    int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, limit - count + 1));
    counted(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false; // a reset would let the count lie
  }

  @Override
  public synchronized void mark(int readLimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private void counted(long n) {
    count += n;
    if (count > limit) {
      throw tooLarge.get();
    }
  }
}
