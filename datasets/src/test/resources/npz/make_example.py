"""Makes example.npz the way docs/features-npz.md's example does (numpy.savez_compressed with x, y,
trial, subject, channels and classes). Run with Debian's /usr/bin/python3 (python3-numpy):

    /usr/bin/python3 make_example.py

3 subjects x 6 trials (2 per class) x 12 windows of DE on DEAP's 32 electrodes x 5 bands, float64.
Each class raises the DE of a band on a few electrodes, so the classes can be learnt.
"""
import numpy as np

rng = np.random.default_rng(12)
channels = ["Fp1", "AF3", "F3", "F7", "FC5", "FC1", "C3", "T7", "CP5", "CP1", "P3", "P7", "PO3", "O1", "Oz", "Pz",
            "Fp2", "AF4", "Fz", "F4", "F8", "FC6", "FC2", "Cz", "C4", "T8", "CP6", "CP2", "P4", "P8", "PO4", "O2"]
windows_per_trial = 12
rows, labels, trial_ids, subject_ids = [], [], [], []
for subject in range(1, 4):
    for trial in range(6):
        label = trial % 3
        for w in range(windows_per_trial):
            de = 10 - np.arange(5)[None, :] + rng.normal(0, 1, (32, 5))
            de[label * 8:(label + 1) * 8, 2] += 2.0
            rows.append(de)
            labels.append(label)
            trial_ids.append(trial)
            subject_ids.append(subject)
de = np.stack(rows)
np.savez_compressed("example.npz",
    x=de,                      # (W, 32, 5) float64: DE of 5 bands on 32 electrodes, one row per second
    y=np.array(labels), trial=np.array(trial_ids), subject=np.array(subject_ids),
    channels=np.array(channels),
    classes=np.array(["negative", "neutral", "positive"]))
