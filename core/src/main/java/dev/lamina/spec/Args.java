package dev.lamina.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, checked access to a component's arguments. Each getter names the argument and its
 * default (written once, in the component's factory); {@link #finish()} then rejects any argument
 * that no getter asked for, with a "did you mean".
 *
 * <p>Every getter also records the argument it reads ({@link #declared()}): its key, type, default
 * and allowed values. Running a factory on {@link #describing(String) describing} arguments (none
 * given) therefore lists the component's arguments with their defaults for the generated YAML
 * reference, without writing any of them a second time.
 */
public final class Args {
  /**
   * One argument a component reads.
   *
   * @param key the argument's Keras name
   * @param type {@code number}, {@code integer}, {@code boolean}, {@code string}, {@code component}
   *     or {@code value} (read raw: a number, a list or a nested component)
   * @param defaultValue the default, or null when absent means "none"; {@code NaN} for a number
   *     the component cannot do without
   * @param allowed the allowed values or range, or null when any value of the type is allowed
   */
  public record Declared(String key, String type, Object defaultValue, String allowed) {
    /** Whether the component refuses to build without this argument. */
    public boolean required() {
      return defaultValue instanceof Double d && d.isNaN();
    }
  }

  private final String path;
  private final String owner;
  private final Map<String, Object> raw;
  private final Set<String> known = new LinkedHashSet<>();
  private final Map<String, Declared> declared = new LinkedHashMap<>();
  private final boolean describing;

  /**
   * @param path where the arguments sit in the spec, for error messages
   * @param owner the component's canonical name, for error messages
   * @param raw the arguments
   */
  public Args(String path, String owner, Map<String, Object> raw) {
    this(path, owner, raw, false);
  }

  private Args(String path, String owner, Map<String, Object> raw, boolean describing) {
    this.path = path == null ? "" : path;
    this.owner = owner;
    this.raw = raw == null ? Map.of() : raw;
    this.describing = describing;
  }

  /**
   * No arguments, read only to learn which arguments {@code owner}'s factory declares: a
   * required argument then reads as {@code NaN} instead of failing (see {@link #describing()}).
   */
  public static Args describing(String owner) {
    return new Args("", owner, Map.of(), true);
  }

  /** Whether these arguments only describe the component (see {@link #describing(String)}). */
  public boolean describing() {
    return describing;
  }

  /** The arguments read so far, in the order the factory read them. */
  public List<Declared> declared() {
    return List.copyOf(declared.values());
  }

  private void declare(String key, String type, Object defaultValue, String allowed) {
    declared.put(key, new Declared(key, type, defaultValue, allowed));
  }

  /** The spec path of argument {@code key}. */
  public String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The spec path of these arguments. */
  public String path() {
    return path;
  }

  /** Whether the user gave {@code key}. */
  public boolean has(String key) {
    known.add(key);
    declared.putIfAbsent(key, new Declared(key, "value", null, null));
    return raw.containsKey(key) && raw.get(key) != null;
  }

  /** The raw value of {@code key}, or null. */
  public Object raw(String key) {
    known.add(key);
    declared.putIfAbsent(key, new Declared(key, "value", null, null));
    return raw.get(key);
  }

  /**
   * The raw value of {@code key}, or null, for an argument the factory parses itself;
   * {@code type} ("number or schedule", "list of numbers") is what the reference shows for it.
   */
  public Object raw(String key, String type) {
    Object v = raw(key);
    Declared d = declared.get(key);
    declare(key, type, d.defaultValue(), d.allowed());
    return v;
  }

  /** A number argument. */
  public double getDouble(String key, double defaultValue) {
    Object v = raw(key);
    declare(key, "number", defaultValue, null);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d)) {
        throw new SpecException(pathOf(key), owner + " argument '" + key + "' must be a number, got NaN");
      }
      return d;
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
    }
    throw new SpecException(pathOf(key),
        owner + " argument '" + key + "' must be a number, got '" + v + "'");
  }

  /** A number argument that must lie in [lo, hi]. */
  public double getDouble(String key, double defaultValue, double lo, double hi) {
    double d = getDouble(key, defaultValue);
    declare(key, "number", defaultValue, hi == Double.MAX_VALUE ? ">= " + lo : "[" + lo + ", " + hi + "]");
    if (d < lo || d > hi) {
      throw new SpecException(pathOf(key), owner + " argument '" + key + "' must be in [" + lo + ", "
          + hi + "], got " + d);
    }
    return d;
  }

  /** A number argument that must be strictly positive. */
  public double getPositive(String key, double defaultValue) {
    double d = getDouble(key, defaultValue);
    declare(key, "number", defaultValue, "> 0");
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new SpecException(pathOf(key), owner + " argument '" + key + "' must be a positive number, got " + d);
    }
    return d;
  }

  /** A number argument or null when absent. */
  public Double getOptionalDouble(String key) {
    return getOptionalDouble(key, null);
  }

  /** A number argument or {@code defaultValue} (which may be null) when absent. */
  public Double getOptionalDouble(String key, Double defaultValue) {
    Double d = has(key) ? Double.valueOf(getDouble(key, 0)) : defaultValue;
    declare(key, "number", defaultValue, null);
    return d;
  }

  /** An integer argument. */
  public int getInt(String key, int defaultValue) {
    Object v = raw(key);
    declare(key, "integer", defaultValue, null);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      long l = ((Number) v).longValue();
      if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
        throw new SpecException(pathOf(key), owner + " argument '" + key + "' is too large: " + l);
      }
      return (int) l;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
      return (int) n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
    }
    throw new SpecException(pathOf(key),
        owner + " argument '" + key + "' must be a whole number, got '" + v + "'");
  }

  /** An integer argument, or null when absent. */
  public Integer getOptionalInt(String key) {
    Integer v = has(key) ? Integer.valueOf(getInt(key, 0)) : null;
    declare(key, "integer", null, null);
    return v;
  }

  /** A 64-bit integer argument, or null when absent (used for seeds). */
  public Long getOptionalLong(String key) {
    Object v = raw(key);
    declare(key, "integer", null, null);
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return ((Number) v).longValue();
    }
    throw new SpecException(pathOf(key),
        owner + " argument '" + key + "' must be a whole number, got '" + v + "'");
  }

  /** A boolean argument. */
  public boolean getBoolean(String key, boolean defaultValue) {
    Object v = raw(key);
    declare(key, "boolean", defaultValue, null);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new SpecException(pathOf(key), owner + " argument '" + key + "' must be true or false, got '" + v + "'");
  }

  /** A string argument. */
  public String getString(String key, String defaultValue) {
    Object v = raw(key);
    declare(key, "string", defaultValue, null);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    throw new SpecException(pathOf(key), owner + " argument '" + key + "' must be a string, got '" + v + "'");
  }

  /** A string argument restricted to {@code allowed} (compared exactly). */
  public String getChoice(String key, String defaultValue, List<String> allowed) {
    String s = getString(key, defaultValue);
    declare(key, "string", defaultValue, String.join(", ", allowed));
    if (s != null && !allowed.contains(s)) {
      throw new SpecException(pathOf(key), owner + " argument '" + key + "' must be one of "
          + allowed + ", got '" + s + "'." + Names.didYouMean(s, allowed));
    }
    return s;
  }

  /**
   * A nested component ({@code {name: {args}}}, a bare name, or a {@link ComponentSpec}), or
   * null when absent.
   */
  public ComponentSpec getComponent(String key) {
    Object v = raw(key);
    declare(key, "component", null, null);
    if (v == null) {
      return null;
    }
    if (v instanceof ComponentSpec c) {
      return c;
    }
    if (v instanceof String s) {
      return ComponentSpec.of(s);
    }
    throw new SpecException(pathOf(key), owner + " argument '" + key + "' must name a component, got '" + v + "'");
  }

  /**
   * A nested component, or {@code defaultValue} when absent; the default is recorded, so a writer
   * can leave out a component that equals it.
   */
  public ComponentSpec getComponent(String key, ComponentSpec defaultValue) {
    ComponentSpec c = getComponent(key);
    declare(key, "component", defaultValue, null);
    return c == null ? defaultValue : c;
  }

  /**
   * A whole number the component cannot do without; when absent the error, at these arguments'
   * path, reads "{owner} needs {key}, {hint}". While {@link #describing()} it reads as 1 and is
   * declared required.
   */
  public int getRequiredInt(String key, String hint) {
    boolean given = has(key);
    if (!given && describing) {
      declare(key, "integer", Double.NaN, null);
      return 1;
    }
    if (!given) {
      throw new SpecException(path, owner + " needs " + key + ", " + hint);
    }
    int v = getInt(key, 0);
    declare(key, "integer", Double.NaN, null);
    return v;
  }

  /** As {@link #getRequiredInt}, for a number. */
  public double getRequiredDouble(String key, String hint) {
    boolean given = has(key);
    if (!given && describing) {
      declare(key, "number", Double.NaN, null);
      return 0;
    }
    if (!given) {
      throw new SpecException(path, owner + " needs " + key + ", " + hint);
    }
    double v = getDouble(key, 0);
    declare(key, "number", Double.NaN, null);
    return v;
  }

  /** Rejects arguments that no getter asked for. */
  public void finish() {
    List<String> unknown = new ArrayList<>();
    for (String k : raw.keySet()) {
      if (!known.contains(k)) {
        unknown.add(k);
      }
    }
    if (!unknown.isEmpty()) {
      String k = unknown.get(0);
      String allowed = known.isEmpty() ? "it takes no arguments" : "known arguments: " + String.join(", ", known);
      throw new SpecException(pathOf(k), "unknown argument '" + k + "' for " + owner + " ("
          + allowed + ")." + Names.didYouMean(k, known));
    }
  }
}
