package org.wenjin.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ChunkIndexTest {

  @Test
  void theLayoutSetsShardsAndReplicasAndKeepsTheAnalysis() throws Exception {
    JsonObject definition =
        Json.createReader(new StringReader(ChunkIndex.definition(new ChunkIndex.Layout(3, 1))))
            .readObject();

    JsonObject settings = definition.getJsonObject("settings");
    assertThat(settings.getInt("number_of_shards")).isEqualTo(3);
    assertThat(settings.getInt("number_of_replicas")).isEqualTo(1);
    assertThat(settings.getJsonObject("analysis").getJsonObject("analyzer"))
        .containsKeys("wenjin_text", "wenjin_english");
    assertThat(definition.getJsonObject("mappings").getJsonObject("properties"))
        .containsKeys("doc_id", "embedding", "embedding_en");
  }

  @Test
  void aLayoutOutsideWhatElasticsearchTakesIsRefusedWithTheSettingsName() {
    assertThatThrownBy(() -> new ChunkIndex.Layout(0, 0))
        .hasMessageContaining("wenjin.es.chunk-shards");
    assertThatThrownBy(() -> new ChunkIndex.Layout(1, -1))
        .hasMessageContaining("wenjin.es.chunk-replicas");
  }
}
