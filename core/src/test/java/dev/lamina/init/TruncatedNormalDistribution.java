package dev.lamina.init;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The exact normal distribution N(mean, sigma^2) restricted to mean +- 2 sigma, written from Phi so
 * the KS tests compare against the true law rather than against another sampler.
 */
final class TruncatedNormalDistribution extends AbstractRealDistribution {
  private static final long serialVersionUID = 1L;
  static final double CUT = 2.0;
  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);
  private static final double MASS = STANDARD.cumulativeProbability(CUT) - STANDARD.cumulativeProbability(-CUT);

  private final double mean;
  private final double sigma;

  /** Pre-truncation sigma, as Keras's {@code TruncatedNormal(stddev=sigma)}. */
  TruncatedNormalDistribution(double mean, double sigma) {
    super(null);
    this.mean = mean;
    this.sigma = sigma;
  }

  /** The truncated normal whose standard deviation <em>after</em> truncation is {@code std}. */
  static TruncatedNormalDistribution withActualStd(double mean, double std) {
    return new TruncatedNormalDistribution(mean, std / standardStd());
  }

  /** Std of a standard normal truncated to [-2, 2]: sqrt(1 - 2 * 2 phi(2) / (Phi(2) - Phi(-2))). */
  static double standardStd() {
    return Math.sqrt(1 - 2 * CUT * STANDARD.density(CUT) / MASS);
  }

  double cut() {
    return CUT * sigma;
  }

  @Override
  public double density(double x) {
    double z = (x - mean) / sigma;
    return Math.abs(z) > CUT ? 0 : STANDARD.density(z) / (sigma * MASS);
  }

  @Override
  public double cumulativeProbability(double x) {
    double z = (x - mean) / sigma;
    if (z <= -CUT) {
      return 0;
    }
    if (z >= CUT) {
      return 1;
    }
    return (STANDARD.cumulativeProbability(z) - STANDARD.cumulativeProbability(-CUT)) / MASS;
  }

  @Override
  public double getNumericalMean() {
    return mean;
  }

  @Override
  public double getNumericalVariance() {
    double s = sigma * standardStd();
    return s * s;
  }

  @Override
  public double getSupportLowerBound() {
    return mean - cut();
  }

  @Override
  public double getSupportUpperBound() {
    return mean + cut();
  }

  @Override
  public boolean isSupportLowerBoundInclusive() {
    return true;
  }

  @Override
  public boolean isSupportUpperBoundInclusive() {
    return true;
  }

  @Override
  public boolean isSupportConnected() {
    return true;
  }

  @Override
  public String toString() {
    return "TruncatedNormal(" + mean + ", " + sigma + ")";
  }
}
