package dev.lamina.keras;

import dev.lamina.spec.ModelSpec;
import java.util.List;

/**
 * What a Keras model config describes, mapped to Lamina: the spec, the input width, and for each
 * layer with weights where Keras stores them and which shapes they must have.
 *
 * @param spec the equivalent Lamina model spec (input width set on the first Dense layer)
 * @param modelClass {@code Sequential} or {@code Functional}
 * @param inputWidth the number of input columns
 * @param weighted the layers that own weights, in model order
 */
record KerasArchitecture(ModelSpec spec, String modelClass, int inputWidth, List<WeightedLayer> weighted) {
  /**
   * A layer that owns weights.
   *
   * @param name the Keras layer name ({@code dense_6})
   * @param kerasClass its class ({@code Dense}, {@code PReLU})
   * @param savePath the Keras 3 archive path element ({@code dense}, {@code dense_1}): the
   *     snake_case class name plus a per-class counter, as Keras 3's {@code saving_lib} names it
   * @param roles the weights' roles in storage order ({@code kernel}, {@code bias}, {@code alpha})
   * @param shapes the shape each weight must have
   */
  record WeightedLayer(String name, String kerasClass, String savePath, List<String> roles, List<long[]> shapes) {}
}
