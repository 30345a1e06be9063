package dev.lamina.cli;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The everyday command line {@code builder.jar model.yaml [--quiet] [--out DIR] ...} read without
 * building picocli's model: on a cold JVM that costs about 0.3 s of CPU (picocli's classes and its
 * reflection over the command), a large part of a run that trains for under a second.
 *
 * <p>The options are not listed here: they are read from {@link TrainCommand}'s own picocli
 * annotations ({@code @Option} fields and setters, {@code @Mixin}s, the {@code @Parameters}
 * spec), so a new option needs no change here. Only arguments whose meaning is beyond doubt are
 * taken: the spec first, then options each at most once as {@code --name value} (or a bare flag),
 * each value neither empty nor starting with {@code -} or {@code @}, numbers as plain digits
 * without leading zeros and within range, and values a setter accepts. For anything else - help,
 * version, {@code --name=value}, an unknown or repeated option, an {@code @file}, a sign, a value
 * a setter refuses - {@link #parse} returns null and picocli reads the line, with its own messages.
 */
final class QuickTrain {
  /** Digits picocli's {@code Integer.valueOf} reads as the same number, without a sign or radix. */
  private static final Pattern INT = Pattern.compile("0|[1-9][0-9]{0,8}");
  private static final Pattern LONG = Pattern.compile("0|[1-9][0-9]{0,17}");

  /** Where an option's value goes: a field or a one-argument setter of {@code owner}. */
  private record Target(Object owner, AccessibleObject member, Class<?> type) {}

  private QuickTrain() {}

  /** The train command for {@code args} (the spec first), or null when picocli must parse them. */
  static TrainCommand parse(String[] args) {
    if (args.length == 0 || plainValue(args[0]) == null) {
      return null;
    }
    try {
      TrainCommand c = new TrainCommand();
      Map<String, Target> options = new HashMap<>();
      Target spec = collect(c, options);
      if (spec == null || !set(spec, args[0])) {
        return null;
      }
      Set<String> seen = new HashSet<>();
      for (int i = 1; i < args.length; i++) {
        Target t = options.get(args[i]);
        if (t == null || !seen.add(args[i])) {
          return null;
        }
        if (t.type() == boolean.class) {
          assign(t, true);
          continue;
        }
        String value = i + 1 < args.length ? plainValue(args[i + 1]) : null;
        if (value == null || !set(t, value)) {
          return null;
        }
        i++;
      }
      return c;
    } catch (ReflectiveOperationException | RuntimeException e) { // InvalidPathException included
      return null; // picocli reads the line and names what is wrong
    }
  }

  /** Registers the options of {@code owner} and its mixins; returns its positional spec parameter, if any. */
  private static Target collect(Object owner, Map<String, Target> options) throws ReflectiveOperationException {
    Target positional = null;
    for (Field f : owner.getClass().getDeclaredFields()) {
      if (f.isAnnotationPresent(Mixin.class)) {
        Object mixin = f.getType().getDeclaredConstructor().newInstance();
        f.setAccessible(true);
        f.set(owner, mixin);
        collect(mixin, options);
      } else if (f.isAnnotationPresent(Option.class)) {
        register(f.getAnnotation(Option.class), new Target(owner, f, f.getType()), options);
      } else if (f.isAnnotationPresent(Parameters.class)) {
        positional = new Target(owner, f, f.getType());
      }
    }
    for (Method m : owner.getClass().getDeclaredMethods()) {
      if (m.isAnnotationPresent(Option.class) && m.getParameterCount() == 1) {
        register(m.getAnnotation(Option.class), new Target(owner, m, m.getParameterTypes()[0]), options);
      }
    }
    return positional;
  }

  private static void register(Option option, Target target, Map<String, Target> options) {
    for (String name : option.names()) {
      options.put(name, target);
    }
  }

  /** Converts {@code value} to the target's type and assigns it; false if it is not plain. */
  private static boolean set(Target t, String value) throws ReflectiveOperationException {
    Class<?> type = t.type();
    Object converted;
    if (type == Path.class) {
      converted = Path.of(value);
    } else if (type == Integer.class || type == int.class) {
      if (!INT.matcher(value).matches()) {
        return false;
      }
      converted = Integer.valueOf(value);
    } else if (type == Long.class || type == long.class) {
      if (!LONG.matcher(value).matches()) {
        return false;
      }
      converted = Long.valueOf(value);
    } else if (type == String.class) {
      converted = value;
    } else {
      return false;
    }
    assign(t, converted);
    return true;
  }

  private static void assign(Target t, Object value) throws ReflectiveOperationException {
    t.member().setAccessible(true);
    if (t.member() instanceof Field f) {
      f.set(t.owner(), value);
      return;
    }
    try {
      ((Method) t.member()).invoke(t.owner(), value);
    } catch (InvocationTargetException e) {
      // The setter refused the value (a range check): picocli reports it with the flag's name.
      throw new IllegalArgumentException(e.getCause());
    }
  }

  /** {@code arg} if it can only be a value, else null. */
  private static String plainValue(String arg) {
    return arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@") ? null : arg;
  }
}
