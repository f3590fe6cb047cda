package org.wenjin.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.EmbeddingModel;
import org.wenjin.engine.spi.EmbeddingModelProviders;
import org.wenjin.engine.spi.ModelSettings;

/**
 * The built-in bge-small-zh-v1.5 (and bge-small-en-v1.5), loaded the way the application loads them
 * (the registry).
 */
class OnnxEmbeddingModelTest {

  private static EmbeddingModel model;

  @BeforeAll
  static void load() {
    model =
        EmbeddingModelProviders.installed()
            .create(new ModelSettings("bge-small-zh", "onnx", Map.of()));
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void builtInModelGivesUnitVectorsOf512Dimensions() {
    float[] v = model.embedQuery("如何申请年假");
    assertThat(model.dimensions()).isEqualTo(512);
    assertThat(v).hasSize(512);
    assertThat(dot(v, v)).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void closeMeaningsScoreHigherThanUnrelatedOnes() {
    float[] leave = model.embedQuery("如何申请年假");
    List<float[]> passages =
        model.embedPassages(
            List.of("年假申请流程：登录人事系统，填写请假单，提交直属经理审批。", "服务器机房的温度应保持在 18 到 27 摄氏度之间。"));
    assertThat(dot(leave, passages.get(0))).isGreaterThan(dot(leave, passages.get(1)) + 0.2);

    float[] vpn = model.embedQuery("how do I reset my VPN password?");
    List<float[]> english =
        model.embedPassages(
            List.of(
                "To reset the VPN password, open the IT portal and choose Reset password.",
                "The cafeteria serves lunch from 11:30 to 13:30."));
    assertThat(dot(vpn, english.get(0))).isGreaterThan(dot(vpn, english.get(1)));
  }

  @Test
  void theBuiltInEnglishModelGives384DimensionsAndSeparatesEnglishWell() {
    try (EmbeddingModel english =
        EmbeddingModelProviders.installed()
            .create(new ModelSettings("bge-small-en", "onnx", Map.of("built-in", "en")))) {
      float[] vpn = english.embedQuery("how do I reset my VPN password?");
      List<float[]> passages =
          english.embedPassages(
              List.of(
                  "To reset the VPN password, open the IT portal and choose Reset password.",
                  "The cafeteria serves lunch from 11:30 to 13:30."));

      assertThat(english.dimensions()).isEqualTo(384);
      assertThat(dot(vpn, vpn)).isCloseTo(1.0, within(1e-4));
      assertThat(dot(vpn, passages.get(0))).isGreaterThan(dot(vpn, passages.get(1)) + 0.2);
    }
  }

  @Test
  void anUnknownBuiltInModelIsRefusedByName() {
    ModelSettings settings = new ModelSettings("x", "onnx", Map.of("built-in", "fr"));
    assertThatThrownBy(() -> EmbeddingModelProviders.installed().create(settings))
        .hasMessageContaining("built-in must be zh or en");
  }

  @Test
  void batchedPassagesEqualPassagesEncodedAlone() {
    List<String> texts = List.of("年假申请流程", "病假申请流程", "如何报销差旅费用", "VPN password reset", "短");
    List<float[]> batched = model.embedPassages(texts);
    for (int i = 0; i < texts.size(); i++) {
      float[] alone = model.embedPassages(List.of(texts.get(i))).get(0);
      assertThat(dot(batched.get(i), alone)).as(texts.get(i)).isGreaterThan(0.99999);
    }
  }

  @Test
  void sessionsWorkingInParallelKeepTheVectorsAndTheirOrder() {
    List<String> texts =
        List.of("年假申请流程", "病假申请流程", "如何报销差旅费用", "VPN password reset", "短", "机房温度", "午餐时间");
    try (EmbeddingModel parallel =
        EmbeddingModelProviders.installed()
            .create(
                new ModelSettings(
                    "bge-small-zh", "onnx", Map.of("sessions", "3", "threads", "1")))) {
      List<float[]> vectors = parallel.embedPassages(texts);
      assertThat(vectors).hasSize(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        float[] alone = model.embedPassages(List.of(texts.get(i))).get(0);
        assertThat(dot(vectors.get(i), alone)).as(texts.get(i)).isGreaterThan(0.99999);
      }
    }
  }

  @Test
  void aNegativeThreadCountIsRefusedByName() {
    ModelSettings settings = new ModelSettings("x", "onnx", Map.of("threads", "-1"));
    assertThatThrownBy(() -> EmbeddingModelProviders.installed().create(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads must be a whole number of at least 0");
  }

  @Test
  void missingFilesAreNamedInTheError(@TempDir Path dir) {
    ModelSettings settings =
        new ModelSettings(
            "custom",
            "onnx",
            Map.of("model", dir.resolve("absent.onnx").toString(), "tokenizer", "x.json"));
    assertThatThrownBy(() -> EmbeddingModelProviders.installed().create(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absent.onnx")
        .hasMessageContaining("not readable");
  }

  @Test
  void aFileThatIsNotAModelIsReportedAsUnavailable(@TempDir Path dir) throws Exception {
    Path onnx = Files.writeString(dir.resolve("broken.onnx"), "not a model");
    Path tokenizer = OnnxEmbeddingProviderFiles.builtInTokenizer(dir);
    ModelSettings settings =
        new ModelSettings(
            "broken", "onnx", Map.of("model", onnx.toString(), "tokenizer", tokenizer.toString()));
    assertThatThrownBy(() -> EmbeddingModelProviders.installed().create(settings))
        .isInstanceOf(ChatModelException.class)
        .hasMessageContaining("cannot load the embedding model")
        .extracting(e -> ((ChatModelException) e).kind())
        .isEqualTo(ChatModelException.Kind.UNAVAILABLE);
  }

  @Test
  void unknownBackendListsTheInstalledOnes() {
    assertThatThrownBy(
            () ->
                EmbeddingModelProviders.installed()
                    .create(new ModelSettings("x", "word2vec", Map.of())))
        .hasMessageContaining("unknown backend 'word2vec'")
        .hasMessageContaining("onnx");
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /**
   * Copies the jar's tokenizer.json out, for tests that need a valid tokenizer next to a bad model.
   */
  static final class OnnxEmbeddingProviderFiles {
    static Path builtInTokenizer(Path dir) throws Exception {
      try (var in =
          OnnxEmbeddingModelTest.class
              .getClassLoader()
              .getResourceAsStream(OnnxEmbeddingProvider.BUILT_IN_TOKENIZER)) {
        Path target = dir.resolve("tokenizer.json");
        Files.copy(in, target);
        return target;
      }
    }
  }
}
