package dev.lamina.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place a kind of component (initializer, activation, loss, ...) maps names to factories.
 *
 * <p>Names resolve as Keras resolves them and a little more leniently: the canonical snake_case
 * name, the Keras class name ({@code GlorotUniform}), tfjs camelCase ({@code glorotUniform}) and
 * registered aliases all work, since they share a {@link Names#canonical canonical} form. An
 * unknown name is a {@link SpecException} that lists the close matches.
 *
 * @param <T> what the factories make
 */
public final class Registry<T> {
  /** One registered component: its canonical name, aliases, Keras class name and factory. */
  public record Entry<T>(String name, String kerasClassName, List<String> aliases, Function<Args, T> factory) {}

  private final String kind;
  private final Map<String, Entry<T>> byCanonical = new LinkedHashMap<>();
  private final Map<String, Entry<T>> entries = new LinkedHashMap<>();

  /** A registry for components of {@code kind} ("initializer", "activation", ...). */
  public Registry(String kind) {
    this.kind = kind;
  }

  /**
   * Registers {@code name} (canonical snake_case) with the Keras class name and aliases.
   *
   * @return this registry
   */
  public Registry<T> register(String name, String kerasClassName, Function<Args, T> factory, String... aliases) {
    Entry<T> e = new Entry<>(name, kerasClassName, List.of(aliases), factory);
    entries.put(name, e);
    put(name, e);
    if (kerasClassName != null) {
      put(kerasClassName, e);
    }
    for (String a : aliases) {
      put(a, e);
    }
    return this;
  }

  private void put(String alias, Entry<T> e) {
    Entry<T> prev = byCanonical.putIfAbsent(Names.canonical(alias), e);
    if (prev != null && prev != e) {
      throw new IllegalStateException(kind + " name '" + alias + "' registered twice");
    }
  }

  /** What this registry holds ("initializer", ...). */
  public String kind() {
    return kind;
  }

  /** The entry for {@code name}, or a {@link SpecException} listing close names. */
  public Entry<T> entry(String name, String path) {
    Entry<T> e = name == null ? null : byCanonical.get(Names.canonical(name));
    if (e == null) {
      throw new SpecException(path, "unknown " + kind + " '" + name + "'." + suggestions(String.valueOf(name))
          + " Known: " + String.join(", ", entries.keySet()) + ".");
    }
    return e;
  }

  /** Whether {@code name} resolves. */
  public boolean contains(String name) {
    return name != null && byCanonical.containsKey(Names.canonical(name));
  }

  /** The canonical name {@code name} resolves to. */
  public String canonicalName(String name, String path) {
    return entry(name, path).name();
  }

  /** Builds the component, checking its arguments. */
  public T create(ComponentSpec spec, String path) {
    Entry<T> e = entry(spec.name(), path);
    Args args = new Args(path, e.name(), spec.args());
    T t = e.factory().apply(args);
    args.finish();
    return t;
  }

  /** Builds the component by name with default arguments. */
  public T create(String name) {
    return create(ComponentSpec.of(name), "");
  }

  /**
   * The arguments {@code name}'s factory reads, with their types and defaults: the factory runs on
   * {@link Args#describing describing} arguments and its getters record themselves, so the defaults
   * are the ones written in the factory. A factory that cannot build without an argument still
   * lists every argument it read before it gave up.
   */
  public List<Args.Declared> describe(String name) {
    Entry<T> e = entry(name, "");
    Args args = Args.describing(e.name());
    try {
      e.factory().apply(args);
    } catch (RuntimeException expected) {
      // A required argument reads as NaN when describing, and the constructor refuses it; the
      // arguments read up to there are what we came for.
    }
    return args.declared();
  }

  /** Canonical names in registration order. */
  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
  }

  /** All registered entries in registration order. */
  public List<Entry<T>> entries() {
    return List.copyOf(entries.values());
  }

  /** "Did you mean" over every spelling, reported once per component by its canonical name. */
  private String suggestions(String name) {
    java.util.LinkedHashSet<String> hits = new java.util.LinkedHashSet<>();
    for (String c : Names.closest(name, allNames())) {
      hits.add(byCanonical.get(Names.canonical(c)).name());
    }
    return hits.isEmpty() ? "" : " Did you mean " + String.join(", ", hits) + "?";
  }

  private List<String> allNames() {
    List<String> all = new ArrayList<>();
    for (Entry<T> e : entries.values()) {
      all.add(e.name());
      if (e.kerasClassName() != null) {
        all.add(e.kerasClassName());
      }
      all.addAll(e.aliases());
    }
    return all;
  }
}
