/**
 * Files: NumPy {@code .npy}/{@code .npz} arrays ({@link org.strnn.formats.NpyArray},
 * {@link org.strnn.formats.Npz}), model files that NumPy can load
 * ({@link org.strnn.nn.io.ModelFile}), their {@code config.json} ({@link org.strnn.formats.Json},
 * {@link org.strnn.nn.io.Provenance}). Writes are atomic; reads are checked in full and fail with
 * a one-line {@link org.strnn.formats.FormatException} naming the file.
 */
package org.strnn.nn.io;

