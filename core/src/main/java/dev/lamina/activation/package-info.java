/**
 * Activation functions with Keras 3's names, defaults and formulas, each with its derivative on
 * the lines next to it. {@link dev.lamina.activation.Activations#REGISTRY} maps names (and Keras
 * class-style spellings and aliases) to them.
 */
package dev.lamina.activation;
