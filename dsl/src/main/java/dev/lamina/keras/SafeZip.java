package dev.lamina.keras;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the entries of a {@code .keras} archive after checking the zip as a whole: at most
 * {@link #MAX_ENTRIES} entries, no duplicate names, no absolute, drive-letter, backslash or
 * {@code ..} paths; then inflates only the entries asked for, counting the bytes actually produced
 * (never trusting the sizes the headers claim) and stopping at each entry's limit, so a zip bomb
 * costs at most the limit in memory and time.
 */
final class SafeZip {
  /** Most entries an archive may hold; Keras writes three plus any assets. */
  static final int MAX_ENTRIES = 256;
  /** Largest archive read, in bytes: the weights entry's limit plus room for the rest. */
  static final long MAX_ARCHIVE_BYTES = KerasImporter.MAX_WEIGHTS_BYTES + 64L * 1024 * 1024;

  private final Path file;
  private final List<String> names;

  private SafeZip(Path file, List<String> names) {
    this.file = file;
    this.names = names;
  }

  /** Checks the archive's directory. */
  static SafeZip open(Path file) {
    try {
      long size = java.nio.file.Files.size(file);
      if (size > MAX_ARCHIVE_BYTES) {
        throw new KerasFormatException("Keras archive " + file + " is " + size + " bytes, more than the "
            + MAX_ARCHIVE_BYTES + " bytes Lamina reads");
      }
      ZipDirectory.check(java.nio.file.Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new KerasFormatException("could not read Keras archive " + file + ": " + e.getMessage(), e);
    }
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Set<String> seen = new HashSet<>();
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        if (names.size() == MAX_ENTRIES) {
          throw new KerasFormatException("Keras archive " + file + " has more than " + MAX_ENTRIES
              + " entries; a .keras file holds config.json, metadata.json, model.weights.h5 and its assets");
        }
        String name = e.getName();
        checkName(file, name);
        if (!seen.add(name)) {
          throw new KerasFormatException("Keras archive " + file + " holds the entry '" + name
              + "' twice; a zip with duplicate names is ambiguous (tools disagree on which one counts) and is refused");
        }
        names.add(name);
      }
    } catch (ZipException e) {
      throw new KerasFormatException("Keras archive " + file + " is not a valid zip file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new KerasFormatException("could not read Keras archive " + file + ": " + e.getMessage(), e);
    }
    return new SafeZip(file, List.copyOf(names));
  }

  private static void checkName(Path file, String name) {
    boolean absolute = name.startsWith("/") || name.startsWith("\\") || (name.length() > 1 && name.charAt(1) == ':');
    if (absolute) {
      throw new KerasFormatException("Keras archive " + file + " has an entry with an absolute path '" + name
          + "'; archive entries must be relative");
    }
    if (name.contains("\\") || name.indexOf('\0') >= 0) {
      throw new KerasFormatException("Keras archive " + file + " has an entry name with a backslash or NUL '"
          + name.replace("\0", "\\0") + "'; archive entries use '/' only");
    }
    for (String part : name.split("/", -1)) {
      if (part.equals("..")) {
        throw new KerasFormatException("Keras archive " + file + " has an entry that climbs out of the archive '"
            + name + "'; '..' is not allowed in entry names");
      }
    }
  }

  /** The entry names, in directory order. */
  List<String> names() {
    return names;
  }

  /** Whether the archive has an entry of this name. */
  boolean has(String name) {
    return names.contains(name);
  }

  /**
   * Inflates the named entries, each up to its limit in bytes.
   *
   * @param limits entry name to its largest allowed uncompressed size
   * @return entry name to its bytes, for the entries present
   */
  Map<String, byte[]> read(Map<String, Long> limits) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (Map.Entry<String, Long> want : limits.entrySet()) {
        ZipEntry e = zip.getEntry(want.getKey());
        if (e == null || e.isDirectory()) {
          continue;
        }
        byte[] data;
        try (InputStream in = zip.getInputStream(e)) {
          data = readLimited(in, want.getKey(), want.getValue());
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        if ((e.getSize() >= 0 && e.getSize() != data.length) || (e.getCrc() >= 0 && e.getCrc() != crc.getValue())) {
          throw ZipDirectory.damaged(file.toString(), "entry '" + want.getKey() + "' does not match the size and"
              + " CRC-32 its directory records");
        }
        out.put(want.getKey(), data);
      }
    } catch (ZipException e) {
      throw new KerasFormatException("Keras archive " + file + " is not a valid zip file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new KerasFormatException("could not read Keras archive " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  private byte[] readLimited(InputStream in, String name, long limit) throws IOException {
    byte[] buf = new byte[(int) Math.min(limit + 1, 1 << 16)];
    int n = 0;
    while (true) {
      if (n == buf.length) {
        if (n > limit) {
          throw tooLarge(name, limit);
        }
        buf = java.util.Arrays.copyOf(buf, (int) Math.min(limit + 1, (long) buf.length * 2));
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        break;
      }
      n += r;
      if (n > limit) {
        throw tooLarge(name, limit);
      }
    }
    return java.util.Arrays.copyOf(buf, n);
  }

  private KerasFormatException tooLarge(String name, long limit) {
    return new KerasFormatException("Keras archive " + file + ": entry '" + name + "' inflates to more than "
        + limit + " bytes, the limit for that entry (a zip bomb, or not a Keras model)");
  }
}
