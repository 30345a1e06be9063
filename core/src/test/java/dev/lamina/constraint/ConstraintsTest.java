package dev.lamina.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.model.Model;
import dev.lamina.optim.Constraint;
import dev.lamina.optim.Parameter;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Fit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keras's weight constraints, checked on a kernel whose column norms are worked out by hand
 * (columns (3, 4) and (0, 1): norms 5 and 1), and applied after every optimizer step of a fit.
 */
class ConstraintsTest {
  private static final int[] SHAPE = {2, 2};

  /** Row-major (2, 2) kernel: rows are inputs, columns are units. */
  private static double[] kernel() {
    return new double[] {3, 0, 4, 1};
  }

  private static double[] apply(String name, Object... args) {
    Constraint c = Constraints.create(ComponentSpec.of(name, args), "kernel_constraint");
    double[] w = kernel();
    c.apply(w, SHAPE);
    return w;
  }

  @Test
  void maxNormCapsEachUnitsIncomingNorm() {
    double[] w = apply("max_norm", "max_value", 2.0);
    // column 0 has norm 5: scaled by 2 / (5 + 1e-7); column 1 has norm 1 <= 2: scaled by 1 / (1 + 1e-7)
    assertThat(w[0]).isCloseTo(3 * 2 / (5 + 1e-7), within(1e-15));
    assertThat(w[2]).isCloseTo(4 * 2 / (5 + 1e-7), within(1e-15));
    assertThat(w[3]).isCloseTo(1 / (1 + 1e-7), within(1e-15));
    assertThat(w[1]).isZero();
  }

  @Test
  void maxNormAlongAxisOneCapsEachInputsOutgoingNorm() {
    double[] w = apply("MaxNorm", "max_value", 1.0, "axis", 1);
    // row 0 (3, 0) has norm 3; row 1 (4, 1) has norm sqrt(17)
    assertThat(w[0]).isCloseTo(3 / (3 + 1e-7), within(1e-15));
    assertThat(w[2]).isCloseTo(4 / (Math.sqrt(17) + 1e-7), within(1e-15));
  }

  @Test
  void minMaxNormMovesNormsIntoTheRangeAtTheRate() {
    double[] w = apply("min_max_norm", "min_value", 2.0, "max_value", 4.0, "rate", 0.5);
    // column 0: desired 0.5 * 4 + 0.5 * 5 = 4.5; column 1: 0.5 * 2 + 0.5 * 1 = 1.5
    assertThat(w[0]).isCloseTo(3 * 4.5 / (5 + 1e-7), within(1e-15));
    assertThat(w[3]).isCloseTo(1.5 / (1 + 1e-7), within(1e-15));
  }

  @Test
  void unitNormDividesByTheNorm() {
    double[] w = apply("unit_norm");
    assertThat(w[0]).isCloseTo(0.6, within(1e-7));
    assertThat(w[2]).isCloseTo(0.8, within(1e-7));
  }

  @Test
  void nonNegZeroesNegativeValues() {
    Constraint c = Constraints.create(ComponentSpec.of("NonNeg"), "kernel_constraint");
    double[] w = {-1, 2, -0.5, 0};
    c.apply(w, SHAPE);
    assertThat(w).containsExactly(0, 2, 0, 0);
  }

  @Test
  void kerasTwoNamesResolve() {
    assertThat(Constraints.REGISTRY.canonicalName("maxnorm", "")).isEqualTo(MaxNorm.NAME);
    assertThat(Constraints.REGISTRY.canonicalName("nonneg", "")).isEqualTo(NonNeg.NAME);
    assertThat(Constraints.REGISTRY.canonicalName("unitnorm", "")).isEqualTo(UnitNorm.NAME);
  }

  @Test
  void aFitProjectsTheKernelAfterEveryStep() {
    DenseSpec hidden = DenseSpec.of(6).withActivation(ComponentSpec.of("relu"))
        .withConstraints(ComponentSpec.of("max_norm", "max_value", 0.5), ComponentSpec.of("non_neg"));
    Model m = Model.of(new ModelSpec("constrained", 4L, List.of(hidden, DenseSpec.of(1)),
        new CompileSpec(ComponentSpec.of("adam", "learning_rate", 0.1), ComponentSpec.of("mse"), List.of())), 3);
    double[][] x = new double[40][3];
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = Math.sin(i * 3 + j) * 4;
      }
      y[i] = 10 * x[i][0] - 7 * x[i][2];
    }
    m.fit(x, y, Fit.epochs(3).batchSize(8));
    Parameter kernel = m.layers().get(0).parameters().get(0);
    Parameter bias = m.layers().get(0).parameters().get(1);
    for (int unit = 0; unit < 6; unit++) {
      double sq = 0;
      for (int in = 0; in < 3; in++) {
        sq += kernel.value()[in * 6 + unit] * kernel.value()[in * 6 + unit];
      }
      assertThat(Math.sqrt(sq)).isLessThanOrEqualTo(0.5 + 1e-12);
    }
    for (double b : bias.value()) {
      assertThat(b).isGreaterThanOrEqualTo(0.0);
    }
    assertThat(m.summary()).contains("kernel max_norm{max_value=0.5}").contains("bias non_neg");
  }
}
