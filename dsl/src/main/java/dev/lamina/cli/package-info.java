/**
 * The {@code builder.jar} command line (picocli): parses arguments, delegates to {@code run}, prints
 * one-line errors and returns the documented exit codes. The only package that prints or exits.
 */
package dev.lamina.cli;
