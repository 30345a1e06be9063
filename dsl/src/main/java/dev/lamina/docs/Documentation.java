package dev.lamina.docs;

import dev.lamina.cli.CliReference;
import dev.lamina.report.AtomicFile;
import dev.lamina.yaml.YamlReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every generated document by file name: {@code YAML.md} ({@link YamlReference}), {@code CLI.md}
 * ({@link CliReference}) and {@code INITIALIZERS.md} ({@link InitializerGuide}); the guide's
 * figures come from {@link InitializerFigures}.
 */
public final class Documentation {
  /** The folder, inside the documents' folder, that holds the figures. */
  public static final String IMAGES = "images";

  private Documentation() {}

  /** The text documents: file name to content. */
  public static Map<String, String> texts() {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put("YAML.md", YamlReference.markdown());
    docs.put("CLI.md", CliReference.markdown());
    docs.put("INITIALIZERS.md", InitializerGuide.markdown());
    return docs;
  }

  /** Writes the text documents (and the figures when {@code figures}) under {@code dir}; returns the files written. */
  public static List<Path> write(Path dir, boolean figures) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> e : texts().entrySet()) {
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
