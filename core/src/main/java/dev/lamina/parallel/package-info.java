/**
 * The process-wide pool of kernel threads that the large products and the optimizer step split
 * their work over, in disjoint ranges whose results do not depend on the thread count; and
 * {@link dev.lamina.parallel.VectorApi}, whether the loops written on the Vector API run.
 */
package dev.lamina.parallel;
