package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.random.Rng;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * An element-wise update split between threads gives the same bits as the whole update on one
 * thread: a large kernel (above the split threshold) and a small bias, several steps.
 */
class SplitStepTest {
  private static final int LARGE = Optimizer.PARALLEL_MIN_ELEMENTS * 4 + 3;
  private static final int STEPS = 4;

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("adam", (Supplier<Optimizer>) Adam::new),
        Arguments.of("adam amsgrad", (Supplier<Optimizer>) () -> new Adam(0.01, null, 0.9, 0.999, 1e-7, true,
            Optimizer.Clipping.NONE)),
        Arguments.of("adamw", (Supplier<Optimizer>) () -> new AdamW(0.01, null, 0.9, 0.999, 1e-7, false,
            new Optimizer.Clipping(null, null, null, 0.004))),
        Arguments.of("sgd", (Supplier<Optimizer>) () -> new Sgd(0.01, null, 0.0, false, Optimizer.Clipping.NONE)),
        Arguments.of("sgd nesterov", (Supplier<Optimizer>) () -> new Sgd(0.01, null, 0.9, true,
            Optimizer.Clipping.NONE)));
  }

  private static List<Parameter> params() {
    Parameter kernel = new Parameter("dense/kernel", LARGE);
    Parameter bias = new Parameter("dense/bias", 7);
    Rng rng = new Rng(11);
    for (Parameter p : List.of(kernel, bias)) {
      for (int i = 0; i < p.value().length; i++) {
        p.value()[i] = rng.nextGaussian();
      }
    }
    return List.of(kernel, bias);
  }

  private static List<Parameter> train(Optimizer opt, int threads) {
    opt.setThreads(threads);
    List<Parameter> ps = params();
    opt.build(ps);
    Rng rng = new Rng(12);
    for (int s = 0; s < STEPS; s++) {
      for (Parameter p : ps) {
        for (int i = 0; i < p.grad().length; i++) {
          p.grad()[i] = rng.nextGaussian();
        }
      }
      opt.step(ps);
    }
    return ps;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void splitStepsAreBitIdenticalToOneThread(String name, Supplier<Optimizer> make) {
    Optimizer one = make.get();
    Optimizer three = make.get();
    List<Parameter> a = train(one, 1);
    List<Parameter> b = train(three, 3);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).value()).as("%s %s", name, a.get(i).name()).isEqualTo(a.get(i).value());
    }
    List<double[]> slotsA = one.slots();
    List<double[]> slotsB = three.slots();
    for (int i = 0; i < slotsA.size(); i++) {
      assertThat(slotsB.get(i)).as("%s slot %d", name, i).isEqualTo(slotsA.get(i));
    }
  }

  @Test
  void aLargeParameterIsSplitIntoRangesAndASmallOneIsNot() {
    Set<String> ranges = ConcurrentHashMap.newKeySet();
    Optimizer recording = new Optimizer("recording", 0.01, null, Optimizer.Clipping.NONE) {
      @Override
      public void build(List<Parameter> ps) {
      }

      @Override
      protected boolean updatesByElement() {
        return true;
      }

      @Override
      protected void update(int index, Parameter p, double lr, long t, int from, int to) {
        ranges.add(p.name() + " " + from + "-" + to);
      }

      @Override
      public List<double[]> slots() {
        return List.of();
      }
    };
    train(recording, 2);
    assertThat(ranges).filteredOn(r -> r.startsWith("dense/kernel")).hasSize(2);
    assertThat(ranges).filteredOn(r -> r.startsWith("dense/bias")).containsExactly("dense/bias 0-7");
  }
}
