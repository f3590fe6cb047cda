package org.wenjin.engine.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenjin.engine.spi.ChatMessage;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatModelProviders;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.GenerationOptions;
import org.wenjin.engine.spi.ModelSettings;
import org.wenjin.engine.spi.Passage;

/**
 * The llama.cpp backend's configuration, the real native library refusing a file that is not a
 * model, and the request it sends through the model's chat template (generation itself: {@link
 * LlamaCppGenerationTest}).
 */
class LlamaCppProviderTest {

  private static ModelSettings settings(Map<String, String> properties) {
    return new ModelSettings("qwen", "llama", properties);
  }

  @Test
  void theModelFileIsRequiredAndMustExist(@TempDir Path dir) {
    assertThatThrownBy(() -> ChatModelProviders.installed().create(settings(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs the property 'model'");
    String absent = dir.resolve("qwen2.5-7b-q4_k_m.gguf").toString();
    assertThatThrownBy(
            () -> ChatModelProviders.installed().create(settings(Map.of("model", absent))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("qwen2.5-7b-q4_k_m.gguf")
        .hasMessageContaining("not readable");
  }

  @Test
  void numbersAreCheckedByName(@TempDir Path dir) throws Exception {
    String file = Files.writeString(dir.resolve("m.gguf"), "x").toString();
    assertThatThrownBy(
            () ->
                ChatModelProviders.installed()
                    .create(settings(Map.of("model", file, "context", "lots"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("context must be a whole number of at least 256, got 'lots'");
    assertThatThrownBy(
            () ->
                ChatModelProviders.installed()
                    .create(settings(Map.of("model", file, "gpu-layers", "-1"))))
        .hasMessageContaining("gpu-layers must be a whole number of at least 0");
  }

  @Test
  void llamaCppItselfRefusesAFileThatIsNotAModel(@TempDir Path dir) throws Exception {
    Path notGguf = Files.writeString(dir.resolve("notes.gguf"), "this is not a GGUF model");

    assertThatThrownBy(
            () ->
                ChatModelProviders.installed()
                    .create(settings(Map.of("model", notGguf.toString(), "context", "512"))))
        .isInstanceOf(ChatModelException.class)
        .hasMessageContaining("cannot load the GGUF model")
        .hasMessageContaining("notes.gguf")
        .extracting(e -> ((ChatModelException) e).kind())
        .isEqualTo(ChatModelException.Kind.UNAVAILABLE);
  }

  @Test
  void theConversationGoesThroughTheChatTemplateWithPassagesBeforeTheQuestion() {
    ChatRequest request =
        new ChatRequest(
            List.of(
                ChatMessage.system("You answer employees."),
                ChatMessage.user("年假有几天？"),
                ChatMessage.assistant("十五天。"),
                ChatMessage.user("怎么申请？")),
            List.of(new Passage(1, "员工手册", "handbook.pdf", "登录人事系统提交请假单。")),
            new GenerationOptions(200, 0.2, 0.9, List.of("</answer>")));

    String json = LlamaCppChatModel.parameters(request).toString().replaceAll("\\s+", "");

    assertThat(json)
        .contains("\"use_jinja\":true")
        .contains("\"n_predict\":200")
        .contains("\"stop\":[\"<\\/answer>\"]")
        .contains("{\"role\":\"system\",\"content\":\"Youansweremployees.\"}")
        .contains("{\"role\":\"assistant\",\"content\":\"十五天。\"}");
    assertThat(json.indexOf("[1]员工手册")).isGreaterThan(json.indexOf("十五天")).isPositive();
    assertThat(json.indexOf("怎么申请")).isGreaterThan(json.indexOf("登录人事系统"));
  }
}
