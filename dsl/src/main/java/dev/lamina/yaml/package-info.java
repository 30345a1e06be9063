/**
 * The YAML front end: {@link dev.lamina.yaml.SpecReader} turns a {@code model.yaml} written with
 * Keras's names into a {@link dev.lamina.runspec.RunSpec} with a {@link dev.lamina.yaml.SourceMap}
 * of where each value was written, so every error reads {@code model.yaml:line:column: ...};
 * {@link dev.lamina.yaml.SpecWriter} writes a spec back in the same canonical form.
 *
 * <p>Data flow: text, then SnakeYAML's composer (nodes only, limits enforced), then
 * {@code NodeGuard} (tags, recursion, depth), then {@code RunReader} with {@code DataReader},
 * {@code LayerReader} and {@code ComponentReader}, each reading typed values through
 * {@code NodeReader} and {@code MapReader}, then the records, whose own validation errors are
 * re-thrown with the full path and position.
 */
package dev.lamina.yaml;
