package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The method patterns of compiler directives name methods of the engine: HotSpot accepts a pattern that matches nothing. */
final class DirectivePatterns {
  private DirectivePatterns() {}

  /**
   * Asserts that every match of {@code pattern} in {@code list} (groups: the package as a path, the
   * class, the method or {@code *}) names a declared method, and that every entry of the list matched.
   */
  static void assertNameMethods(Pattern pattern, String list) throws ClassNotFoundException {
    Matcher m = pattern.matcher(list);
    int found = 0;
    while (m.find()) {
      Class<?> c = Class.forName(m.group(1).replace('/', '.') + "." + m.group(2));
      String method = m.group(3);
      assertThat(Arrays.stream(c.getDeclaredMethods()).map(Method::getName))
          .as(m.group()).anyMatch(name -> method.equals("*") || name.equals(method));
      found++;
    }
    assertThat(found).isEqualTo(list.split(",").length);
  }
}
