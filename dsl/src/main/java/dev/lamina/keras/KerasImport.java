package dev.lamina.keras;

import dev.lamina.model.Model;

/**
 * A Keras model imported into Lamina.
 *
 * @param model the Lamina model, built, with the Keras weights (uncompiled: add a compile section
 *     to its spec to keep training)
 * @param format which file layout it came from: {@code keras3}, {@code keras2-archive},
 *     {@code legacy-h5} or {@code json+h5}
 * @param kerasVersion the Keras version that wrote the file, or null when the file does not say
 * @param modelClass {@code Sequential} or {@code Functional}
 */
public record KerasImport(Model model, String format, String kerasVersion, String modelClass) {}
