package org.wenjin.engine.llama;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tiny llama-architecture model as a GGUF file (version 3): metadata, a SentencePiece
 * vocabulary with byte fallback, and small random F32 tensors. Nothing can be downloaded here, so
 * the llama.cpp tests make the model they load; its answers are random tokens, but every step is
 * llama.cpp's own: loading, the chat template, tokenising, decoding, sampling, slots.
 */
public final class TinyGguf {

  /** The sizes of a model: width, feed-forward width, layers (heads of 16 dimensions). */
  public record Shape(int embedding, int feedForward, int layers) {

    int heads() {
      return embedding / 16;
    }
  }

  /** What the tests load: 100 thousand parameters, a millisecond a token. */
  public static final Shape TINY = new Shape(64, 128, 2);

  /** What the benchmark loads: 16 million parameters, where reading the weights is the work. */
  public static final Shape SMALL = new Shape(512, 1536, 5);

  static final int CONTEXT = 2048;
  static final int EOS = 2;

  private static final int ALIGNMENT = 32;

  private TinyGguf() {}

  /** Writes the tiny model to {@code file} unless it is there. */
  public static Path ensureWritten(Path file) throws IOException {
    return ensureWritten(file, TINY);
  }

  public static Path ensureWritten(Path file, Shape shape) throws IOException {
    if (!Files.exists(file)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path partial = file.resolveSibling(file.getFileName() + ".part");
      write(partial, 42, shape);
      Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  static void write(Path file, long seed, Shape shape) throws IOException {
    final int EMBEDDING = shape.embedding();
    final int FEED_FORWARD = shape.feedForward();
    final int LAYERS = shape.layers();
    final int HEADS = shape.heads();
    List<String> tokens = vocabulary();
    Random random = new Random(seed);
    float scale = (float) (1 / Math.sqrt(EMBEDDING));
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("token_embd.weight", Tensor.random(random, 0.5f, EMBEDDING, tokens.size()));
    for (int l = 0; l < LAYERS; l++) {
      String b = "blk." + l + ".";
      tensors.put(b + "attn_norm.weight", Tensor.ones(EMBEDDING));
      tensors.put(b + "attn_q.weight", Tensor.random(random, scale, EMBEDDING, EMBEDDING));
      tensors.put(b + "attn_k.weight", Tensor.random(random, scale, EMBEDDING, EMBEDDING));
      tensors.put(b + "attn_v.weight", Tensor.random(random, scale, EMBEDDING, EMBEDDING));
      tensors.put(b + "attn_output.weight", Tensor.random(random, scale, EMBEDDING, EMBEDDING));
      tensors.put(b + "ffn_norm.weight", Tensor.ones(EMBEDDING));
      tensors.put(b + "ffn_gate.weight", Tensor.random(random, scale, EMBEDDING, FEED_FORWARD));
      tensors.put(b + "ffn_up.weight", Tensor.random(random, scale, EMBEDDING, FEED_FORWARD));
      tensors.put(
          b + "ffn_down.weight",
          Tensor.random(random, (float) (1 / Math.sqrt(FEED_FORWARD)), FEED_FORWARD, EMBEDDING));
    }
    tensors.put("output_norm.weight", Tensor.ones(EMBEDDING));
    Tensor output = Tensor.random(random, 1f, EMBEDDING, tokens.size());
    // Never picks a special token (it never ends by itself: answers of one length) nor a byte
    // token (llama.cpp holds back incomplete UTF-8, so those would not stream one piece each).
    for (int token = 0; token < 3 + 256; token++) {
      for (int i = 0; i < EMBEDDING; i++) {
        output.data[token * EMBEDDING + i] = -1;
      }
    }
    tensors.put("output.weight", output);

    Gguf out = new Gguf();
    out.string("general.architecture", "llama");
    out.string("general.name", "wenjin-tiny-llama");
    out.u32("general.alignment", ALIGNMENT);
    out.u32("llama.context_length", CONTEXT);
    out.u32("llama.embedding_length", EMBEDDING);
    out.u32("llama.block_count", LAYERS);
    out.u32("llama.feed_forward_length", FEED_FORWARD);
    out.u32("llama.attention.head_count", HEADS);
    out.u32("llama.attention.head_count_kv", HEADS);
    out.u32("llama.rope.dimension_count", EMBEDDING / HEADS);
    out.f32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
    out.u32("llama.vocab_size", tokens.size());
    out.string("tokenizer.ggml.model", "llama");
    out.strings("tokenizer.ggml.tokens", tokens);
    float[] scores = new float[tokens.size()];
    int[] types = new int[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      types[i] = i == 0 ? 2 : i < 3 ? 3 : i < 3 + 256 ? 6 : 1; // unknown, control, byte, normal
      scores[i] = i < 3 + 256 ? 0 : -(i - 258) * 0.01f - tokens.get(i).length() * -0.1f;
    }
    out.f32s("tokenizer.ggml.scores", scores);
    out.i32s("tokenizer.ggml.token_type", types);
    out.u32("tokenizer.ggml.unknown_token_id", 0);
    out.u32("tokenizer.ggml.bos_token_id", 1);
    out.u32("tokenizer.ggml.eos_token_id", EOS);
    out.string(
        "tokenizer.chat_template",
        "{% for m in messages %}<|{{ m['role'] }}|>\n{{ m['content'] }}\n{% endfor %}"
            + "{% if add_generation_prompt %}<|assistant|>\n{% endif %}");
    out.write(file, tensors);
  }

  /** Specials, the 256 byte tokens, then pieces of English and Chinese. */
  static List<String> vocabulary() {
    List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
    for (int b = 0; b < 256; b++) {
      tokens.add(String.format("<0x%02X>", b));
    }
    String words =
        "the a to of and in is it you that for on with as are be this have not at by from or"
            + " leave vpn password reset annual request office travel expense policy";
    tokens.add("▁");
    java.util.Set<String> pieces = new java.util.LinkedHashSet<>();
    for (String w : words.split(" ")) {
      pieces.add("▁" + w);
    }
    for (char c = 'a'; c <= 'z'; c++) {
      pieces.add(String.valueOf(c));
    }
    for (char c : "年假申请登录人事系统填写请假单提交经理审批公司员工文档问题回答".toCharArray()) {
      pieces.add(String.valueOf(c));
    }
    pieces.addAll(List.of(".", ",", "?", "!", "，", "。", "？", "<", ">", "|"));
    tokens.addAll(pieces); // llama.cpp refuses a vocabulary with a piece twice
    return tokens;
  }

  /** An F32 tensor; {@code shape[0]} varies fastest, as GGUF counts dimensions. */
  private record Tensor(long[] shape, float[] data) {

    static Tensor ones(int n) {
      float[] data = new float[n];
      java.util.Arrays.fill(data, 1f);
      return new Tensor(new long[] {n}, data);
    }

    static Tensor random(Random random, float scale, int columns, int rows) {
      float[] data = new float[columns * rows];
      for (int i = 0; i < data.length; i++) {
        data[i] = (float) random.nextGaussian() * scale;
      }
      return new Tensor(new long[] {columns, rows}, data);
    }
  }

  /** GGUF's little-endian layout: header, key/values, tensor infos, aligned data. */
  private static final class Gguf {
    private final ByteBuffer meta = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private int count;

    void string(String key, String value) {
      key(key, 8);
      text(value);
    }

    void u32(String key, int value) {
      key(key, 4);
      meta.putInt(value);
    }

    void f32(String key, float value) {
      key(key, 6);
      meta.putFloat(value);
    }

    void strings(String key, List<String> values) {
      array(key, 8, values.size());
      values.forEach(this::text);
    }

    void f32s(String key, float[] values) {
      array(key, 6, values.length);
      for (float v : values) {
        meta.putFloat(v);
      }
    }

    void i32s(String key, int[] values) {
      array(key, 5, values.length);
      for (int v : values) {
        meta.putInt(v);
      }
    }

    private void array(String key, int type, int length) {
      key(key, 9);
      meta.putInt(type);
      meta.putLong(length);
    }

    private void key(String key, int type) {
      text(key);
      meta.putInt(type);
      count++;
    }

    private void text(String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      meta.putLong(bytes.length);
      meta.put(bytes);
    }

    void write(Path file, Map<String, Tensor> tensors) throws IOException {
      ByteBuffer head = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
      head.put("GGUF".getBytes(StandardCharsets.US_ASCII));
      head.putInt(3);
      head.putLong(tensors.size());
      head.putLong(count);
      ByteBuffer infos = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
      long offset = 0;
      for (Map.Entry<String, Tensor> t : tensors.entrySet()) {
        byte[] name = t.getKey().getBytes(StandardCharsets.UTF_8);
        infos.putLong(name.length).put(name);
        infos.putInt(t.getValue().shape().length);
        for (long d : t.getValue().shape()) {
          infos.putLong(d);
        }
        infos.putInt(0); // F32
        infos.putLong(offset);
        offset = aligned(offset + 4L * t.getValue().data().length);
      }
      try (OutputStream file1 = Files.newOutputStream(file)) {
        long written = 0;
        for (ByteBuffer part : List.of(head, meta, infos)) {
          file1.write(part.array(), 0, part.position());
          written += part.position();
        }
        file1.write(new byte[(int) (aligned(written) - written)]);
        for (Tensor t : tensors.values()) {
          ByteBuffer data = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
          data.asFloatBuffer().put(t.data());
          file1.write(data.array());
          int size = 4 * t.data().length;
          file1.write(new byte[(int) (aligned(size) - size)]);
        }
      }
    }

    private static long aligned(long n) {
      return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
  }
}
