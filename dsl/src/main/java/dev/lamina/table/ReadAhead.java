package dev.lamina.table;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The rows of a {@link CsvReader} split into fields on a second thread, up to a thousand rows ahead
 * of the thread that stores them: tokenizing (Jackson's parser, the UTF-8 check and the file's
 * SHA-256) and parsing the numbers (half of a large file's reading each) then run on two cores.
 *
 * <p>Rows, lines and errors arrive exactly as the reader gives them, in file order: an error the
 * reader throws (a ragged row, a malformed quote, a byte that is not UTF-8) is thrown by
 * {@link #next()} after the rows before it, as a reader on one thread would. The byte count and
 * the hash are the reader's, read after the rows they cover.
 *
 * <p>Used for regular files of at least {@link #MIN_BYTES}: for the churn example's 0.7 MB a second
 * thread costs more than the few milliseconds it could save, and a pipe's size is unknown.
 */
final class ReadAhead implements CsvRows, AutoCloseable {
  /** Files from this size are read ahead (about 36,000 rows of a dozen 17-digit numbers). */
  static final long MIN_BYTES = 8L << 20;
  /** The most rows handed over at once. */
  static final int CHUNK_ROWS = 256;
  /** The most cells handed over at once: a wide file's chunks hold fewer rows. */
  static final int CHUNK_CELLS = 1 << 12;
  /**
   * Chunks the reading thread may be ahead. Few and small (at most 16,384 cells in flight, about
   * 1 MB): rows waiting in the queue survive collections and get promoted; with 16 chunks of
   * 1,024 rows the scoring of a 224 MB file kept twice the heap (RSS 0.8-0.9 GB against 0.45),
   * with 4 of 256 rows as much as without reading ahead, as fast.
   */
  private static final int QUEUE_CHUNKS = 4;
  private static final long POLL_MILLIS = 50;

  /** Rows of one hand-over; ends the file when shorter than {@link #chunkRows} or with an error. */
  private record Chunk(String[][] rows, long[] lines, int size, long bytesRead, Throwable error) {}

  private final CsvReader reader;
  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
  private final Thread thread;
  private final int chunkRows;
  private volatile boolean closed;
  private Chunk chunk;
  private int index;
  private String[] current;
  private long row;
  private long line;

  /** Starts reading {@code reader}'s rows on a new thread; {@link #close()} stops it (the caller closes the reader). */
  ReadAhead(CsvReader reader) {
    this.reader = reader;
    this.chunkRows = chunkRows(reader.header().size());
    this.thread = new Thread(this::produce, "lamina-csv-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether a file of {@code bytes} (-1 when unknown) of at least {@code minBytes} gets a reading thread on this machine. */
  static boolean pays(long bytes, long minBytes) {
    return bytes >= 0 && bytes >= minBytes && Runtime.getRuntime().availableProcessors() > 1;
  }

  /**
   * Rows per hand-over for rows of {@code columns} cells: a power of two up to {@link #CHUNK_ROWS}
   * with at most {@link #CHUNK_CELLS} cells (one row when a row is wider). Powers of two divide
   * {@link ColumnStore}'s row-count estimate point, so the bytes read when a chunk ends are those a
   * reader on one thread reports at that row.
   */
  static int chunkRows(int columns) {
    return Integer.highestOneBit(Math.max(1, Math.min(CHUNK_ROWS, CHUNK_CELLS / Math.max(1, columns))));
  }

  private void produce() {
    while (!closed) {
      String[][] rows = new String[chunkRows][];
      long[] lines = new long[chunkRows];
      int n = 0;
      try {
        while (n < chunkRows && reader.next()) {
          rows[n] = reader.fields().clone();
          lines[n++] = reader.line();
        }
      } catch (Throwable e) {
        hand(new Chunk(rows, lines, n, -1, e));
        return;
      }
      hand(new Chunk(rows, lines, n, reader.bytesRead(), null));
      if (n < chunkRows) {
        return;
      }
    }
  }

  private void hand(Chunk c) {
    try {
      while (!closed && !queue.offer(c, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        // The consumer is busy; wait for room unless it has closed.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Advances to the next row, as {@link CsvReader#next()}, throwing what it threw in its place. */
  @Override
  public boolean next() {
    while (chunk == null || index == chunk.size()) {
      if (chunk != null) {
        if (chunk.error() != null) {
          throw rethrow(chunk.error());
        }
        if (chunk.size() < chunkRows) {
          return false;
        }
      }
      chunk = take();
      index = 0;
    }
    current = chunk.rows()[index];
    line = chunk.lines()[index];
    row++;
    chunk.rows()[index++] = null;
    return true;
  }

  private Chunk take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + reader.file(), e);
    }
  }

  private static RuntimeException rethrow(Throwable e) {
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(e);
  }

  /** The current row's fields, one per header column (untrimmed), as {@link CsvReader#fields()}. */
  @Override
  public String[] fields() {
    return current;
  }

  /** The current row's 1-based data row number: the rows returned so far, as the reader counts them. */
  @Override
  public long row() {
    return row;
  }

  /** The 1-based physical line where the current row starts. */
  @Override
  public long line() {
    return line;
  }

  /** The bytes the reader had read when the current row's chunk ended ({@link CsvReader#bytesRead()}). */
  @Override
  public long bytesRead() {
    return chunk == null ? -1 : chunk.bytesRead();
  }

  /** Stops the reading thread and waits for it; the rows not taken are dropped. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
