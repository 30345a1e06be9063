/** The {@code model.lamina} file: spec, weights and fitted pipeline in one checked file. */
package dev.lamina.persist;
