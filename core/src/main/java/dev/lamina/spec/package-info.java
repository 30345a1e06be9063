/**
 * Immutable model specs (records) that both front ends produce and the engine builds from, plus
 * the registries that resolve Keras-style component names with "did you mean" errors.
 */
package dev.lamina.spec;
