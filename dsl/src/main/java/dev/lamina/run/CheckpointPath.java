package dev.lamina.run;

import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.SpecException;
import java.util.Arrays;

/**
 * A run writes only inside its run folder: the {@code filepath} of a {@code model_checkpoint}
 * callback is a path relative to it, without {@code ..} (the {@link Runner} resolves it there).
 * An absolute path or a ".." step would let a spec write anywhere, and replace files that Lamina
 * did not create. (The engine alone, used as a library, takes any path: this is the command
 * line's rule, checked with the other spec checks, by {@code validate} too.)
 */
public final class CheckpointPath {
  private CheckpointPath() {}

  /**
   * Checks every {@code model_checkpoint} of {@code spec}'s fit section.
   *
   * @throws SpecException at {@code fit.callbacks[i].filepath}
   */
  public static void check(RunSpec spec) {
    if (spec.fit() == null) {
      return;
    }
    for (int i = 0; i < spec.fit().callbacks().size(); i++) {
      ComponentSpec c = spec.fit().callbacks().get(i);
      Object value = c.args().get("filepath");
      if (!"model_checkpoint".equals(c.name()) || !(value instanceof String filepath)) {
        continue;
      }
      String p = filepath.replace('\\', '/');
      boolean absolute = p.startsWith("/") || p.length() > 1 && p.charAt(1) == ':';
      boolean up = Arrays.asList(p.split("/")).contains("..");
      if (absolute || up) {
        throw new SpecException("fit.callbacks[" + i + "].filepath", "model_checkpoint's filepath '" + filepath + "' "
            + (absolute ? "is absolute" : "steps out with ..") + "; it is a path inside the run folder, such as "
            + "checkpoints/epoch-{epoch:03d}.weights (pass --out DIR to put the whole run elsewhere)");
      }
    }
  }
}
