/**
 * Scoring from Java: {@link dev.lamina.predict.Predictor} loads a saved model (a run folder, a
 * {@code model.lamina} file or a Keras file) once and scores raw rows from any number of threads;
 * each row's {@link dev.lamina.predict.Prediction} is shaped by the model's
 * {@link dev.lamina.task.Task} (a class with its probabilities, labels, or values per target). The {@code serve} module and the {@code predict}
 * command's tests build on it.
 */
package dev.lamina.predict;
