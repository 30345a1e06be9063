package dev.lamina.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Refuses a damaged HDF5 file before its weights are trusted, as h5py does ("truncated file: eof =
 * 300000, stored_eof = 601344"): the superblock's end-of-file address must lie within the bytes
 * present, and so must the superblock, the root group's object header and every object header the
 * file links to. A file cut short after the model weights (inside {@code optimizer_weights}) would
 * otherwise import, with nothing to say that it is not the file that was written.
 *
 * <p>Superblock layouts (HDF5 File Format Specification 3.0, section II.A): versions 0 and 1 hold
 * the base address, free-space address, end-of-file address, driver address and the root group's
 * symbol-table entry after a 24-byte (28 for version 1) header; versions 2 and 3 hold the base,
 * extension, end-of-file and root object header addresses after a 12-byte header. All addresses
 * are little-endian, of the "size of offsets" the superblock declares, relative to the base.
 */
final class Hdf5Integrity {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  private Hdf5Integrity() {}

  /** Checks the superblock of {@code bytes}, an HDF5 file named {@code source} in messages. */
  static void checkSuperblock(byte[] bytes, String source) {
    int at = superblockOffset(bytes);
    if (at < 0) {
      throw damaged(source, "it has no HDF5 superblock signature");
    }
    int version = at + 8 < bytes.length ? bytes[at + 8] & 0xff : -1;
    int sizeOfOffsets;
    int addresses;
    if (version == 0 || version == 1) {
      sizeOfOffsets = at + 13 < bytes.length ? bytes[at + 13] & 0xff : -1;
      addresses = at + (version == 0 ? 24 : 28);
    } else if (version == 2 || version == 3) {
      sizeOfOffsets = at + 9 < bytes.length ? bytes[at + 9] & 0xff : -1;
      addresses = at + 12;
    } else {
      throw damaged(source, "its superblock is cut short or of an unknown version (" + version + ")");
    }
    if (sizeOfOffsets != 2 && sizeOfOffsets != 4 && sizeOfOffsets != 8) {
      throw damaged(source, "its superblock declares " + sizeOfOffsets + "-byte addresses (2, 4 or 8 expected)");
    }
    int o = sizeOfOffsets;
    int rootField = version <= 1 ? addresses + 5 * o : addresses + 3 * o;
    if (rootField + o > bytes.length) {
      throw damaged(source, "its superblock runs past the end of the file (" + bytes.length + " bytes)");
    }
    long base = address(bytes, addresses, o);
    long eof = address(bytes, addresses + 2 * o, o);
    long root = address(bytes, rootField, o);
    if (base < 0 || eof < 0 || base + eof > bytes.length) {
      throw damaged(source, "the file is truncated: its superblock says it ends at byte " + unsigned(base, eof)
          + ", but it has " + bytes.length + " bytes");
    }
    if (root < 0 || base + root >= bytes.length) {
      throw damaged(source, "its root group's object header lies at byte " + unsigned(base, root) + ", past the end"
          + " of the file (" + bytes.length + " bytes)");
    }
  }

  /** Checks that every object the file links to (groups and datasets) starts inside its {@code length} bytes. */
  static void checkObjects(HdfFile h5, long length, String source) {
    walk(h5, length, source);
  }

  private static void walk(Group g, long length, String source) {
    for (Node n : g.getChildren().values()) {
      if (n.getAddress() < 0 || n.getAddress() >= length) {
        throw damaged(source, "the object header of " + n.getPath() + " lies at byte " + n.getAddress()
            + ", past the end of the file (" + length + " bytes)");
      }
      if (n instanceof Group child && !n.isLink()) {
        walk(child, length, source);
      }
    }
  }

  private static int superblockOffset(byte[] b) {
    for (long at = 0; at + SIGNATURE.length <= b.length; at = at == 0 ? 512 : at * 2) {
      boolean match = true;
      for (int i = 0; i < SIGNATURE.length && match; i++) {
        match = b[(int) at + i] == SIGNATURE[i];
      }
      if (match) {
        return (int) at;
      }
    }
    return -1;
  }

  /** A little-endian unsigned address; -1 for the undefined address (all ones) or one too large for a long. */
  private static long address(byte[] b, int at, int size) {
    long v = 0;
    boolean allOnes = true;
    for (int i = size - 1; i >= 0; i--) {
      int x = b[at + i] & 0xff;
      allOnes &= x == 0xff;
      v = (v << 8) | x;
    }
    return allOnes || v < 0 ? -1 : v;
  }

  private static String unsigned(long base, long address) {
    return address < 0 ? "(undefined)" : Long.toString(base + address);
  }

  private static KerasFormatException damaged(String source, String why) {
    return new KerasFormatException("cannot import Keras model " + source + ": its HDF5 data is damaged: " + why
        + "; it is not the file Keras wrote (copy it again)");
  }
}
