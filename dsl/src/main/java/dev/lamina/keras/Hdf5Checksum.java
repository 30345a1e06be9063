package dev.lamina.keras;

/**
 * Bob Jenkins's lookup3 {@code hashlittle}, the checksum HDF5 stores in version 2 superblocks and
 * object headers ({@code H5_checksum_lookup3} with initial value 0).
 */
final class Hdf5Checksum {
  private Hdf5Checksum() {}

  /** The checksum of {@code length} bytes of {@code k} from {@code offset}. */
  static int lookup3(byte[] k, int offset, int length) {
    int a = 0xdeadbeef + length;
    int b = a;
    int c = a;
    int i = offset;
    int n = length;
    while (n > 12) {
      a += u(k[i]) | u(k[i + 1]) << 8 | u(k[i + 2]) << 16 | u(k[i + 3]) << 24;
      b += u(k[i + 4]) | u(k[i + 5]) << 8 | u(k[i + 6]) << 16 | u(k[i + 7]) << 24;
      c += u(k[i + 8]) | u(k[i + 9]) << 8 | u(k[i + 10]) << 16 | u(k[i + 11]) << 24;
      a -= c; a ^= rot(c, 4); c += b;
      b -= a; b ^= rot(a, 6); a += c;
      c -= b; c ^= rot(b, 8); b += a;
      a -= c; a ^= rot(c, 16); c += b;
      b -= a; b ^= rot(a, 19); a += c;
      c -= b; c ^= rot(b, 4); b += a;
      n -= 12;
      i += 12;
    }
    if (n == 0) {
      return c;
    }
    // The tail: bytes fill a, then b, then c, low byte first (the C switch falls through).
    for (int j = n - 1; j >= 0; j--) {
      int v = u(k[i + j]) << (8 * (j % 4));
      if (j >= 8) {
        c += v;
      } else if (j >= 4) {
        b += v;
      } else {
        a += v;
      }
    }
    c ^= b; c -= rot(b, 14);
    a ^= c; a -= rot(c, 11);
    b ^= a; b -= rot(a, 25);
    c ^= b; c -= rot(b, 16);
    a ^= c; a -= rot(c, 4);
    b ^= a; b -= rot(a, 14);
    c ^= b; c -= rot(b, 24);
    return c;
  }

  private static int u(byte x) {
    return x & 0xff;
  }

  private static int rot(int x, int k) {
    return (x << k) | (x >>> (32 - k));
  }
}
