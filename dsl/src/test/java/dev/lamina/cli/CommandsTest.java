package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandsTest {
  private static final String SPEC = CliFixture.root().resolve("examples/churn/model.yaml").toString();

  @ParameterizedTest
  @ValueSource(strings = {"train", "predict", "summary", "validate"})
  void everyCommandHasHelpWithExamples(String command) {
    CliFixture.Result r = CliFixture.run(command, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage:").contains("Example");
  }

  @Test
  void topLevelHelpDocumentsTheExitCodes() {
    CliFixture.Result r = CliFixture.run("--help");
    assertThat(r.out()).contains("Exit codes:").contains("2  invalid spec").contains("3  invalid data");
  }

  @Test
  void summaryPrintsLayersFansAndTargetStd() {
    CliFixture.Result r = CliFixture.run("summary", SPEC);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("dense (Dense)").contains("he_uniform").contains("0.4264").contains("Total params: 121");
  }

  @Test
  void validateAcceptsTheExample() {
    CliFixture.Result r = CliFixture.run("validate", SPEC);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("valid");
  }
}
