package dev.lamina.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.cli.CliReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed docs are exactly what {@code builder.jar docs --out docs/} generates. */
class DocsUpToDateTest {
  /** The repository's docs folder, seen from the dsl module where the tests run. */
  static final Path DOCS = Path.of("..", "docs");

  static Stream<Arguments> documents() {
    return Documentation.texts(CliReference.markdown()).entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void committedDocumentEqualsTheGeneratedOne(String name, String generated) throws IOException {
    Path committed = DOCS.resolve(name);
    assertThat(committed).as("%s is missing: run java -jar builder.jar docs --out docs/", committed).exists();
    assertThat(Files.readString(committed))
        .as("docs/%s is stale: run java -jar builder.jar docs --out docs/ and commit the result", name)
        .isEqualTo(generated);
  }

  @Test
  void everyImageTheGuideShowsIsCommitted() {
    for (Map.Entry<String, String> e : Documentation.texts(CliReference.markdown()).entrySet()) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\]\\((images/[^)]+\\.png)\\)").matcher(e.getValue());
      while (m.find()) {
        assertThat(DOCS.resolve(m.group(1))).as("%s shows %s", e.getKey(), m.group(1)).exists();
      }
    }
  }
}
