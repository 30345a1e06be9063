/**
 * The files a run folder holds after {@code java -jar builder.jar model.yaml}: {@code metrics.json},
 * {@code history.csv} (Keras's {@code CSVLogger} layout), {@code history.json}, the loss and metric
 * plots (PNG) and {@code predictions.csv}.
 *
 * <p>Every writer here takes plain data (maps, lists and arrays), not engine classes, so the
 * front end can call it with whatever the trainer returns. Every file is written atomically
 * through {@link dev.lamina.report.AtomicFile} or {@link dev.lamina.report.PendingFile}: a reader
 * sees the previous file or the complete new one, never a half-written file, and a failed write
 * leaves the previous file in place.
 *
 * <p>Numbers are written with full precision: CSV files use Python's {@code repr} of a float (the
 * shortest decimal that reads back to the same double, {@code 1e-05}, {@code 0.6931471824645996}),
 * as Keras's {@code CSVLogger} does; JSON files use Jackson's shortest round-trip form and write
 * NaN and infinities as {@code null}, because JSON has no such numbers.
 */
package dev.lamina.report;
