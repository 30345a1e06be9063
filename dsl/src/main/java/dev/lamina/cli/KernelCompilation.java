package dev.lamina.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The compilers of the second JVM that runs a short narrow training ({@link SharedArchive}): C1
 * for every method, as {@code -XX:TieredStopAtLevel=1} gives, except the few leaf kernels where
 * such a training spends most of its time, which the optimizing compiler (C2) compiles soon after
 * the start of the training (or of its warm-up, {@link dev.lamina.run.TrainingWarmUp}).
 *
 * <p>Why: under C1 alone the churn example's step spends about 60% of its time in a handful of
 * loops over a few dozen doubles (the narrow products, Adam's update, the rectifier, the loss's
 * {@code log1p}), with a bounds check per access, no unrolling and no vectors; C2 runs them several
 * times faster. C2 for everything costs more than it wins (its compilations of the start-up code,
 * C1's slower profiling code meanwhile); C2 for these small leaf methods alone costs little: each is
 * compiled on its own, without a tree of inlined callers. Measured in docs/BENCHMARKS.md, "Issue
 * 21, eleventh session".
 *
 * <p>How: HotSpot compiler directives in a file named on the command line
 * ({@code -XX:CompilerDirectivesFile}, a diagnostic option): C2 may compile {@link #KERNELS} and
 * nothing else. A method C2 may not compile is compiled by C1 without profiling (as under C1
 * alone) once it reaches C2's thresholds; those are lowered, so the start-up code leaves C1's
 * profiling code early. C2's threshold for a loop is raised: a kernel's loops are short and the
 * kernel is compiled whole when it is called, never in the middle of a loop. Directives choose
 * compilers only; the results are bit for bit those of any other JVM (Java's floating point is
 * strict).
 */
final class KernelCompilation {
  /** The methods C2 compiles: the hot loops of a narrow training's step (with C1: 50% of its samples). */
  static final String KERNELS = "[\"dev/lamina/layer/MatMul.affineTwoRows\", \"dev/lamina/layer/MatMul.gradientTwoFeatures\","
      + " \"dev/lamina/layer/MatMul.inputGradientTwoRows\", \"dev/lamina/optim/Adam.update\","
      + " \"dev/lamina/activation/Relu.forwardRange\", \"dev/lamina/activation/Relu.backwardRange\","
      + " \"dev/lamina/loss/Log1p.log1p\"]";
  /**
   * C2's thresholds (calls, calls plus loop iterations, loop iterations) after which C1's profiling
   * code of a method gives way: to C2 for a kernel, to C1 without profiling for any other method.
   * HotSpot's defaults are 5,000, 15,000 and 40,000.
   */
  static final List<String> THRESHOLDS = List.of("-XX:Tier4InvocationThreshold=100", "-XX:Tier4MinInvocationThreshold=50",
      "-XX:Tier4CompileThreshold=200", "-XX:Tier4BackEdgeThreshold=1000000");

  private KernelCompilation() {}

  /** The directives: C2 for {@link #KERNELS}, C1 alone for the rest. */
  static String directives() {
    return OneShotCompilation.directives(KERNELS, null);
  }

  /** Writes {@link #directives()} to a new temporary file (the caller deletes it) and returns it. */
  static Path writeDirectives() throws IOException {
    return OneShotCompilation.writeDirectives(directives());
  }

  /**
   * The second JVM's options for the directives in {@code file}; HotSpot's own console messages
   * off ({@code -XX:-DisplayVMOutput}), since reading the file prints "2 compiler directives
   * added" on standard output (the first JVM, which gets the user's options too, still shows
   * HotSpot's warnings about them).
   */
  static List<String> options(Path file) {
    List<String> options = new ArrayList<>(List.of("-XX:+UnlockDiagnosticVMOptions",
        "-XX:CompilerDirectivesFile=" + file, "-XX:-DisplayVMOutput"));
    options.addAll(THRESHOLDS);
    return options;
  }
}
