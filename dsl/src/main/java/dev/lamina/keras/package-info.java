/**
 * Keras interop: import Keras 2 and Keras 3 model files ({@code .keras} archives, legacy
 * {@code .h5}, {@code to_json()} JSON plus weights) into Lamina models, and export Lamina models as
 * Keras 3 {@code .keras} archives or legacy {@code .h5} files.
 *
 * <p>Files from strangers are data, never code: no class is picked by a name from a file (layers
 * are mapped by a fixed table), Lambda layers and custom objects are refused, the zip and the HDF5
 * structure are checked (names, counts, sizes, shapes) before anything is allocated. HDF5 is read
 * with jhdf and written with {@link dev.lamina.keras.Hdf5Writer}, a small writer for the subset
 * Keras uses.
 */
package dev.lamina.keras;
