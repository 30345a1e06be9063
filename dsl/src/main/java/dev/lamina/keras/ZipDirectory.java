package dev.lamina.keras;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks that a zip's central directory agrees with the entries it points at (PKWARE APPNOTE 6.3,
 * sections 4.3.7, 4.3.12, 4.3.16): the end record must follow the directory it describes, every
 * directory record must point at a local header with the same name, CRC-32 and compressed size
 * (unless the entry defers them to a data descriptor), and every entry's data must end before the
 * next entry and before the directory. A file cut short, or one whose directory was edited to hide
 * or swap an entry, is refused instead of read the way one tool happens to read it.
 */
final class ZipDirectory {
  private static final int END = 0x06054b50;
  private static final int DIRECTORY = 0x02014b50;
  private static final int LOCAL = 0x04034b50;
  private static final int END_SIZE = 22;
  private static final int MAX_COMMENT = 0xffff;
  private static final int DATA_DESCRIPTOR_FLAG = 1 << 3;

  private record Entry(String name, long offset, long end) {}

  private ZipDirectory() {}

  /** Checks {@code b}, the bytes of the archive named {@code source} in messages. */
  static void check(byte[] b, String source) {
    int end = findEnd(b);
    if (end < 0) {
      throw damaged(source, "it has no end-of-central-directory record (the file is truncated)");
    }
    int count = u16(b, end + 10);
    long size = u32(b, end + 12);
    long offset = u32(b, end + 16);
    if (count == 0xffff || size == 0xffffffffL || offset == 0xffffffffL) {
      return; // Zip64: far larger than a dense model; java.util.zip's own checks apply
    }
    if (offset + size != end) {
      throw damaged(source, "its central directory (" + size + " bytes at " + offset + ") does not end where the"
          + " end record lies (" + end + ")");
    }
    List<Entry> entries = new ArrayList<>();
    long at = offset;
    for (int i = 0; i < count; i++) {
      if (at + 46 > end || u32(b, (int) at) != DIRECTORY) {
        throw damaged(source, "central directory record " + i + " of " + count + " is missing or cut short");
      }
      int p = (int) at;
      long crc = u32(b, p + 16);
      long compressed = u32(b, p + 20);
      int nameLength = u16(b, p + 28);
      int next = 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
      if (at + next > end) {
        throw damaged(source, "central directory record " + i + " runs past the directory");
      }
      String name = new String(b, p + 46, nameLength, StandardCharsets.UTF_8);
      entries.add(local(b, source, name, u32(b, p + 42), crc, compressed, offset));
      at += next;
    }
    if (at != end) {
      throw damaged(source, "its central directory holds more than the " + count + " records its end record counts");
    }
    entries.sort(Comparator.comparingLong(Entry::offset));
    for (int i = 1; i < entries.size(); i++) {
      if (entries.get(i).offset() < entries.get(i - 1).end()) {
        throw damaged(source, "entries '" + entries.get(i - 1).name() + "' and '" + entries.get(i).name()
            + "' overlap");
      }
    }
  }

  private static Entry local(byte[] b, String source, String name, long offset, long crc, long compressed,
      long directory) {
    if (offset + 30 > directory || u32(b, (int) offset) != LOCAL) {
      throw damaged(source, "the directory says entry '" + name + "' starts at byte " + offset + ", but no entry"
          + " header is there");
    }
    int p = (int) offset;
    int nameLength = u16(b, p + 26);
    long dataStart = offset + 30 + nameLength + u16(b, p + 28);
    if (dataStart > directory
        || !new String(b, p + 30, nameLength, StandardCharsets.UTF_8).equals(name)) {
      throw damaged(source, "the entry at byte " + offset + " is not the '" + name + "' the directory names there");
    }
    boolean deferred = (u16(b, p + 6) & DATA_DESCRIPTOR_FLAG) != 0;
    if (!deferred && (u32(b, p + 14) != crc || u32(b, p + 18) != compressed)) {
      throw damaged(source, "entry '" + name + "' has another CRC or size in its header than in the directory");
    }
    long dataEnd = dataStart + compressed;
    if (dataEnd > directory) {
      throw damaged(source, "entry '" + name + "' runs into the central directory (it is cut short)");
    }
    return new Entry(name, offset, dataEnd);
  }

  private static int findEnd(byte[] b) {
    for (int at = b.length - END_SIZE; at >= 0 && at >= b.length - END_SIZE - MAX_COMMENT; at--) {
      if (u32(b, at) == END && at + END_SIZE + u16(b, at + 20) == b.length) {
        return at;
      }
    }
    return -1;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int at) {
    return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xffffffffL;
  }

  static KerasFormatException damaged(String source, String why) {
    return new KerasFormatException("Keras archive " + source + " is damaged: " + why + "; it is not the file"
        + " Keras wrote (copy it again)");
  }
}
