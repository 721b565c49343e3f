#!/usr/bin/python3
"""Expected values for StatisticsGoldenTest, computed with SciPy and NumPy (Debian's python3-scipy).

    /usr/bin/python3 training/src/test/python/statistics_expected.py

writes training/src/test/resources/statistics-expected.json. The test reads the committed file, so
SciPy is needed only to make it again.
"""
import json
import os

import numpy as np
from scipy import stats

rng = np.random.default_rng(20261208)
quantiles = []
for df in [1, 2, 3, 4, 5, 6, 7, 9, 13, 29, 99, 0.5, 2.5]:
    for p in [0.5, 0.6, 0.9, 0.975, 0.995, 0.025, 0.999]:
        quantiles.append({"p": p, "df": df, "t": float(stats.t.ppf(p, df))})
cdfs = []
for df in [1, 3, 10, 40]:
    for t in [-3.0, -0.5, 0.0, 0.7, 2.0, 6.0]:
        cdfs.append({"t": t, "df": df, "cdf": float(stats.t.cdf(t, df))})
paired = []
for n in [2, 3, 5, 10, 14]:
    a = rng.uniform(0.3, 1.0, n)
    b = a - rng.normal(0.02, 0.05, n)
    d = a - b
    m = float(np.mean(d))
    lo, hi = stats.t.interval(0.95, n - 1, loc=m, scale=stats.sem(d))
    paired.append({"a": a.tolist(), "b": b.tolist(), "mean": m, "low": float(lo), "high": float(hi),
                   "std": float(np.std(a)), "sample_std": float(np.std(a, ddof=1))})
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "statistics-expected.json")
with open(out, "w") as f:
    json.dump({"quantiles": quantiles, "cdfs": cdfs, "paired": paired}, f, indent=1)
    f.write("\n")
