package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The master: --master when given, else spark-submit's (a system property), else every local core. */
@Tag("spark")
class SparkSweepConfTest {
  @ParameterizedTest(name = "--master {0}, spark-submit {1} -> {2}")
  @CsvSource(nullValues = "none", value = {
      "none,       none,                   local[*]",
      "none,       spark://head:7077,      spark://head:7077",
      "local[2],   spark://head:7077,      local[2]",
      "local[2],   none,                   local[2]"})
  void theMasterComesFromTheOptionThenSparkSubmitThenTheDefault(String option, String submitted, String expected) {
    String before = System.getProperty("spark.master");
    try {
      if (submitted == null) {
        System.clearProperty("spark.master");
      } else {
        System.setProperty("spark.master", submitted);
      }
      assertThat(SparkSweep.conf("app", option).get("spark.master")).isEqualTo(expected);
    } finally {
      if (before == null) {
        System.clearProperty("spark.master");
      } else {
        System.setProperty("spark.master", before);
      }
    }
  }
}
