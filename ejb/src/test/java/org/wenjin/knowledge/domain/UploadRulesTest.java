package org.wenjin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadRulesTest {

  @Test
  void aFileNameKeepsOnlyItsLastPartWithoutControlCharacters() {
    assertThat(UploadRules.sourceName("../../etc/passwd.txt")).isEqualTo("passwd.txt");
    assertThat(UploadRules.sourceName("C:\\Users\\x\\报告.pdf")).isEqualTo("报告.pdf");
    assertThat(UploadRules.sourceName("..\u0000hidden\n.md")).isEqualTo("hidden.md");
    assertThat(UploadRules.sourceName("x".repeat(300) + ".docx")).hasSize(255).endsWith(".docx");
    assertThatThrownBy(() -> UploadRules.sourceName("../")).hasMessageContaining("no name");
  }

  @Test
  void filesOverTheLimitAndEmptyFilesAreRefusedWithTheirSizes() {
    long limit = 50L * 1024 * 1024;
    assertThatThrownBy(() -> UploadRules.size(limit + 1, limit))
        .isInstanceOf(KnowledgeRules.class)
        .hasMessage("The file is 50.0 MB; the limit is 50.0 MB. Split it into smaller files.");
    assertThatThrownBy(() -> UploadRules.size(0, limit)).hasMessage("The file is empty.");
    UploadRules.size(limit, limit);
  }

  @Test
  void labelsAreSimpleLowerCaseNamesWithoutDuplicatesAndGroupsKeepTheirCase() {
    assertThat(UploadRules.names(Arrays.asList("HR", " hr ", "", null, "Policy"), "label"))
        .containsExactly("hr", "policy");
    assertThat(UploadRules.names(List.of("/Engineering"), "group")).containsExactly("Engineering");
    assertThatThrownBy(() -> UploadRules.names(List.of("<script>"), "label"))
        .hasMessageContaining("not a valid label name");
    assertThat(UploadRules.collection(null)).isEqualTo("general");
  }

  @Test
  void theTitleIsTheGivenOneElseTheDocumentsOwnElseTheFileName() {
    assertThat(UploadRules.title(" Given ", "Own", "f.pdf")).isEqualTo("Given");
    assertThat(UploadRules.title(null, "Own", "f.pdf")).isEqualTo("Own");
    assertThat(UploadRules.title("", " ", "f.pdf")).isEqualTo("f.pdf");
  }
}
