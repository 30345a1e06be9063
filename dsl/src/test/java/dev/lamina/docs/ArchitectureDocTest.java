package dev.lamina.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/ARCHITECTURE.md names what the code has: every module of its tree is a module of the parent
 * pom and the reverse, and each "Where each concept lives (module, ...)" table lists exactly the
 * packages of those modules' main sources (under {@code dev.lamina}), so the page cannot drift from
 * the code again.
 */
class ArchitectureDocTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern TREE_MODULE = Pattern.compile("^[├└]── (\\w+)\\s", Pattern.MULTILINE);
  private static final Pattern POM_MODULE = Pattern.compile("<module>(\\w+)</module>");
  private static final Pattern TABLE = Pattern.compile("^## Where each concept lives \\(([^)]*)\\)$", Pattern.MULTILINE);
  private static final Pattern ROW = Pattern.compile("^\\| `([\\w.]+)` \\|", Pattern.MULTILINE);

  private static String page() throws IOException {
    return Files.readString(ROOT.resolve("docs/ARCHITECTURE.md"));
  }

  @Test
  void theModuleTreeIsThePomsModuleList() throws IOException {
    List<String> tree = all(TREE_MODULE, page());
    List<String> pom = all(POM_MODULE, Files.readString(ROOT.resolve("pom.xml")));
    assertThat(tree).containsExactlyInAnyOrderElementsOf(pom);
  }

  @Test
  void everyPackageOfEveryModuleIsListedOnceAndEveryListedPackageExists() throws IOException {
    List<String> covered = new ArrayList<>();
    for (Map.Entry<List<String>, List<String>> table : tables(page()).entrySet()) {
      List<String> code = new ArrayList<>();
      for (String module : table.getKey()) {
        code.addAll(packages(module));
        covered.add(module);
      }
      assertThat(table.getValue()).as("the packages listed for %s", table.getKey()).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(code);
    }
    assertThat(covered).as("the modules with a table").containsExactlyInAnyOrderElementsOf(
        all(POM_MODULE, Files.readString(ROOT.resolve("pom.xml"))));
  }

  /** Each table's modules (from its heading) to the packages its rows name ({@code yaml}, {@code examples.data}). */
  private static Map<List<String>, List<String>> tables(String page) {
    Map<List<String>, List<String>> out = new LinkedHashMap<>();
    Matcher heading = TABLE.matcher(page);
    while (heading.find()) {
      int next = page.indexOf("\n## ", heading.end());
      out.put(List.of(heading.group(1).split(",\\s*")),
          all(ROW, page.substring(heading.end(), next < 0 ? page.length() : next)));
    }
    return out;
  }

  /** The packages of a module's main sources that hold a class, relative to {@code dev.lamina}. */
  private static List<String> packages(String module) throws IOException {
    Path base = ROOT.resolve(module).resolve("src/main/java/dev/lamina");
    TreeSet<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(base)) {
      files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java"))
          .forEach(f -> out.add(base.relativize(f.getParent()).toString().replace('/', '.')));
    }
    return new ArrayList<>(out);
  }

  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
