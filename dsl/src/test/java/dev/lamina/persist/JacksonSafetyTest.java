package dev.lamina.persist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Jackson never deserializes into types named by the input: no mapper of the project enables
 * default typing, no class uses {@code @JsonTypeInfo}, and the model-file reader limits nesting
 * and string sizes with {@link StreamReadConstraints}.
 */
class JacksonSafetyTest {
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Path CLASSES = Path.of("target", "classes");

  @Test
  void noMapperOfTheProjectHasDefaultTyping() throws Exception {
    List<String> seen = new ArrayList<>();
    for (Field f : staticJacksonFields()) {
      f.setAccessible(true);
      Object v = f.get(null);
      var object = TypeFactory.defaultInstance().constructType(Object.class);
      if (v instanceof ObjectMapper m) {
        assertThat(m.getDeserializationConfig().getDefaultTyper(object)).as(f.toString()).isNull();
        assertThat(m.getSerializationConfig().getDefaultTyper(object)).as(f.toString()).isNull();
      } else if (v instanceof ObjectWriter w) {
        assertThat(w.getConfig().getDefaultTyper(object)).as(f.toString()).isNull();
      }
      seen.add(f.getDeclaringClass().getSimpleName() + "." + f.getName());
    }
    assertThat(seen).as("the mappers found").contains("ModelJson.MAPPER", "Fallback.WRITER", "KerasJson.MAPPER");
  }

  @Test
  void noSourceEnablesPolymorphicTyping() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        assertThat(Files.readString(p)).as(p.toString())
            .doesNotContain("activateDefaultTyping", "enableDefaultTyping", "JsonTypeInfo", "@JsonSubTypes",
                "setDefaultTyping", "PolymorphicTypeValidator");
      }
    }
  }

  @Test
  void theModelFileReaderLimitsNestingAndSizes() throws Exception {
    Field f = Class.forName(ModelFile.class.getName() + "$ModelJson").getDeclaredField("MAPPER");
    f.setAccessible(true);
    StreamReadConstraints c = ((ObjectMapper) f.get(null)).getFactory().streamReadConstraints();
    assertThat(c.getMaxNestingDepth()).isEqualTo(64);
    assertThat(c.getMaxStringLength()).isEqualTo(1 << 30);
    assertThat(c.getMaxNumberLength()).isLessThanOrEqualTo(1000);
  }

  private static List<Field> staticJacksonFields() throws IOException, ClassNotFoundException {
    List<Field> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = CLASSES.relativize(p).toString().replace('/', '.').replace(".class", "");
        Class<?> c = Class.forName(name, false, JacksonSafetyTest.class.getClassLoader());
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) && (ObjectMapper.class.isAssignableFrom(f.getType())
              || ObjectWriter.class.isAssignableFrom(f.getType()))) {
            out.add(f);
          }
        }
      }
    }
    return out;
  }
}
