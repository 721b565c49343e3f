/**
 * Files: NumPy {@code .npy}/{@code .npz} arrays ({@link org.strnn.nn.io.NpyArray},
 * {@link org.strnn.nn.io.Npz}), model files that NumPy can load
 * ({@link org.strnn.nn.io.ModelFile}), their {@code config.json} ({@link org.strnn.nn.io.Json},
 * {@link org.strnn.nn.io.Provenance}). Writes are atomic; reads are checked in full and fail with
 * a one-line {@link org.strnn.nn.io.ModelFileException} naming the file.
 */
package org.strnn.nn.io;
