package dev.lamina.layertype;

import dev.lamina.spec.DType;

/**
 * What building one layer needs besides its spec.
 *
 * @param name the layer's name ({@code dense_1})
 * @param inputWidth the number of columns the layer receives
 * @param index the layer's position in the model
 * @param seed the model seed, from which every tensor's generator derives
 * @param path the spec path of the layer, for messages ({@code layers[2].dense})
 * @param dtype the precision of the model's matrix products
 */
public record BuildContext(String name, int inputWidth, int index, long seed, String path, DType dtype) {}
