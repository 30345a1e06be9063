/**
 * Lamina on Apache Spark: the sweep with one Spark task per training ({@link dev.lamina.spark.SparkEngine},
 * {@link dev.lamina.spark.SparkSweep}) and batch scoring of large CSV files
 * ({@link dev.lamina.spark.SparkPredict}). Spark is a provided dependency; see docs/SPARK.md.
 */
package dev.lamina.spark;
