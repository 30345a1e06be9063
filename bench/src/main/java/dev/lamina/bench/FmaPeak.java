package dev.lamina.bench;

import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The arithmetic ceiling of this machine: fused multiply-adds per second on the JVM's preferred
 * (widest) vectors, float64 and float32, on one thread and on every core at once. Each thread runs
 * twelve independent fma chains (enough to cover the fma latency on two pipes), from registers
 * only, so the figure is the cores' peak, not a product's: the matrix kernels are judged as a
 * fraction of it. Unlike the BLAS figure of {@code gemm_peak.py}, it does not depend on which
 * kernels a BLAS build chose for this processor.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp CP dev.lamina.bench.FmaPeak [--threads N]}
 * (default: all processors). Prints {@code RESULT fma_float64_gflops_1t X}, {@code
 * RESULT fma_float64_gflops_Nt Y} and the same for float32; the best of three rounds of about
 * 0.3 s each. Also a probe of the host: on a shared virtual machine it shows whether the cores
 * ran at full speed in that minute.
 */
public final class FmaPeak {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int CHAINS = 12;
  private static final int ROUNDS = 3;

  private FmaPeak() {}

  static double doubles(long iterations) {
    DoubleVector a0 = DoubleVector.broadcast(D, 1.0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
    DoubleVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
    DoubleVector m = DoubleVector.broadcast(D, 0.9999999);
    DoubleVector c = DoubleVector.broadcast(D, 1e-9);
    for (long i = 0; i < iterations; i++) {
      a0 = a0.fma(m, c); a1 = a1.fma(m, c); a2 = a2.fma(m, c); a3 = a3.fma(m, c);
      a4 = a4.fma(m, c); a5 = a5.fma(m, c); a6 = a6.fma(m, c); a7 = a7.fma(m, c);
      a8 = a8.fma(m, c); a9 = a9.fma(m, c); a10 = a10.fma(m, c); a11 = a11.fma(m, c);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
        .reduceLanes(VectorOperators.ADD);
  }

  static double floats(long iterations) {
    FloatVector a0 = FloatVector.broadcast(F, 1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
    FloatVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
    FloatVector m = FloatVector.broadcast(F, 0.9999f);
    FloatVector c = FloatVector.broadcast(F, 1e-6f);
    for (long i = 0; i < iterations; i++) {
      a0 = a0.fma(m, c); a1 = a1.fma(m, c); a2 = a2.fma(m, c); a3 = a3.fma(m, c);
      a4 = a4.fma(m, c); a5 = a5.fma(m, c); a6 = a6.fma(m, c); a7 = a7.fma(m, c);
      a8 = a8.fma(m, c); a9 = a9.fma(m, c); a10 = a10.fma(m, c); a11 = a11.fma(m, c);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
        .reduceLanes(VectorOperators.ADD);
  }

  /** GFLOP/s of {@code threads} threads running {@code iterations} rounds of twelve fmas each. */
  static double gflops(boolean single, int threads, long iterations) throws InterruptedException {
    int lanes = single ? F.length() : D.length();
    double[] sink = new double[threads];
    List<Thread> started = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int k = t;
      Thread th = new Thread(() -> sink[k] = single ? floats(iterations) : doubles(iterations));
      th.start();
      started.add(th);
    }
    for (Thread th : started) {
      th.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (Double.isNaN(sink[0])) {
      throw new AssertionError("unreachable: keeps the chains alive");
    }
    return threads * iterations * (double) CHAINS * lanes * 2 / seconds / 1e9;
  }

  public static void main(String[] args) throws InterruptedException {
    int threads = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--threads")) {
        threads = Integer.parseInt(args[i + 1]);
      } else {
        throw new IllegalArgumentException("unknown option " + args[i] + " (use --threads N)");
      }
    }
    long iterations = 100_000_000L;
    for (int warm = 0; warm < 3; warm++) {
      doubles(2_000_000);
      floats(2_000_000);
    }
    for (boolean single : new boolean[] {false, true}) {
      String name = single ? "float32" : "float64";
      for (int t : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
        double best = 0;
        for (int r = 0; r < ROUNDS; r++) {
          best = Math.max(best, gflops(single, t, iterations));
        }
        System.out.printf("RESULT fma_%s_gflops_%dt %.1f%n", name, t, best);
      }
    }
  }
}
