/**
 * Optimizers and learning-rate schedules with Keras 3's names, defaults and update rules:
 * {@link dev.lamina.optim.Sgd}, {@link dev.lamina.optim.Adam}, {@link dev.lamina.optim.AdamW},
 * {@link dev.lamina.optim.RmsProp}, {@link dev.lamina.optim.Adagrad}, {@link dev.lamina.optim.Nadam}
 * on the shared {@link dev.lamina.optim.Optimizer} base (clipping, decoupled weight decay,
 * schedules), resolved by name through {@link dev.lamina.optim.Optimizers} and
 * {@link dev.lamina.optim.Schedules}.
 */
package dev.lamina.optim;
