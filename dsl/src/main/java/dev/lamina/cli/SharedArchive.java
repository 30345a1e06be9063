package dev.lamina.cli;

import dev.lamina.run.TrainingWarmUp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs a training of a narrow spec in a second JVM that maps {@code builder.jar}'s class-data
 * archive ({@code builder.jsa}, next to the jar, written when the jar is built), so the run's
 * classes come pre-parsed and pre-verified instead of being read, parsed and verified one by one.
 *
 * <p>Why: a run of the article's churn model is one short JVM, and loading its 2,800 classes (the
 * YAML and JSON readers, the engine, XChart, Java2D, the lambdas the run spins) is a large part of
 * its processor time. A jar cannot ask for an archive ({@code -XX:SharedArchiveFile} works on the
 * command line only), so the first JVM starts the second with it, and does nothing else: it decides
 * before loading the YAML reader, from the spec's text ({@link #surelyNarrow}). docs/BENCHMARKS.md,
 * "Tenth session", has the measurements.
 *
 * <p>When: a training command line ({@code spec.yaml ...} or {@code train spec.yaml ...}) whose spec
 * is surely narrow (every Dense layer under 16 units: a wide one goes to {@link VectorRelaunch},
 * which adds the Vector API), run from a jar with an archive newer than the jar. Never in the
 * second JVM itself (environment variable {@value VectorRelaunch#MARKER}), nor with
 * {@code -Dlamina.relaunch=false}. The second JVM gets this one's command line (its options after
 * the archive's, so a user's own {@code -XX} options win), standard input, output and error; this
 * JVM waits and exits with its code. An archive that does not match the JVM or the jar (another JDK
 * build, a rebuilt jar) is ignored by the second JVM without a word ({@code -Xshare:auto} and the
 * CDS log turned off): the run is then as without it, a JVM start slower.
 *
 * <p>What it can change: nothing but speed. An archive holds classes, not state; the results of a
 * seeded run are bit for bit those of one JVM ({@code SharedArchiveTest}).
 */
final class SharedArchive {
  /** The archive's file name next to {@code builder.jar}: the jar's name with {@code .jsa} for {@code .jar}. */
  static final String EXTENSION = ".jsa";
  /** A Dense layer of this many units or more is wide ({@code Simd.MIN_UNITS}, not loaded here). */
  static final int WIDE_UNITS = 16;
  /**
   * The most work ({@link #surelyShort}: data bytes x epochs x Dense layers) for which the second
   * JVM compiles with C1 but for a few kernels ({@link KernelCompilation}): about four times the
   * churn example's.
   */
  static final double SHORT_WORK = 8e8;
  /**
   * C1 alone ({@code -XX:TieredStopAtLevel=1}): no optimizing compiler. For a short narrow
   * training the optimizing compiler's work (about 0.5 s of a core for the engine, more for the
   * start-up code it compiles first) costs more than its faster code saves; C2 for a few kernels
   * alone ({@link KernelCompilation}) pays, and this is what the second JVM gets when the
   * directives file for that cannot be written.
   */
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  private SharedArchive() {}

  /**
   * Runs {@code args} in a second JVM with the archive when that applies, and returns its exit code;
   * -1 when this JVM should go on.
   */
  static int runIfArchived(String[] args) {
    if (!VectorRelaunch.allowed()) {
      return -1;
    }
    Path spec = trainedSpec(args);
    Path jar = spec == null ? null : ownJar();
    Path archive = jar == null ? null : usableArchive(jar);
    String text = archive == null ? null : text(spec);
    if (text == null || !surelyNarrow(text)) {
      return -1;
    }
    ProcessHandle.Info info = ProcessHandle.current().info();
    if (info.command().isEmpty() || info.arguments().isEmpty()) {
      return -1;
    }
    List<String> options = new ArrayList<>(archiveOptions(archive));
    Path directives = null;
    try {
      if (surelyShort(spec, text, args)) {
        directives = kernelDirectives();
        options.addAll(directives != null ? KernelCompilation.options(directives) : List.of(C1_ONLY));
        options.add("-D" + TrainingWarmUp.SHORT_NARROW_PROPERTY + "=true");
      }
      Optional<List<String>> command = VectorRelaunch.withOptions(info.command().get(), options,
          info.arguments().get(), args);
      return command.isEmpty() ? -1 : VectorRelaunch.run(command.get(), false);
    } catch (IOException e) {
      return -1; // could not start the second JVM: train here
    } finally {
      delete(directives);
    }
  }

  /** {@link KernelCompilation}'s directives in a new temporary file, or null when it cannot be written. */
  private static Path kernelDirectives() {
    try {
      return KernelCompilation.writeDirectives();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Deletes the directives file (the second JVM read it when it started), if any. */
  private static void delete(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      // A file left in the temporary folder: harmless.
    }
  }

  /**
   * The spec of a training command line ({@code spec.yaml ...} or {@code train spec.yaml ...}) when
   * it is a file, else null; read without picocli: an option or a command name first is not a spec.
   */
  static Path trainedSpec(String[] args) {
    int i = args.length > 0 && "train".equals(args[0]) ? 1 : 0;
    if (args.length <= i || args[i].isEmpty() || args[i].startsWith("-") || args[i].startsWith("@")
        || (i == 0 && Main.isCommand(args[0]))) {
      return null;
    }
    try {
      Path spec = Path.of(args[i]);
      return Files.isRegularFile(spec) ? spec : null;
    } catch (RuntimeException e) { // InvalidPathException
      return null;
    }
  }

  /** The jar this class was loaded from, or null (a class path of folders, as in tests). */
  static Path ownJar() {
    try {
      CodeSource source = SharedArchive.class.getProtectionDomain().getCodeSource();
      Path p = source == null ? null : Path.of(source.getLocation().toURI());
      return p != null && p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p) ? p : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /**
   * {@code builder.jsa} next to {@code jar} when it is there and was written after the jar (an
   * archive older than its jar cannot match it), else null.
   */
  static Path usableArchive(Path jar) {
    String name = jar.getFileName().toString();
    Path archive = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + EXTENSION);
    try {
      return Files.isRegularFile(archive)
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0 ? archive : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The options that map {@code archive}: {@code -Xshare:auto} (a mismatch turns sharing off
   * instead of stopping the JVM) and the CDS log off (a mismatch would otherwise print a warning
   * on standard output).
   */
  static List<String> archiveOptions(Path archive) {
    return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  /** The text of a spec file, or null when it cannot be read. */
  static String text(Path spec) {
    try {
      return new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      return null;
    }
  }

  /** {@link #surelyNarrow(String)} of the file's text; false when it cannot be read. */
  static boolean surelyNarrow(Path spec) {
    String text = text(spec);
    return text != null && surelyNarrow(text);
  }

  /**
   * Whether the training of a {@link #surelyNarrow} spec is surely short: its data file's bytes
   * times its epochs times its Dense layers at most {@value #SHORT_WORK} (the churn example's
   * 684 KB, 100 epochs and 3 layers are 2.1e8), read from the text as {@link #surelyNarrow} reads
   * it ({@code csv:} relative to the spec, {@code epochs:} or the default 1) or from {@code --data}
   * and {@code --epochs}. Not sure (false): no data file, a second {@code csv} or {@code epochs}
   * key, cross-validation (one training per fold), text beyond ASCII, a value in quotes.
   */
  static boolean surelyShort(Path spec, String yaml, String[] args) {
    String text = code(yaml);
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        return false; // lower case keeps every index of ASCII text, where the values are read back
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("cross_validation") || lower.contains("crossvalidation")) {
      return false;
    }
    try {
      String csv = option(args, "--data");
      if (csv == null) {
        String value = keyCount(lower, "csv") == 1 ? plainValue(text, keyAt(lower, "csv"), "csv") : null;
        csv = value == null ? null : spec.toAbsolutePath().getParent().resolve(value).toString();
      }
      String given = option(args, "--epochs");
      int declared = keyCount(lower, "epochs");
      long epochs = given != null ? Long.parseLong(given)
          : declared == 0 ? 1 : declared == 1 ? integerValue(lower, keyAt(lower, "epochs"), "epochs") : -1;
      if (csv == null || epochs < 1 || !Files.isRegularFile(Path.of(csv))) {
        return false;
      }
      return (double) Files.size(Path.of(csv)) * epochs * keyCount(lower, "units") <= SHORT_WORK;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The value after {@code name} in {@code args} ({@code --name value}), or null. */
  private static String option(String[] args, String name) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return null;
  }

  /**
   * Whether a spec's text surely has no Dense layer of {@value #WIDE_UNITS}+ units, read without
   * a YAML parser (which the first JVM does not load): true only when the text names {@code units}
   * at least once, every {@code units} (in any case, as the reader matches keys) is a key with a
   * plain decimal integer under {@value #WIDE_UNITS} ({@code units: 6}, {@code "units": 6}), and nothing could hide another
   * value: no anchor, alias, merge key, tag, complex key, escape or directive ({@code & * << ! ? \ %})
   * outside comments, and no quote before a comment on its line. Anything else is "not sure", and
   * {@link VectorRelaunch} reads the spec with the YAML parser as before. A wrong "true" would only
   * train a wide spec without the Vector API, slower, with the same results.
   */
  static boolean surelyNarrow(String yaml) {
    String code = code(yaml);
    if (code == null) {
      return false;
    }
    // Keys are matched in any case (the reader canonicalizes them: Units, UNITS are units).
    String text = code.toLowerCase(Locale.ROOT);
    int found = 0;
    for (int at = text.indexOf("units"); at >= 0; at = text.indexOf("units", at + 1)) {
      int value = integerValue(text, at, "units");
      if (value < 0 || value >= WIDE_UNITS) {
        return false;
      }
      found++;
    }
    return found > 0;
  }

  /**
   * The spec's text without its comments, or null when something could hide a value from a
   * reading by text: an anchor, alias, merge key, tag, complex key, escape or directive
   * ({@code & * << ! ? \ %}) outside comments, or a quote before a comment on its line.
   */
  private static String code(String yaml) {
    StringBuilder code = new StringBuilder(yaml.length());
    for (String line : yaml.split("\n", -1)) {
      int hash = commentStart(line);
      if (hash >= 0 && (line.lastIndexOf('"', hash) >= 0 || line.lastIndexOf('\'', hash) >= 0)) {
        return null; // the '#' may be inside a quoted string, and the rest of the line not a comment
      }
      code.append(hash < 0 ? line : line.substring(0, hash)).append('\n');
    }
    for (char c : new char[] {'&', '*', '<', '!', '?', '\\', '%'}) {
      if (code.indexOf(String.valueOf(c)) >= 0) {
        return null;
      }
    }
    return code.toString();
  }

  /** How many times {@code key} is written as a key ({@link #colonAfter}) in {@code text}. */
  private static int keyCount(String text, String key) {
    int n = 0;
    for (int at = keyAt(text, key, 0); at >= 0; at = keyAt(text, key, at + 1)) {
      n++;
    }
    return n;
  }

  /** Where {@code key} is first written as a key in {@code text}, or -1. */
  private static int keyAt(String text, String key) {
    return keyAt(text, key, 0);
  }

  private static int keyAt(String text, String key, int from) {
    for (int at = text.indexOf(key, from); at >= 0; at = text.indexOf(key, at + 1)) {
      if (colonAfter(text, at, key) >= 0) {
        return at;
      }
    }
    return -1;
  }

  private static boolean partOfName(String text, int i) {
    return i >= 0 && i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_');
  }

  /**
   * The plain value of the key {@code key} at {@code at} in {@code text} (as {@link #integerValue}
   * finds the colon): the rest of the line up to a comma, brace or bracket in a flow map, trimmed;
   * null when it is empty or starts with a quote or a bracket.
   */
  private static String plainValue(String text, int at, String key) {
    int i = colonAfter(text, at, key);
    if (i < 0) {
      return null;
    }
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    int end = i;
    while (end < text.length() && ",}]\n\r".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    String value = text.substring(i, end).trim();
    return value.isEmpty() || "\"'[{".indexOf(value.charAt(0)) >= 0 ? null : value;
  }

  /** Where a YAML comment starts in {@code line} (a '#' at its start or after a blank), or -1. */
  private static int commentStart(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The value of the key {@code key} at {@code at}: a plain decimal integer (at most 9 digits)
   * after the {@link #colonAfter colon}, ending at a blank, comma, closing brace or bracket or the
   * end of the line; -1 for anything else (a longer word such as {@code units_per_layer}, another
   * value, no colon).
   */
  private static int integerValue(String text, int at, String key) {
    int i = colonAfter(text, at, key);
    if (i < 0) {
      return -1;
    }
    i = skipBlanks(text, i);
    int start = i;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 10) {
      i++;
    }
    if (i == start || i - start > 9) {
      return -1;
    }
    int end = i;
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t' || text.charAt(end) == '\r')) {
      end++;
    }
    if (end < text.length() && ",}]\n".indexOf(text.charAt(end)) < 0) {
      return -1;
    }
    return Integer.parseInt(text.substring(start, i));
  }

  /**
   * Where the value of the key {@code key} written at {@code at} starts: after an optional closing
   * quote, blanks and a colon on the same line; -1 when {@code at} is inside a longer name or no
   * colon follows.
   */
  private static int colonAfter(String text, int at, String key) {
    if (partOfName(text, at - 1)) {
      return -1;
    }
    int i = at + key.length();
    if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
      i++;
    }
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == ':' ? i + 1 : -1;
  }

  private static int skipBlanks(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r'
        || text.charAt(i) == '\n')) {
      i++;
    }
    return i;
  }
}
