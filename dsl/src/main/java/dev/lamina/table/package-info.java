/**
 * The CSV data pipeline: from a file and the {@code data:} section of a spec
 * ({@link dev.lamina.table.DataSpec}) to training and test matrices
 * ({@link dev.lamina.table.TablePipeline#prepare}), and a
 * {@link dev.lamina.table.FittedPipeline} that turns new rows into the same features at predict
 * time, streaming files of any size. Every problem in the data is a
 * {@link dev.lamina.table.DataException} that names the file, row, line and column and says how
 * to fix it.
 */
package dev.lamina.table;
