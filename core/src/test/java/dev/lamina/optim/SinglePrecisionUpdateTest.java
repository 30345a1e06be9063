package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.random.Rng;
import dev.lamina.spec.ComponentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer on float32 parameters: the weights (and, for the rules with a single-precision
 * form, the slots) stay float32 values, follow the float64 run of the same start and gradients to
 * single-precision rounding, and are bit-identical whether a step is split between 1, 2 or 3
 * threads. Every optimizer gives float32 parameters float32 slots.
 */
class SinglePrecisionUpdateTest {
  private static final int LARGE = Optimizer.PARALLEL_MIN_ELEMENTS * 2 + 3;
  private static final int STEPS = 6;

  /** Every registered optimizer with its defaults, and the variants with other branches of their rules. */
  static Stream<Arguments> optimizers() {
    List<Arguments> out = new ArrayList<>();
    for (String name : Optimizers.REGISTRY.names()) {
      out.add(Arguments.of(ComponentSpec.of(name)));
    }
    out.add(Arguments.of(ComponentSpec.of("adam", "amsgrad", true, "learning_rate", 0.01)));
    out.add(Arguments.of(ComponentSpec.of("sgd", "momentum", 0.9)));
    out.add(Arguments.of(ComponentSpec.of("sgd", "momentum", 0.9, "nesterov", true)));
    out.add(Arguments.of(ComponentSpec.of("adam", "clipnorm", 1.0)));
    out.add(Arguments.of(ComponentSpec.of("sgd", "weight_decay", 0.01)));
    out.add(Arguments.of(ComponentSpec.of("rmsprop", "momentum", 0.5, "centered", true)));
    return out.stream();
  }

  /** A large kernel (split between threads) and a small bias, starting at the same float32 values. */
  private static List<Parameter> params(boolean single) {
    Rng rng = new Rng(21);
    List<Parameter> ps = List.of(new Parameter("dense/kernel", LARGE), new Parameter("dense/bias", 7));
    for (Parameter p : ps) {
      p.setSinglePrecision(single);
      double[] v = new double[p.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) rng.nextGaussian();
      }
      p.setValue(v);
    }
    return ps;
  }

  private static List<Parameter> train(Optimizer opt, boolean single, int threads) {
    opt.setThreads(threads);
    List<Parameter> ps = params(single);
    opt.build(ps);
    Rng rng = new Rng(22);
    for (int s = 0; s < STEPS; s++) {
      for (Parameter p : ps) {
        // As a float32 layer writes it: straight into the floats.
        float[] gf = single ? p.floatGrad() : null;
        double[] gd = single ? null : p.grad();
        for (int i = 0; i < p.size(); i++) {
          float g = (float) rng.nextGaussian();
          if (single) {
            gf[i] = g;
          } else {
            gd[i] = g;
          }
        }
      }
      opt.step(ps);
    }
    return ps;
  }

  private static boolean isFloat(double v) {
    return (double) (float) v == v;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void float32WeightsFollowTheFloat64RunToSinglePrecision(ComponentSpec spec) {
    Optimizer exact = Optimizers.create(spec, "opt");
    Optimizer single = Optimizers.create(spec, "opt");
    List<Parameter> a = train(exact, false, 1);
    List<Parameter> b = train(single, true, 1);
    for (int p = 0; p < a.size(); p++) {
      double[] wa = a.get(p).value();
      double[] wb = b.get(p).value();
      for (int i = 0; i < wa.length; i++) {
        assertThat(isFloat(wb[i])).as("%s %s[%d] = %s is a float32 value", spec, a.get(p).name(), i, wb[i]).isTrue();
        // Each step rounds w (|w| ~ 1) to float: a few ulps of 6e-8 over the steps.
        assertThat(wb[i]).as("%s %s[%d]", spec, a.get(p).name(), i).isCloseTo(wa[i], within(2e-6 * Math.max(1, Math.abs(wa[i]))));
      }
    }
    List<double[]> slotsA = exact.slots();
    List<double[]> slotsB = single.slots();
    assertThat(slotsB).hasSameSizeAs(slotsA);
    for (int s = 0; s < slotsA.size(); s++) {
      for (int i = 0; i < slotsA.get(s).length; i++) {
        double va = slotsA.get(s)[i];
        double vb = slotsB.get(s)[i];
        if (!spec.name().equals("nadam") || s < slotsA.size() - 1) { // Nadam's last slot: its scalar u_product, in double
          assertThat(isFloat(vb)).as("%s slot %d [%d] is a float32 value", spec, s, i).isTrue();
        }
        assertThat(vb).as("%s slot %d [%d]", spec, s, i).isCloseTo(va, within(1e-5 * Math.max(1, Math.abs(va))));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void float32StepsAreBitIdenticalOverThreadCounts(ComponentSpec spec) {
    List<Parameter> one = train(Optimizers.create(spec, "opt"), true, 1);
    for (int threads = 2; threads <= 3; threads++) {
      List<Parameter> many = train(Optimizers.create(spec, "opt"), true, threads);
      for (int p = 0; p < one.size(); p++) {
        assertThat(many.get(p).floatValue()).as("%s, %d threads, %s", spec, threads, one.get(p).name())
            .isEqualTo(one.get(p).floatValue());
      }
    }
  }

  @Test
  void everyRegisteredOptimizerHasASinglePrecisionRule() {
    for (String name : Optimizers.REGISTRY.names()) {
      assertThat(Optimizers.create(name).hasSinglePrecisionRule()).as(name).isTrue();
    }
  }

  @Test
  void aFloat32ParameterShowsItsFloatsAsDoublesAndRoundsWhatIsWrittenThere() {
    Parameter p = new Parameter("dense/kernel", 3);
    p.value()[0] = 0.1;
    p.setSinglePrecision(true);
    assertThat(p.value()[0]).as("rounded when made float32").isEqualTo((double) 0.1f);
    p.floatValue()[1] = 2.5f;
    assertThat(p.value()[1]).as("a float written is seen as a double").isEqualTo(2.5);
    p.value()[2] = 1.0 / 3;
    assertThat(p.floatValue()[2]).isEqualTo((float) (1.0 / 3));
    assertThat(p.value()[2]).as("the double view holds the rounded value once the floats are used")
        .isEqualTo((double) (float) (1.0 / 3));
    p.setValue(new double[] {Math.PI, 1e-50, -7});
    assertThat(p.value()).containsExactly((float) Math.PI, 0.0, -7.0);
    p.setSinglePrecision(false);
    p.value()[0] = Math.PI;
    assertThat(p.value()[0]).as("float64 again keeps every bit").isEqualTo(Math.PI);
  }
}
