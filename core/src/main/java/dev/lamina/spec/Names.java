package dev.lamina.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Name normalization (Keras's snake_case rule) and "did you mean" suggestions. */
public final class Names {
  private Names() {}

  /**
   * The canonical form of a name: Keras's {@code to_snake_case} (an underscore before each
   * capitalised word, then lower case), so {@code HeUniform}, {@code heUniform} and
   * {@code he_uniform} all become {@code he_uniform}. Dashes and spaces become underscores.
   */
  public static String canonical(String name) {
    String s = name.trim().replace('-', '_').replace(' ', '_');
    StringBuilder out = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = s.charAt(i - 1);
        boolean nextLower = i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
        if (prev != '_' && (Character.isLowerCase(prev) || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower))) {
          out.append('_');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Edit distance between two strings, counting a swap of two adjacent letters as one edit
   * (optimal string alignment), since {@code rleu} for {@code relu} is the typo people make.
   */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** Up to three candidates close to {@code name}, closest first. */
  public static List<String> closest(String name, Collection<String> candidates) {
    String key = canonical(name);
    int limit = Math.max(2, key.length() / 3);
    List<String> hits = new ArrayList<>();
    for (String c : candidates) {
      String cc = canonical(c);
      if (distance(key, cc) <= limit || (key.length() >= 3 && (cc.contains(key) || key.contains(cc)))) {
        hits.add(c);
      }
    }
    hits.sort(Comparator.comparingInt((String c) -> distance(key, canonical(c))).thenComparing(c -> c));
    return hits.size() > 3 ? hits.subList(0, 3) : hits;
  }

  /** {@code " Did you mean a, b?"} or the empty string. */
  public static String didYouMean(String name, Collection<String> candidates) {
    List<String> hits = closest(name, candidates);
    return hits.isEmpty() ? "" : " Did you mean " + String.join(", ", hits) + "?";
  }
}
