package dev.lamina.table;

/**
 * The data rows of a CSV file in file order, each split into one field per header column:
 * {@link CsvReader} on the calling thread, or {@link ReadAhead} from a second one.
 */
interface CsvRows {
  /**
   * Advances to the next data row.
   *
   * @return false at the end of the file
   * @throws DataException for a row the file gets wrong (ragged, malformed, not UTF-8)
   */
  boolean next();

  /** The current row's fields (untrimmed), one per header column; valid until the next call of {@link #next()}. */
  String[] fields();

  /** The current row's 1-based data row number (the header is not counted). */
  long row();

  /** The 1-based physical line where the current row starts. */
  long line();

  /** The bytes of the file read so far (a little ahead of the current row), or -1 when not known. */
  long bytesRead();
}
