package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.spec.ComponentSpec;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepAllocationTest {
  /** Slack for the measurement itself; a per-step allocation would cost at least 16 bytes x 20,000. */
  private static final long SLACK_BYTES = 4096;
  private static final int STEPS = 20_000;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sgd", "adam", "adamw", "rmsprop", "adagrad", "nadam"})
  void stepAllocatesNothing(String name) {
    ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertThat(bean.isThreadAllocatedMemoryEnabled()).as("per-thread allocation counting").isTrue();
    ComponentSpec spec = ComponentSpec.of(name, "global_clipnorm", 1.0, "weight_decay", 0.01,
        "learning_rate", Schedules.piecewiseConstantDecay(List.of(10, 100), List.of(0.01, 0.005, 0.001)));
    Optimizer opt = Optimizers.create(spec, "opt");
    List<Parameter> ps = UpdateFixture.params();
    opt.build(ps);
    UpdateFixture.setGrads(ps, 0);
    for (int i = 0; i < 1000; i++) {
      opt.step(ps);
    }
    long before = bean.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < STEPS; i++) {
      opt.step(ps);
    }
    long allocated = bean.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).isLessThan(SLACK_BYTES);
  }
}
