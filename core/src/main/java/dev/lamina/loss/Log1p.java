package dev.lamina.loss;

/**
 * {@code ln(1 + x)} bit for bit as {@link StrictMath#log1p(double)}, which is fdlibm's
 * {@code s_log1p.c}, in plain Java: Java 17 reaches fdlibm through a native call per element, which
 * cost binary cross-entropy on logits more than its own arithmetic. The algorithm and constants are
 * fdlibm's (Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunSoft,
 * a Sun Microsystems, Inc. business. Permission to use, copy, modify, and distribute this software
 * is freely granted, provided that this notice is preserved.); the tests compare it with
 * {@code StrictMath.log1p} bit for bit.
 *
 * <p>Method: reduce {@code 1 + x} to {@code 2^k (1 + f)} with {@code sqrt(2)/2 < 1 + f < sqrt(2)},
 * keeping a correction term {@code c} for the rounding of {@code 1 + x}; then
 * {@code ln(1 + f) = f - (hfsq - s (hfsq + R))} with {@code s = f / (2 + f)},
 * {@code hfsq = f^2 / 2} and R a degree-14 polynomial in s (Remez, error below 2^-58.45), and
 * {@code ln(1 + x) = k ln2_hi + (f - (hfsq - (s (hfsq + R) + (k ln2_lo + c))))}.
 */
final class Log1p {
  private static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
  private static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
  private static final double TWO54 = Double.longBitsToDouble(0x4350000000000000L);
  private static final double LP1 = Double.longBitsToDouble(0x3FE5555555555593L);
  private static final double LP2 = Double.longBitsToDouble(0x3FD999999997FA04L);
  private static final double LP3 = Double.longBitsToDouble(0x3FD2492494229359L);
  private static final double LP4 = Double.longBitsToDouble(0x3FCC71C51D8E78AFL);
  private static final double LP5 = Double.longBitsToDouble(0x3FC7466496CB03DEL);
  private static final double LP6 = Double.longBitsToDouble(0x3FC39A09D078C69FL);
  private static final double LP7 = Double.longBitsToDouble(0x3FC2F112DF3E5244L);
  /** fdlibm's literal 2/3 in the short series for |f| &lt; 2^-20. */
  private static final double TWO_THIRDS = 0.66666666666666666;

  private Log1p() {}

  private static int high(double x) {
    return (int) (Double.doubleToRawLongBits(x) >>> 32);
  }

  private static double withHigh(double x, int high) {
    long bits = Double.doubleToRawLongBits(x);
    return Double.longBitsToDouble(((long) high << 32) | (bits & 0xffffffffL));
  }

  /** {@code ln(1 + x)}, equal bit for bit to {@code StrictMath.log1p(x)}. */
  static double log1p(double x) {
    int hx = high(x);
    int ax = hx & 0x7fffffff;
    int k = 1;
    int hu = 0;
    double f = 0;
    double c = 0;
    if (hx < 0x3FDA827A) { // x < 0.41422
      if (ax >= 0x3ff00000) { // x <= -1.0
        if (x == -1.0) {
          return Double.NEGATIVE_INFINITY;
        }
        return (x - x) / (x - x); // NaN, computed as fdlibm computes it
      }
      if (ax < 0x3e200000) { // |x| < 2^-29
        if (TWO54 + x > 0 && ax < 0x3c900000) { // |x| < 2^-54
          return x;
        }
        return x - x * x * 0.5;
      }
      if (hx > 0 || hx <= 0xbfd2bec3) { // -0.2929 < x < 0.41422
        k = 0;
        f = x;
        hu = 1;
      }
    }
    if (hx >= 0x7ff00000) {
      return x + x;
    }
    if (k != 0) {
      double u;
      if (hx < 0x43400000) {
        u = 1.0 + x;
        hu = high(u);
        k = (hu >> 20) - 1023;
        c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
        c /= u;
      } else {
        u = x;
        hu = high(u);
        k = (hu >> 20) - 1023;
        c = 0;
      }
      hu &= 0x000fffff;
      if (hu < 0x6a09e) {
        u = withHigh(u, hu | 0x3ff00000); // normalize u
      } else {
        k += 1;
        u = withHigh(u, hu | 0x3fe00000); // normalize u/2
        hu = (0x00100000 - hu) >> 2;
      }
      f = u - 1.0;
    }
    double hfsq = 0.5 * f * f;
    if (hu == 0) { // |f| < 2^-20
      if (f == 0) {
        if (k == 0) {
          return 0;
        }
        c += k * LN2_LO;
        return k * LN2_HI + c;
      }
      double r = hfsq * (1.0 - TWO_THIRDS * f);
      if (k == 0) {
        return f - r;
      }
      return k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
    }
    double s = f / (2.0 + f);
    double z = s * s;
    double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
    if (k == 0) {
      return f - (hfsq - s * (hfsq + r));
    }
    return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
  }
}
