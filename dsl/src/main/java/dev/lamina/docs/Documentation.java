package dev.lamina.docs;

import dev.lamina.report.AtomicFile;
import dev.lamina.docs.YamlReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every generated document by file name: {@code YAML.md} ({@link YamlReference}), {@code CLI.md}
 * (the command line's own reference, given by the caller: {@code cli.CliReference}, so this
 * package needs nothing of the command line) and {@code INITIALIZERS.md} ({@link InitializerGuide}); the guide's
 * figures come from {@link InitializerFigures}.
 */
public final class Documentation {
  /** The folder, inside the documents' folder, that holds the figures. */
  public static final String IMAGES = "images";

  private Documentation() {}

  /**
   * The text documents: file name to content.
   *
   * @param cliReference the text of {@code CLI.md}
   */
  public static Map<String, String> texts(String cliReference) {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put("YAML.md", YamlReference.markdown());
    docs.put("CLI.md", cliReference);
    docs.put("INITIALIZERS.md", InitializerGuide.markdown());
    return docs;
  }

  /**
   * Writes the text documents (and the figures when {@code figures}) under {@code dir}; returns the
   * files written.
   *
   * @param cliReference the text of {@code CLI.md}
   */
  public static List<Path> write(Path dir, boolean figures, String cliReference) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> e : texts(cliReference).entrySet()) {
      Path p = dir.resolve(e.getKey());
      AtomicFile.writeString(p, e.getValue());
      written.add(p);
    }
    if (figures) {
      written.addAll(InitializerFigures.write(dir.resolve(IMAGES)));
    }
    return written;
  }
}
