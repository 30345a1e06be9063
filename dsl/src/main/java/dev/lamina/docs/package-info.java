/**
 * The project's documents generated from its code: {@link dev.lamina.docs.Documentation} writes the
 * YAML reference, the command-line reference and the initializer guide with its figures, so each
 * table, default and figure is the code's own and a test notices when a committed copy is stale.
 */
package dev.lamina.docs;
