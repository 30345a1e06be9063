package dev.lamina.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;

/** Hostile or broken files are refused with one clear message and without side effects. */
class SpecReaderSafetyTest {
  private static final String MODEL = "layers: [{dense: {units: 1}}]\ncompile: {loss: mse}\n";

  @TempDir
  Path dir;

  @BeforeEach
  void resetCanary() {
    Canary.BUILT.set(0);
  }

  static SpecLocationException error(String yaml) {
    SpecLocationException e = catchThrowableOfType(SpecLocationException.class,
        () -> SpecReader.read(yaml, "model.yaml"));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n");
    return e;
  }

  @Test
  void refusesTheScriptEngineManagerPayload() {
    String payload = "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader"
        + " [[!!java.net.URL [\"http://localhost:1/\"]]]]\n";
    assertThat(error(MODEL + payload).getMessage()).isEqualTo("model.yaml:3:7: tag"
        + " '!!javax.script.ScriptEngineManager' is not allowed: a spec holds only maps, lists, text, numbers and"
        + " booleans, and never creates Java objects; remove the tag");
  }

  @Test
  void aClassTagDoesNotBuildTheClass() {
    error(MODEL + "name: !!dev.lamina.yaml.Canary [x]\n");
    error("layers: [{dense: {units: 1, kernel_initializer: !!dev.lamina.yaml.Canary [x]}}]\ncompile: {loss: mse}\n");
    assertThat(Canary.BUILT.get()).isZero();
  }

  @Test
  void negativeControlSnakeYamlsFullConstructorWouldBuildTheCanary() {
    LoaderOptions trusting = new LoaderOptions();
    trusting.setTagInspector(tag -> true);
    Object built = new Yaml(new Constructor(trusting)).load("!!dev.lamina.yaml.Canary [x]");
    assertThat(built).isInstanceOf(Canary.class);
    assertThat(Canary.BUILT.get()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "!custom mse|!custom",
      "!!binary bXNl|!!binary",
      "!<tag:example.com,2000:loss> mse|tag:example.com,2000:loss",
      "!!set {a, b}|!!set",
      "!!omap [a: 1]|!!omap",
  })
  void refusesEveryNonStandardTag(String value, String shown) {
    assertThat(error("layers: [{dense: {units: 1}}]\ncompile: {loss: " + value + "}\n").getMessage())
        .isEqualTo("model.yaml:2:17: tag '" + shown + "' is not allowed: a spec holds only maps, lists, text, numbers"
            + " and booleans, and never creates Java objects; remove the tag");
  }

  @Test
  void acceptsExplicitStandardTags() {
    var spec = SpecReader.read("layers: [{dense: {units: !!int 3, name: !!str 12}}]\ncompile: {loss: !!str mse}\n",
        "model.yaml").spec();
    assertThat(spec.model().layers().get(0).name()).isEqualTo("12");
  }

  @Test
  void refusesABillionLaughsAliasBombByTheAliasLimit() {
    StringBuilder bomb = new StringBuilder(MODEL).append("sweep:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      String prev = "*" + (char) (c - 1);
      bomb.append("  ").append(c).append(": &").append(c).append(" [").append(String.join(", ",
          java.util.Collections.nCopies(9, prev))).append("]\n");
    }
    assertThat(error(bomb.toString()).getMessage()).isEqualTo("model.yaml: the file uses more than 50 aliases (*name)"
        + " of maps or lists; a spec needs only a few (this limit stops 'billion laughs' alias bombs)");
  }

  @Test
  void refusesAnAliasExpansionUnderTheAliasLimitByTheKeyBudget() {
    // 6 levels of 7 aliases: 42 aliases, but 7^6 = 117,649 items once expanded.
    StringBuilder bomb = new StringBuilder(MODEL).append("sweep:\n  a: &a [x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'f'; c++) {
      bomb.append("  ").append(c).append(": &").append(c).append(" [").append(String.join(", ",
          java.util.Collections.nCopies(7, "*" + (char) (c - 1)))).append("]\n");
    }
    assertThat(error(bomb.toString()).getMessage()).matches("model\\.yaml:\\d+:\\d+: the file has more than 10000 keys"
        + " and list items \\(each use of an alias counts again\\); a model spec needs a few dozen - is this the right"
        + " file\\?");
  }

