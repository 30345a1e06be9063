package dev.lamina.keras;

import dev.lamina.model.Model;

/**
 * A Keras model imported into Lamina.
 *
 * @param model the Lamina model, built, with the Keras weights and compile settings
 * @param format which file layout it came from: {@code keras3}, {@code keras2-archive},
 *     {@code legacy-h5} or {@code json+h5}
 * @param kerasVersion the Keras version that wrote the file, or null when the file does not say
 * @param modelClass {@code Sequential} or {@code Functional}
 * @param compileFromFile true when the compile settings (optimizer, loss, metrics) were read from
 *     the file; false when the file had none Lamina can use and they were derived from the output
 *     layer (see the spec's compile section)
 */
public record KerasImport(Model model, String format, String kerasVersion, String modelClass, boolean compileFromFile) {}
