package dev.lamina.diagnose;

/**
 * Statistics of one Dense layer on one batch, after one forward and one backward pass with no
 * weight update (see {@link Diagnostics}). Means and standard deviations are over all values
 * (population form, divided by n).
 *
 * @param index the layer's index in the model (Dropout and activation layers count)
 * @param name the layer's name ({@code dense_1})
 * @param activation the activation's name
 * @param fanIn inputs of the kernel
 * @param fanOut units
 * @param initializer the kernel initializer's name ({@code he_uniform}, or {@code he_uniform (auto)})
 * @param targetStd the standard deviation the initializer aims for, NaN when it has none
 * @param weightMean mean of the kernel's values
 * @param weightStd standard deviation of the kernel's values
 * @param preActivationStd standard deviation of z = x . kernel + bias over the batch
 * @param activationMean mean of the layer's outputs over the batch
 * @param activationStd standard deviation of the layer's outputs over the batch
 * @param gradientNorm Euclidean norm of dLoss/dKernel
 * @param gradientStd standard deviation of dLoss/dKernel's values
 * @param errorNorm Euclidean norm of the back-propagated error dLoss/dz over the batch
 * @param errorStd standard deviation of dLoss/dz's values over the batch (the "gradient" of the
 *     vanishing-gradient story: unlike dLoss/dKernel it is not rescaled by the layer's input)
 * @param errorStdRatio errorStd divided by the output layer's errorStd (1 for the output layer)
 * @param deadFraction for the ReLU family, the fraction of units whose z is never positive on the
 *     batch (they pass no gradient); NaN for other activations
 * @param saturatedFraction for saturating activations, the fraction of outputs in the flat tails
 *     (see {@link Saturation}); NaN for others
 * @param duplicateUnits how many units have exactly the same kernel column and bias as an earlier
 *     unit (symmetry not broken: they will stay copies)
 */
public record LayerStats(int index, String name, String activation, int fanIn, int fanOut, String initializer,
    double targetStd, double weightMean, double weightStd, double preActivationStd, double activationMean,
    double activationStd, double gradientNorm, double gradientStd, double errorNorm, double errorStd, double errorStdRatio,
    double deadFraction, double saturatedFraction, int duplicateUnits) {}