  @Test
  void refusesMoreKeysThanTheBudgetInAPlainFile() {
    StringBuilder big = new StringBuilder(MODEL).append("sweep:\n");
    for (int i = 0; i <= SpecReader.MAX_KEYS; i++) {
      big.append("  k").append(i).append(": 1\n");
    }
    assertThat(error(big.toString()).getMessage()).contains(": the file has more than 10000 keys");
  }

  @Test
  void refusesNestingBeyondTheLimit() {
    String deep = MODEL + "sweep: {x: " + "[".repeat(60) + "]".repeat(60) + "}\n";
    assertThat(error(deep).getMessage())
        .isEqualTo("model.yaml: maps and lists are nested deeper than 50 levels; a spec needs about 6");
  }

  @Test
  void refusesNestingBeyondTheLimitThatOnlyAliasesReach() {
    String deep = "a: &a " + "[".repeat(40) + "]".repeat(40) + "\n" + MODEL
        + "sweep: " + "[".repeat(20) + "*a" + "]".repeat(20) + "\n";
    assertThat(error(deep).getMessage())
        .isEqualTo("model.yaml:4:27: maps and lists are nested deeper than 50 levels; a spec needs about 6");
  }

  @Test
  void refusesAnAliasInsideItself() {
    assertThat(error("layers: &l [{dense: {units: 1}}, *l]\ncompile: {loss: mse}\n").getMessage())
        .isEqualTo("model.yaml:1:9: an alias (*l) is used inside the map or list it names; a spec cannot refer to"
            + " itself");
  }

  @Test
  void refusesMergeKeys() {
    assertThat(error("layers: [{dense: {<<: {units: 1}}}]\ncompile: {loss: mse}\n").getMessage())
        .isEqualTo("model.yaml:1:19: merge keys (<<) are not supported; write the keys out, or alias a whole value"
            + " with &name and *name");
  }

  @Test
  void refusesATextLargerThanTheCodePointLimit() {
    String big = MODEL + "# " + "x".repeat(SpecReader.MAX_CODE_POINTS) + "\n";
    assertThat(error(big).getMessage()).isEqualTo("model.yaml: the file is larger than 3145728 characters (3 MB);"
        + " a spec is a few KB - is this the right file?");
  }

  @Test
  void refusesAHugeFileWithoutReadingIt() throws IOException {
    Path huge = dir.resolve("huge.yaml");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(4L * SpecReader.MAX_CODE_POINTS + 1); // sparse: no bytes are written
    }
    SpecLocationException e = catchThrowableOfType(SpecLocationException.class, () -> SpecReader.read(huge));
    assertThat(e.getMessage()).isEqualTo(huge + ": the file is larger than 3145728 characters (3 MB); a spec is a"
        + " few KB - is this the right file?");
  }

  @Test
  void refusesAFileThatIsNotUtf8() throws IOException {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, (MODEL + "name: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
    SpecLocationException e = catchThrowableOfType(SpecLocationException.class, () -> SpecReader.read(latin1));
    assertThat(e.getMessage()).isEqualTo(latin1 + ": the file is not UTF-8 text");
  }

  @Test
  void reportsAMissingFile() {
    Path missing = dir.resolve("nope.yaml");
    SpecLocationException e = catchThrowableOfType(SpecLocationException.class, () -> SpecReader.read(missing));
    assertThat(e.getMessage()).isEqualTo(missing + ": no such file; give the path of a model.yaml");
  }

  @Test
  void readsAUtf8FileWithAByteOrderMark() throws IOException {
    Path bom = dir.resolve("bom.yaml");
    Files.writeString(bom, "\uFEFF" + MODEL + "name: caf\u00e9\n");
    assertThat(SpecReader.read(bom).spec().model().name()).isEqualTo("caf\u00e9");
  }

  @Test
  void refusesSeveralDocumentsInOneFile() {
    assertThat(error(MODEL + "---\n" + MODEL).getMessage()).startsWith("model.yaml:3:1: YAML syntax error: but found"
        + " another document");
  }
}
