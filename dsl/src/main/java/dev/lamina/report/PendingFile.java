package dev.lamina.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file being written in the background of its final name: bytes go to a temporary file in the
 * same folder, and {@link #commit()} forces them to disk and renames the temporary file over the
 * target in one atomic step ({@code Files.move(..., ATOMIC_MOVE, REPLACE_EXISTING)}).
 *
 * <p>Lifecycle: {@link #open(Path)}, write to {@link #stream()}, then {@link #commit()} exactly
 * once; {@link #abort()} or {@link #close()} without a commit deletes the temporary file, so a
 * failed or abandoned write never leaves a partial file and never touches the previous one. Use it
 * in try-with-resources: an exception before {@code commit()} aborts.
 *
 * <p>The temporary file is named {@code .<name>.<pid>-<n>.tmp} in the target's folder (same folder,
 * hence same file system, which is what makes the rename atomic) and is created with the default
 * permissions, so the committed file has the permissions of any other file the user writes. On a
 * file system that cannot rename atomically, the commit falls back to a plain replacing move.
 * Not thread-safe: one writer per instance.
 */
public final class PendingFile implements AutoCloseable {
  /** Buffer of the stream: large enough that a many-gigabyte file costs few system calls. */
  static final int BUFFER_BYTES = 1 << 16;

  private static final String TEMP_SUFFIX = ".tmp";
  private static final AtomicLong COUNTER = new AtomicLong();

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream stream;
  private boolean finished;

  private PendingFile(Path target, Path temp, FileChannel channel) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
  }

  /**
   * Starts writing {@code target}; creates its parent folders if missing. The target itself is
   * not touched until {@link #commit()}.
   *
   * @throws UncheckedIOException if the folder or the temporary file cannot be created
   */
  public static PendingFile open(Path target) {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    try {
      Files.createDirectories(folder);
      while (true) {
        Path temp = folder.resolve(tempName(absolute));
        try {
          FileChannel channel =
              FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          return new PendingFile(absolute, temp, channel);
        } catch (FileAlreadyExistsException collision) {
          // A stale temporary file from a crashed process with the same pid: pick the next name.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file next to " + absolute, e);
    }
  }

  private static String tempName(Path target) {
    return "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
        + COUNTER.incrementAndGet() + TEMP_SUFFIX;
  }

  /** The buffered stream to write the content to; do not close it, commit or abort instead. */
  public OutputStream stream() {
    return stream;
  }

  /** The file this will become on commit (absolute). */
  public Path target() {
    return target;
  }

  /** The temporary file (absolute); exposed so tests can check it is gone after an abort. */
  public Path temp() {
    return temp;
  }

  /**
   * Flushes, forces the bytes to disk, and renames the temporary file over the target. On failure
   * the temporary file is deleted and the previous target is left as it was.
   *
   * @throws IllegalStateException if already committed or aborted
   * @throws UncheckedIOException if writing, forcing or renaming fails
   */
  public void commit() {
    if (finished) {
      throw new IllegalStateException("the pending write of " + target + " is already finished");
    }
    finished = true;
    try {
      stream.flush();
      channel.force(true);
      channel.close();
      move();
    } catch (IOException e) {
      deleteTemp();
      throw new UncheckedIOException("cannot write " + target, e);
    }
    forceFolder();
  }

  private void move() throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes the rename itself durable; folders cannot be opened for this on every OS. */
  private void forceFolder() {
    try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      // The content is already on disk; only the rename's durability is best effort.
    }
  }

  /** Discards everything written so far; the target is untouched. Does nothing once finished. */
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    deleteTemp();
  }

  private void deleteTemp() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing only releases the handle; the delete below is what matters.
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // Nothing more can be done; the name starts with a dot and ends in .tmp so it is visible
      // as debris and never mistaken for the target.
    }
  }

  /** Aborts unless committed, so an exception inside try-with-resources discards the file. */
  @Override
  public void close() {
    abort();
  }
}
