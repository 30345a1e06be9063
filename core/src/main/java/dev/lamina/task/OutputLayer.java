package dev.lamina.task;

/**
 * The model's last layer, as far as the task is concerned.
 *
 * @param units the number of outputs
 * @param activation the output activation's canonical name ({@code sigmoid}, {@code softmax},
 *     {@code linear}, ...), or null when unknown
 * @param path the spec path of the layer that sets {@code units}, for messages
 *     ({@code layers[3].dense.units})
 */
public record OutputLayer(int units, String activation, String path) {}
