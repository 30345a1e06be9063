package dev.lamina.model;

/**
 * What LSUV did to one Dense layer (see {@link dev.lamina.init.Lsuv}).
 *
 * @param layer the layer's index in the model
 * @param name the layer's name
 * @param rescalings how many times the kernel was divided by sqrt(Var(z))
 * @param variance Var(z) of the pre-activation on the batch after the last rescaling
 * @param converged whether |variance - 1| is below the tolerance
 */
public record LsuvStep(int layer, String name, int rescalings, double variance, boolean converged) {}
