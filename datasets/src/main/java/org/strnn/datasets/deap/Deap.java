package org.strnn.datasets.deap;

import java.util.List;

/**
 * Facts about DEAP's preprocessed MATLAB files (Koelstra et al., IEEE Trans. Affective Computing
 * 3(1):18-31, 2012; the data set's "data_preprocessed_matlab" description): one {@code sNN.mat} per
 * participant holding {@code data}, 40 trials x 40 channels x 8064 samples at 128 Hz (3 s of
 * pre-trial baseline, then the 60-s music video), and {@code labels}, 40 trials x 4 ratings
 * (valence, arousal, dominance, liking) on a 1-9 scale. Channels 1-32 are EEG in
 * {@link #CHANNELS}' order (BioSemi's 32-channel 10-20 cap); channels 33-40 are peripheral.
 */
public final class Deap {

    private Deap() {
    }

    /** The 32 EEG channels, in the order of the first dimension 2 indices of {@code data}. */
    public static final List<String> CHANNELS = List.of("Fp1", "AF3", "F3", "F7", "FC5", "FC1", "C3", "T7", "CP5",
            "CP1", "P3", "P7", "PO3", "O1", "Oz", "Pz", "Fp2", "AF4", "Fz", "F4", "F8", "FC6", "FC2", "Cz", "C4", "T8",
            "CP6", "CP2", "P4", "P8", "PO4", "O2");

    /** Trials (music videos) per participant. */
    public static final int TRIALS = 40;

    /** Channels in {@code data}: 32 EEG and 8 peripheral. */
    public static final int ALL_CHANNELS = 40;

    /** Samples per trial in {@code data}: 63 s at 128 Hz. */
    public static final int SAMPLES = 8064;

    /** The sampling rate of the preprocessed data, in Hz. */
    public static final int RATE = 128;

    /** Seconds of pre-trial baseline at the start of every trial. */
    public static final int BASELINE_SECONDS = 3;

    /** Ratings per trial: valence, arousal, dominance, liking. */
    public static final int RATINGS = 4;
}
