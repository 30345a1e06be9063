package dev.lamina.table;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.lamina.spec.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a CSV file one row at a time, in constant memory, with the row and line of every row for
 * error messages.
 *
 * <p>Parsing is Jackson's {@code CsvParser} with {@link CsvSchema#emptySchema()}: each record
 * arrives as an array of strings, so quotes (with commas and line breaks inside), CRLF, LF and
 * mixed line endings and a UTF-8 byte-order mark are handled by Jackson. The first record is the
 * header; it is read as a plain row rather than through {@code withHeader()} so that duplicate
 * names and ragged rows can be reported with their place instead of being silently merged or
 * padded. Blank lines (such as a trailing empty line) are skipped and not counted as rows, as
 * pandas does. An empty header name becomes {@code Unnamed: i} (0-based, pandas's name), which
 * is what a pandas {@code to_csv} index column looks like.
 */
final class CsvReader implements CsvRows, AutoCloseable {
  /**
   * The longest cell accepted, in characters: far above any real value, and low enough that a file
   * without line breaks (or a runaway quote) is refused before it fills the memory.
   */
  static final int MAX_CELL_CHARS = 1_000_000;
  // The factory alone, not a CsvMapper: reading tokens needs no databind, whose first mapper costs
  // about half a second of class loading on a cold JVM.
  private static final CsvFactory FACTORY = CsvFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_CELL_CHARS).build())
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();
  private static final String BOM = "\uFEFF";
  /** The name of a column whose header cell is empty, before its 0-based index (pandas's name). */
  static final String UNNAMED = "Unnamed: ";

  private final String file;
  private final CsvFormat format;
  private final CsvParser parser;
  private final List<String> header;
  private final List<String> fields = new ArrayList<>();
  private String[] current;
  private CountingStream counted;
  private long size = -1;
  private long row;
  private long line;

  private CsvReader(String file, CsvParser parser, CsvFormat format) {
    this.file = file;
    this.format = format;
    this.parser = parser;
    if (!readRecord()) {
      throw new DataException(file, "the file is empty; a CSV needs a header row with the column"
          + " names and at least one data row");
    }
    this.header = List.copyOf(headerNames(file, current, line));
  }

  /**
   * Opens {@code path} and reads its header.
   *
   * @throws DataException when the file is missing (with a did-you-mean from its folder), empty,
   *     or its header repeats a name
   */
  static CsvReader open(Path path) {
    return open(path, CsvFormat.DEFAULT);
  }

  /** Opens {@code path}, written in {@code format}, and reads its header. */
  static CsvReader open(Path path, CsvFormat format) {
    String file = path.toString();
    if (Files.isDirectory(path)) {
      throw new DataException(file, "this is a folder, not a CSV file; name the CSV file itself");
    }
    // Not isRegularFile: a pipe (--data <(cat f)) or a device is read like a file; the reader is
    // bounded by the bytes it reads (a cell is at most MAX_CELL_CHARS), never by Files.size.
    if (!Files.exists(path)) {
      throw new DataException(file, "file not found (looked for " + path.toAbsolutePath().normalize()
          + ")." + suggestSiblings(path) + " Check the path in the spec or on the command line"
          + " (--data).");
    }
    try {
      CountingStream in = new CountingStream(Files.newInputStream(path), format.charset() == StandardCharsets.UTF_8);
      CsvReader reader = open(file, in, format);
      reader.counted = in;
      reader.size = Files.isRegularFile(path) ? Files.size(path) : -1;
      return reader;
    } catch (IOException e) {
      throw new DataException(file, "cannot read the file: " + e.getMessage());
    }
  }

  /**
   * Reads CSV text from {@code in} (closed with the reader), named {@code file} in messages; used
   * for a slice of a file, such as one partition of a cluster's input.
   */
  static CsvReader open(String file, java.io.InputStream in) {
    return open(file, in, CsvFormat.DEFAULT);
  }

  /** As {@link #open(String, java.io.InputStream)}, for text written in {@code format}. */
  static CsvReader open(String file, java.io.InputStream in, CsvFormat format) {
    try {
      CsvParser parser = format.charset() == StandardCharsets.UTF_8 ? FACTORY.createParser(in)
          : FACTORY.createParser(new java.io.InputStreamReader(in, format.charset()));
      parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(format.delimiter()));
      try {
        return new CsvReader(file, parser, format);
      } catch (RuntimeException e) {
        parser.close();
        throw e;
      }
    } catch (NotUtf8 e) {
      throw e.toDataException(file); // the parser reads a first block to detect the encoding
    } catch (IOException e) {
      throw new DataException(file, "cannot read the file: " + e.getMessage());
    }
  }

  private static String suggestSiblings(Path path) {
    Path parent = path.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return " The folder " + (path.getParent() == null ? parent : path.getParent()) + " does not exist.";
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(parent)) {
      files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      return "";
    }
    List<String> hits = Names.closest(path.getFileName().toString(), names);
    if (hits.isEmpty()) {
      return "";
    }
    List<String> shown = new ArrayList<>();
    for (String h : hits) {
      shown.add(path.getParent() == null ? h : path.getParent().resolve(h).toString());
    }
    return " Did you mean " + String.join(", ", shown) + "?";
  }

  private static List<String> headerNames(String file, String[] raw, long line) {
    List<String> names = new ArrayList<>(raw.length);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < raw.length; i++) {
      String name = raw[i].replace(BOM, "").strip();
      if (name.isEmpty()) {
        name = UNNAMED + i;
      }
      Integer before = seen.putIfAbsent(name, i);
      if (before != null) {
        throw new DataException(file, 0, line, name, "the header names this column twice (fields "
            + (before + 1) + " and " + (i + 1) + "); give each column a unique name");
      }
      names.add(name);
    }
    return names;
  }

  /**
   * The bytes read from the file so far, a little ahead of the rows returned (the parser reads in
   * blocks), or -1 when the reader was not opened on a file.
   */
  @Override
  public long bytesRead() {
    return counted == null ? -1 : counted.count;
  }

  /** The file's size in bytes when opened, or -1 when the reader was not opened on a file. */
  long fileSize() {
    return size;
  }

  /**
   * The SHA-256 of the file's bytes (hex), once the reader has read them all, else null: the hash a
   * run records for its data, taken as the file is read, so a pipe is hashed too (it cannot be read twice).
   */
  String sha256() {
    return counted == null || !counted.ended ? null : java.util.HexFormat.of().formatHex(counted.digest.digest());
  }

  /**
   * An input stream that counts and hashes the bytes read through it, and, for a UTF-8 file,
   * checks that they are UTF-8 as they arrive, counting lines: the parser decodes a block ahead,
   * so its own error names neither the line nor the byte.
   */
  private static final class CountingStream extends java.io.FilterInputStream {
    private final java.security.MessageDigest digest;
    private final boolean utf8;
    private long count;
    private boolean ended;
    private long lines = 1;
    private int continuation;

    CountingStream(java.io.InputStream in, boolean utf8) {
      super(in);
      this.utf8 = utf8;
      try {
        digest = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        ended = true;
      } else {
        count++;
        digest.update((byte) b);
        check((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n < 0) {
        ended = true;
      } else {
        count += n;
        digest.update(b, off, n);
        for (int i = off; i < off + n; i++) {
          check(b[i]);
        }
      }
      return n;
    }

    /** One byte of the UTF-8 state machine: leads 0xC2-0xF4 announce 1-3 continuation bytes 0x80-0xBF. */
    private void check(byte x) throws NotUtf8 {
      int b = x & 0xFF;
      if (b == '\n') {
        lines++;
      }
      if (!utf8) {
        return;
      }
      if (continuation > 0) {
        if (b < 0x80 || b > 0xBF) {
          throw new NotUtf8(lines, b);
        }
        continuation--;
      } else if (b >= 0x80) {
        if (b >= 0xC2 && b <= 0xDF) {
          continuation = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
          continuation = 2;
        } else if (b >= 0xF0 && b <= 0xF4) {
          continuation = 3;
        } else {
          throw new NotUtf8(lines, b);
        }
      }
    }

    @Override
    public long skip(long n) {
      return 0; // every byte is read, so that the hash covers it
    }
  }

  /** The column names, in file order. */
  List<String> header() {
    return header;
  }

  /** The file as the user named it. */
  String file() {
    return file;
  }

  /**
   * Advances to the next data row.
   *
   * @return false at the end of the file
   * @throws DataException when the row's field count differs from the header's, or the CSV is
   *     malformed (an unclosed quote, text after a closing quote)
   */
  @Override
  public boolean next() {
    if (!readRecord()) {
      return false;
    }
    row++;
    if (current.length != header.size()) {
      String sniffed = CsvSniffer.otherFormat(format, header, current);
      String sep = format.delimiter() == '\t' ? "tab" : "'" + format.delimiter() + "'";
      throw new DataException(file, row, line, null, "the row has " + current.length
          + (current.length == 1 ? " field" : " fields") + " but the header has " + header.size()
          + (sniffed != null ? "; " + sniffed : format.delimiter() == ','
          ? "; check for a missing or extra comma, and quote values that contain commas"
          : "; check for a missing or extra " + sep + ", and quote values that contain it"));
    }
    return true;
  }

  /** The current row's fields (untrimmed), one per header column; the array is reused by {@link #next()}. */
  @Override
  public String[] fields() {
    return current;
  }

  /** The current row's 1-based data row number (the header is not counted). */
  @Override
  public long row() {
    return row;
  }

  /** The 1-based physical line where the current row starts. */
  @Override
  public long line() {
    return line;
  }

  /** Reads the next non-blank record into {@code current}; false at end of input. */
  private boolean readRecord() {
    try {
      while (true) {
        JsonToken t = parser.nextToken();
        while (t != null && t != JsonToken.START_ARRAY) {
          t = parser.nextToken();
        }
        if (t == null) {
          return false;
        }
        fields.clear();
        long first = 0;
        for (t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          if (first == 0) {
            first = parser.currentTokenLocation().getLineNr();
          }
          fields.add(parser.getText());
        }
        boolean blank = fields.isEmpty() || (fields.size() == 1 && fields.get(0).replace(BOM, "").isBlank());
        if (!blank) {
          if (format.decimal() == ',') {
            fields.replaceAll(CsvSniffer::decimalPoint);
          }
          line = first;
          // One array per row shape, reused: a caller reads a row before asking for the next.
          current = current != null && current.length == fields.size() ? fields.toArray(current)
              : fields.toArray(new String[0]);
          return true;
        }
      }
    } catch (StreamConstraintsException e) {
      throw new DataException(file, 0, Math.max(parser.currentLocation().getLineNr(), 0), null, "a cell is longer than "
          + MAX_CELL_CHARS + " characters, the most one CSV value may hold; check that this is a CSV file with one row"
          + " per line, and that no quote is left open");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      long where = at == null ? 0 : at.getLineNr();
      throw new DataException(file, 0, Math.max(where, 0), null, "malformed CSV: "
          + e.getOriginalMessage() + "; a value that contains a comma, quote or line break must"
          + " be enclosed in double quotes, with inner quotes doubled (\"\")");
    } catch (NotUtf8 e) {
      throw e.toDataException(file);
    } catch (IOException e) {
      throw new DataException(file, 0, line, null, "cannot read the file: " + e.getMessage());
    }
  }

  /** A byte that cannot be UTF-8, with the 1-based line it is on (found before the parser decodes it). */
  static final class NotUtf8 extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;
    final int value;

    NotUtf8(long line, int value) {
      super(String.format("byte 0x%02x on line %d is not UTF-8", value, line));
      this.line = line;
      this.value = value;
    }

    DataException toDataException(String file) {
      return new DataException(file, 0, line, null, String.format("byte 0x%02x is not UTF-8 text", value)
          + "; the file looks Latin-1 or Windows-1252 (Excel's default on Windows): save it as UTF-8, or set"
          + " data: {encoding: windows-1252} (or latin-1)");
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing " + file, e);
    }
  }
}
