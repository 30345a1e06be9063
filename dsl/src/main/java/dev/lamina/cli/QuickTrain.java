package dev.lamina.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The everyday command line {@code builder.jar model.yaml [--quiet] [--out DIR] ...} read without
 * picocli. Building picocli's model of all the commands (reflection over every annotated class)
 * costs a cold JVM a few hundred milliseconds, a large part of a run that trains for under a second.
 *
 * <p>Only arguments whose meaning is beyond doubt are taken: the spec first, then the options of
 * {@link TrainCommand} each at most once in the form {@code --name value} (or a bare flag), each
 * value neither empty nor starting with {@code -} or {@code @}, and numbers as plain digits
 * without leading zeros and within range. For anything else - help, version, {@code --name=value},
 * an unknown or repeated option, an {@code @file}, a sign - {@link #parse} returns null and picocli
 * reads the line as before, with its own messages. The command itself runs the same code either way.
 */
final class QuickTrain {
  /** Digits picocli's {@code Integer.valueOf} reads as the same number, without a sign or radix. */
  private static final Pattern INT = Pattern.compile("0|[1-9][0-9]{0,8}");
  private static final Pattern LONG = Pattern.compile("0|[1-9][0-9]{0,17}");

  private QuickTrain() {}

  /**
   * The train command for {@code args} (the spec first), or null when picocli must parse them.
   */
  static TrainCommand parse(String[] args) {
    if (args.length == 0 || plainValue(args[0]) == null) {
      return null;
    }
    try {
      return parsePlain(args);
    } catch (InvalidPathException e) {
      return null; // picocli names the bad value in its message
    }
  }

  private static TrainCommand parsePlain(String[] args) {
    TrainCommand c = new TrainCommand();
    c.specFile = Path.of(args[0]);
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      if (!seen.add(name)) {
        return null;
      }
      if (name.equals("--quiet")) {
        c.quiet = true;
        continue;
      }
      if (name.equals("--debug")) {
        c.debug = true;
        continue;
      }
      String value = i + 1 < args.length ? plainValue(args[i + 1]) : null;
      if (value == null || !set(c, name, value)) {
        return null;
      }
      i++;
    }
    return c;
  }

  /** Sets option {@code name}; false if it is not one this class takes or the value is not plain. */
  private static boolean set(TrainCommand c, String name, String value) {
    switch (name) {
      case "--out" -> c.out = Path.of(value);
      case "--data" -> c.data = Path.of(value);
      case "--resume" -> c.resume = Path.of(value);
      case "--epochs", "--checkpoint-every" -> {
        if (!INT.matcher(value).matches()) {
          return false;
        }
        if (name.equals("--epochs")) {
          c.epochs = Integer.valueOf(value);
        } else {
          c.checkpointEvery = Integer.parseInt(value);
        }
      }
      case "--seed" -> {
        if (!LONG.matcher(value).matches()) {
          return false;
        }
        c.seed = Long.valueOf(value);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** {@code arg} if it can only be a value, else null. */
  private static String plainValue(String arg) {
    return arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@") ? null : arg;
  }
}
