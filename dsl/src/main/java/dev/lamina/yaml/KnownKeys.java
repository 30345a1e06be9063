package dev.lamina.yaml;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys the spec reader accepts at a place, asked of the reader itself (it is fed an unknown key
 * there and its error lists the known ones), so a reference or a search space cannot drift from
 * what the reader reads.
 */
public final class KnownKeys {
  /** The unknown key the probes put where the accepted keys are wanted. */
  public static final String PROBE = "zz_probe";
  private static final Pattern KNOWN = Pattern.compile("\\(known (?:keys|arguments): ([^)]*)\\)");

  private KnownKeys() {}

  /**
   * The arguments the reader accepts for a layer of {@code type} ({@code dense}: units, activation,
   * ...).
   */
  public static List<String> layerArguments(String type) {
    return in("layers: [{" + type + ": {" + PROBE + ": 1}}]\n");
  }

  /**
   * The keys the reader accepts where {@link #PROBE} sits in {@code yaml}, read from its "unknown
   * key" error.
   *
   * @throws IllegalStateException when the reader accepts the probe or its error lists no keys
   */
  public static List<String> in(String yaml) {
    try {
      SpecReader.read(yaml, "probe.yaml");
    } catch (SpecLocationException e) {
      Matcher m = KNOWN.matcher(e.getMessage());
      if (m.find()) {
        return List.of(m.group(1).split(", "));
      }
      throw new IllegalStateException("the reader's error no longer lists the known keys: " + e.getMessage(), e);
    }
    throw new IllegalStateException("the reader accepted the probe key in:\n" + yaml);
  }
}
