package org.wenjin.inference.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ModelRegistryFileTest {

  @Test
  void withoutAFileOnlyTheExtractiveFallbackAnswers() {
    var registry = ModelRegistryFile.parse(new Properties());

    assertThat(registry.models()).extracting(RegisteredModel::id).containsExactly("extractive");
    assertThat(registry.defaultModel()).isEqualTo("extractive");
  }

  @Test
  void readsModelsWithPoolLimitsAndBackendProperties() throws Exception {
    var registry =
        ModelRegistryFile.parse(
            properties(
                """
                model.qwen.backend=openai
                model.qwen.label=Qwen2.5 7B (vLLM)
                model.qwen.url=http://127.0.0.1:8000/v1
                model.qwen.model=Qwen/Qwen2.5-7B-Instruct
                model.qwen.slots=8
                model.qwen.timeout-seconds=30
                """));

    RegisteredModel qwen = registry.models().get(1);
    assertThat(qwen.label()).isEqualTo("Qwen2.5 7B (vLLM)");
    assertThat(qwen.settings().backend()).isEqualTo("openai");
    assertThat(qwen.settings().properties())
        .containsOnlyKeys("url", "model")
        .containsEntry("model", "Qwen/Qwen2.5-7B-Instruct");
    assertThat(qwen.limits().slots()).isEqualTo(8);
    assertThat(qwen.limits().maxGeneration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(registry.defaultModel()).as("a real model wins over the fallback").isEqualTo("qwen");
  }

  @Test
  void pathsStartingWithADotAreRelativeToTheRegistryFile() {
    var registry =
        ModelRegistryFile.parse(
            properties(
                "model.qwen.backend=llama\nmodel.qwen.model=./models/qwen.gguf\n"
                    + "model.glm.backend=llama\nmodel.glm.model=/srv/glm.gguf\n"
                    + "model.old.backend=llama\nmodel.old.model=../old.gguf"),
            java.nio.file.Path.of("/etc/wenjin"));

    assertThat(registry.models())
        .filteredOn(m -> m.settings().backend().equals("llama"))
        .extracting(m -> m.settings().property("model").orElseThrow())
        .contains("/etc/wenjin/models/qwen.gguf", "/srv/glm.gguf", "/etc/old.gguf");
  }

  @Test
  void refusesMistakesWithTheLineThatIsWrong() {
    assertThatThrownBy(
            () -> ModelRegistryFile.parse(properties("model.x.backend=openai\nmodel.x.slots=four")))
        .hasMessageContaining("model.x.slots=four is not a number");
    assertThatThrownBy(() -> ModelRegistryFile.parse(properties("default=nope")))
        .hasMessageContaining("default=nope names no registered model");
    assertThatThrownBy(() -> ModelRegistryFile.parse(properties("model.x.label=no backend")))
        .hasMessageContaining("names no backend");
  }

  private static Properties properties(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return p;
  }
}
