package org.strnn.datasets.faces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.SampleSet;

/**
 * Reads a CK+-style directory (see {@link CkPlusCatalog}) into face-sequence samples.
 *
 * <p>Each labelled sequence becomes one sample of {@code T x n x d} values: {@link FrameSampler}
 * picks {@code T} frames (evenly spaced, first and last included, frames repeated when the
 * sequence is shorter than {@code T}); {@link GreyImage} converts each to grey in {@code [0, 1]};
 * and {@link PatchGrid} resizes it by area averaging and turns its {@code h x w} patches into
 * {@code n = h*w} vertices of {@code d} features. Samples follow the catalog order (subject, then
 * sequence). Sequences without a label file are skipped and listed in
 * {@link CkPlusDataset#unlabelled()}.
 *
 * <p>Every frame's header is read to check that a sequence's frames share one size (a
 * {@link DatasetException} otherwise); only the sampled frames are decoded. No face detection or
 * cropping is done: the whole frame is resized, so crop beforehand if the face should fill it.
 */
public final class CkPlusReader {

    private final int steps;
    private final PatchGrid grid;

    /**
     * @param steps time slices per sample ({@code T >= 1})
     * @param grid  the patch lattice and descriptor of every slice
     */
    public CkPlusReader(int steps, PatchGrid grid) {
        if (steps < 1) {
            throw new IllegalArgumentException("a sample needs T >= 1 slices, got " + steps);
        }
        this.steps = steps;
        this.grid = grid;
    }

    public int steps() {
        return steps;
    }

    public PatchGrid grid() {
        return grid;
    }

    /** Scans and reads {@code root}. */
    public CkPlusDataset read(Path root) {
        return read(CkPlusCatalog.scan(root));
    }

    /** Reads the labelled sequences of a catalog. */
    public CkPlusDataset read(CkPlusCatalog catalog) {
        List<CkPlusSequence> sequences = catalog.labelled();
        if (sequences.isEmpty()) {
            throw new DatasetException(catalog.root(), "holds no labelled sequences (" + catalog.unlabelledCount()
                    + " without a label file)");
        }
        int sliceLength = grid.vertices() * grid.features();
        int sampleLength = steps * sliceLength;
        double[] data = new double[Math.multiplyExact(sequences.size(), sampleLength)];
        int[] labels = new int[sequences.size()];
        List<String> subjects = new ArrayList<>(sequences.size());
        List<String> ids = new ArrayList<>(sequences.size());
        for (int i = 0; i < sequences.size(); i++) {
            CkPlusSequence seq = sequences.get(i);
            checkOneSize(seq);
            int[] picked = FrameSampler.indices(seq.frames().size(), steps);
            Map<Integer, double[]> slices = new HashMap<>();
            for (int t = 0; t < steps; t++) {
                double[] slice = slices.computeIfAbsent(picked[t],
                        k -> grid.encode(GreyImage.read(seq.frames().get(k))));
                System.arraycopy(slice, 0, data, i * sampleLength + t * sliceLength, sliceLength);
            }
            labels[i] = seq.emotion().classIndex();
            subjects.add(seq.subject());
            ids.add(seq.id());
        }
        SampleSet samples = new SampleSet(data, labels, steps, grid.layout(), grid.features(),
                CkPlusEmotion.classNames());
        return new CkPlusDataset(samples, subjects, ids, catalog.unlabelled());
    }

    private static void checkOneSize(CkPlusSequence seq) {
        Path firstFrame = seq.frames().get(0);
        GreyImage.Size first = GreyImage.readSize(firstFrame);
        for (Path frame : seq.frames()) {
            GreyImage.Size size = GreyImage.readSize(frame);
            if (!size.equals(first)) {
                throw new DatasetException(frame, "is " + size + " but " + firstFrame.getFileName() + " is " + first
                        + "; the frames of one sequence must share one size");
            }
        }
    }
}
