/** Layers of a Sequential network: Dense, Dropout, Activation (LeakyReLU, ELU) and PReLU. */
package dev.lamina.layer;
