package org.wenjin.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The key/value cache of every conversation in a {@link RollingBatch}, one row each: per layer keys
 * and values {@code [rows, heads, width, head size]}. Rows are as wide as the longest history; a
 * shorter one is padded on the left, and {@link #padding()} tells the decoder how much of each row
 * to ignore. Rows join after their prompt is read and leave when done; padding every row shares is
 * cut away.
 */
final class BatchCache implements AutoCloseable {

  private final NDManager manager;
  private final List<DecodingSequence> rows = new ArrayList<>();
  private NDList layers;
  private long[] padding = new long[0];

  BatchCache(NDManager manager) {
    this.manager = manager;
  }

  List<DecodingSequence> rows() {
    return rows;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  NDList layers() {
    return layers;
  }

  long[] padding() {
    return padding.clone();
  }

  private long width() {
    return layers.get(0).getShape().get(2);
  }

  /** Adds a row whose prompt was read: its own cache {@code [1, heads, length, head size]}. */
  void add(DecodingSequence sequence, NDList own) {
    own.attach(manager);
    if (layers == null) {
      layers = own;
      padding = new long[] {0};
    } else {
      long width = width();
      long length = own.get(0).getShape().get(2);
      NDList newRow = length < width ? padLeft(own, width - length) : own;
      NDList batch = length > width ? padLeft(layers, length - width) : layers;
      long[] wider = new long[padding.length + 1];
      for (int r = 0; r < padding.length; r++) {
        wider[r] = padding[r] + Math.max(0, length - width);
      }
      wider[padding.length] = Math.max(0, width - length);
      NDList joined = new NDList(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        joined.add(batch.get(i).concat(newRow.get(i), 0));
      }
      closeAll(own, newRow, layers, batch);
      layers = attached(joined);
      padding = wider;
    }
    rows.add(sequence);
  }

  /** The cache after a decoding step (one position wider); the old one is freed. */
  void advance(NDList next) {
    NDList previous = layers;
    layers = attached(next);
    previous.close();
  }

  /** Keeps the rows flagged in {@code keep} (in order), frees the others' cache. */
  void keep(boolean[] keep) {
    List<DecodingSequence> kept = new ArrayList<>();
    List<Long> keptPadding = new ArrayList<>();
    for (int r = 0; r < keep.length; r++) {
      if (keep[r]) {
        kept.add(rows.get(r));
        keptPadding.add(padding[r]);
      }
    }
    if (kept.size() == rows.size()) {
      return;
    }
    if (kept.isEmpty()) {
      close();
      return;
    }
    long shared = keptPadding.stream().mapToLong(Long::longValue).min().orElse(0);
    NDArray mask = manager.create(keep);
    NDList smaller = new NDList(layers.size());
    for (NDArray layer : layers) {
      NDArray rowsKept = layer.get(new NDIndex("{}", mask));
      smaller.add(shared > 0 ? trimmed(rowsKept, shared) : rowsKept);
    }
    mask.close();
    layers.close();
    layers = attached(smaller);
    rows.clear();
    rows.addAll(kept);
    padding = keptPadding.stream().mapToLong(p -> p - shared).toArray();
  }

  private static NDArray trimmed(NDArray layer, long shared) {
    NDArray cut = layer.get(new NDIndex(":, :, {}:, :", shared));
    layer.close();
    return cut;
  }

  private NDList padLeft(NDList cache, long columns) {
    NDList padded = new NDList(cache.size());
    for (NDArray layer : cache) {
      Shape s = layer.getShape();
      NDArray zeros =
          manager.zeros(
              new Shape(s.get(0), s.get(1), columns, s.get(3)),
              layer.getDataType(),
              layer.getDevice());
      padded.add(zeros.concat(layer, 2));
      zeros.close();
    }
    return padded;
  }

  private NDList attached(NDList list) {
    list.attach(manager);
    return list;
  }

  private static void closeAll(NDList... lists) {
    for (NDList list : lists) {
      list.close();
    }
  }

  @Override
  public void close() {
    if (layers != null) {
      layers.close();
      layers = null;
    }
    rows.clear();
    padding = new long[0];
  }
}
