package dev.lamina.yaml;

import dev.lamina.io.BoundedRead;
import dev.lamina.spec.SpecException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.inspector.UnTrustedTagInspector;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a {@code model.yaml} written with Keras's argument names into a {@link ParsedSpec}:
 * <pre>{@code
 * name: churn-he-uniform
 * seed: 42
 * data: {csv: churn.csv, target: Exited, drop: [RowNumber], one_hot: [Geography, Gender]}
 * layers:
 *   - dense: {units: 6, activation: relu, kernel_initializer: he_uniform, input_dim: 11}
 *   - dense: {units: 1, activation: sigmoid}
 * compile: {optimizer: adam, loss: binary_crossentropy, metrics: [accuracy]}
 * fit: {epochs: 100, batch_size: 10, validation_split: 0.33}
 * }</pre>
 *
 * <p>Safe by construction: SnakeYAML 2.x is used only to compose nodes, never to construct Java
 * objects, and any tag other than YAML's plain types is refused. Limits, each reported as one
 * message: {@value #MAX_CODE_POINTS} characters, {@value #MAX_ALIASES} aliases of maps or lists
 * ("billion laughs"), {@value #MAX_NESTING} levels of nesting, {@value #MAX_KEYS} keys and list
 * items. Duplicate keys are refused.
 *
 * <p>Every error is a {@link SpecLocationException}: {@code model.yaml:8:22: layers[0].dense.units:
 * expected a whole number, got 'six'}. Keys may be snake_case (Keras) or camelCase; unknown keys
 * get a "did you mean". Component names are not checked here: the registries check them, and
 * {@link ParsedSpec#locate} places their errors.
 */
public final class SpecReader {
  /** Largest file read, in characters (3 MB of ASCII); a spec is a few KB. */
  public static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
  /** Most aliases ({@code *name}) of maps or lists; stops exponential "billion laughs" files. */
  public static final int MAX_ALIASES = 50;
  /** Deepest nesting of maps and lists, counted after aliases are expanded. */
  public static final int MAX_NESTING = 50;
  /** Most map entries and list items read, each use of an alias counted again. */
  public static final int MAX_KEYS = 10_000;
  /** UTF-8 uses at most four bytes a character: larger files cannot be under the limit. */
  private static final long MAX_BYTES = 4L * MAX_CODE_POINTS;
  private static final String GLOBAL_TAG = "Global tag is not allowed: ";

  private SpecReader() {}

  /** Reads {@code file} (UTF-8); messages name it as given. */
  public static ParsedSpec read(Path file) {
    String name = file.toString();
    String text;
    try {
      if (Files.isDirectory(file)) {
        throw new SpecLocationException(name, SourceMark.UNKNOWN, "", "this is a folder; give the path of a model.yaml");
      }
      byte[] bytes = BoundedRead.readAtMost(file, MAX_BYTES);
      if (bytes == null) {
        throw tooLarge(name);
      }
      // A strict decoder: a Latin-1 file should fail here, not read as replacement characters.
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new SpecLocationException(name, SourceMark.UNKNOWN, "", "no such file; give the path of a model.yaml");
    } catch (CharacterCodingException e) {
      throw new SpecLocationException(name, SourceMark.UNKNOWN, "", "the file is not UTF-8 text");
    } catch (IOException e) {
      throw new SpecLocationException(name, SourceMark.UNKNOWN, "", "cannot read the file: " + e.getMessage(), e);
    }
    return read(text, name, file);
  }

  /** Reads {@code text}; messages name it {@code sourceName}. */
  public static ParsedSpec read(String text, String sourceName) {
    return read(text, sourceName, null);
  }

  private static ParsedSpec read(String text, String sourceName, Path file) {
    if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
      throw tooLarge(sourceName);
    }
    SourceMap marks = new SourceMap(sourceName);
    LoaderOptions options = options();
    Node root = compose(text, sourceName, options);
    if (NodeReader.isNull(root)) {
      throw new SpecLocationException(sourceName, SourceMark.START, "", "the file is empty; a spec needs at least"
          + " layers, e.g. layers: [{dense: {units: 1, activation: sigmoid}}]");
    }
    if (!(root instanceof org.yaml.snakeyaml.nodes.MappingNode) && RunReader.looksLikeCsv(text)) {
      String first = text.lines().findFirst().orElse("");
      throw new SpecLocationException(sourceName, SourceMark.START, "", "this looks like a CSV file (its first line is '"
          + NodeReader.shown(first) + "'), not a spec; give the model.yaml whose data: {csv: ...} names it, or pass it "
          + "with --data");
    }
    NodeReader reader = new NodeReader(marks, options);
    new NodeGuard(reader).check(root);
    return new RunReader(reader).read(root, file);
  }

  /** The loader settings: the limits above, no duplicate keys, untrusted tags refused. */
  static LoaderOptions options() {
    LoaderOptions o = new LoaderOptions();
    o.setAllowDuplicateKeys(false);
    o.setMaxAliasesForCollections(MAX_ALIASES);
    o.setNestingDepthLimit(MAX_NESTING);
    o.setCodePointLimit(MAX_CODE_POINTS);
    o.setAllowRecursiveKeys(false);
    o.setMergeOnCompose(false);
    o.setTagInspector(new UnTrustedTagInspector());
    return o;
  }

  private static Node compose(String text, String sourceName, LoaderOptions options) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try {
      Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(body)), options),
          new Resolver(), options);
      return composer.getSingleNode();
    } catch (MarkedYAMLException e) {
      throw syntaxError(e, sourceName);
    } catch (YAMLException e) {
      throw limitError(e, sourceName);
    } catch (SpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // SnakeYAML's Tag constructor refuses a malformed tag (such as "!!!%c") this way, unmarked.
      throw new SpecLocationException(sourceName, SourceMark.UNKNOWN, "", "YAML syntax error: a malformed tag ("
          + oneLine(e.getMessage()) + "); a spec uses no tags (words starting with '!'): remove it", e);
    }
  }

  /** SnakeYAML's problem and context on one line, at the problem's mark. */
  private static SpecLocationException syntaxError(MarkedYAMLException e, String sourceName) {
    String problem = oneLine(e.getProblem());
    SourceMark at = SourceMark.of(e.getProblemMark());
    if (problem.startsWith(GLOBAL_TAG)) {
      return new SpecLocationException(sourceName, at, "", NodeGuard.tagNotAllowed(problem.substring(GLOBAL_TAG.length())), e);
    }
    StringBuilder detail = new StringBuilder("YAML syntax error: ").append(problem);
    if (e.getContext() != null) {
      detail.append(" (").append(oneLine(e.getContext()));
      SourceMark context = SourceMark.of(e.getContextMark());
      if (context.isKnown() && !context.equals(at)) {
        detail.append(" started at line ").append(context.line()).append(", column ").append(context.column());
      }
      detail.append(')');
    }
    return new SpecLocationException(sourceName, at, "", detail.toString(), e);
  }

  /** SnakeYAML's limits raise unmarked exceptions; say which limit in the reader's words. */
  private static SpecLocationException limitError(YAMLException e, String sourceName) {
    String m = String.valueOf(e.getMessage());
    String detail;
    if (m.startsWith("Number of aliases")) {
      detail = "the file uses more than " + MAX_ALIASES + " aliases (*name) of maps or lists; a spec needs only a"
          + " few (this limit stops 'billion laughs' alias bombs)";
    } else if (m.startsWith("Nesting Depth")) {
      detail = nestingMessage();
    } else if (m.contains("code points")) {
      return tooLarge(sourceName);
    } else {
      detail = "cannot read the YAML: " + oneLine(m);
    }
    return new SpecLocationException(sourceName, SourceMark.UNKNOWN, "", detail, e);
  }

  /** The message for nesting beyond {@link #MAX_NESTING}. */
  static String nestingMessage() {
    return "maps and lists are nested deeper than " + MAX_NESTING + " levels; a spec needs about 6";
  }

  private static SpecLocationException tooLarge(String sourceName) {
    return new SpecLocationException(sourceName, SourceMark.UNKNOWN, "", "the file is larger than "
        + MAX_CODE_POINTS + " characters (3 MB); a spec is a few KB - is this the right file?");
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
