package dev.lamina.docs;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package depends on itself through others: every {@code dev.lamina} package of core and dsl
 * (the main classes on this module's class path), each package a slice of its own. A cycle makes
 * two concepts one in all but name (neither can be understood, tested or moved without the other);
 * the ones this test was written against ({yaml, run, persist, report, sweep, tune}, {cli, docs},
 * {layertype, model}) were broken by moving the spec records to {@code runspec}, the YAML reference
 * to {@code docs} and the regularizer registry to {@code layer.Regularizer}. The other modules are
 * one package each (serve, spark, bench) or two that point one way (examples), and Maven forbids
 * cycles between modules.
 */
class PackageCyclesTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.lamina");

  @Test
  void everyPackageOfCoreAndDslIsFreeOfCycles() {
    assertThat(MAIN.containPackage("dev.lamina.model")).as("core's classes are imported").isTrue();
    assertThat(MAIN.containPackage("dev.lamina.run")).as("dsl's classes are imported").isTrue();
    slices().matching("dev.lamina.(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theCheckFindsACycleBetweenTwoPackages() {
    JavaClasses fixture = new ClassFileImporter().importPackages("dev.lamina.docs.cyclefixture");
    assertThatThrownBy(() -> slices().matching("dev.lamina.docs.cyclefixture.(*)").should().beFreeOfCycles()
        .check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected: Slice a -> ")
        .hasMessageContaining("Method <dev.lamina.docs.cyclefixture.b.Second.both()> calls method"
            + " <dev.lamina.docs.cyclefixture.a.First.width()>");
  }
}
