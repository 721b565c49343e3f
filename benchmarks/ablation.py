#!/usr/bin/python3
"""The ablation table of the README: each switch of the spec against the default STRNN, on the
synthetic task and on real EEG, each over several seeds. Runs `./strnn train --json` and prints a
Markdown table (mean and spread of the last-epoch test accuracy, and of the best epoch, which is
selected on the test data and only reported as such).

    /usr/bin/python3 benchmarks/ablation.py synthetic --seeds 1,2,3
    /usr/bin/python3 benchmarks/ablation.py eeg --seeds 1,2,3 --eeg-dir ../shared/data/eegmmidb-S001
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STRNN = os.path.join(ROOT, "strnn")

VARIANTS = [
    ("STRNN (defaults: L1, 4 directions, sum)", []),
    ("proximal sparsity", ["--sparsity", "proximal"]),
    ("no sparsity", ["--sparsity", "none"]),
    ("2 directions", ["--directions", "2"]),
    ("1 direction", ["--directions", "1"]),
    ("concat merge", ["--merge", "concat"]),
    ("no spatial RNN", ["--no-spatial-rnn"]),
    ("no temporal RNN", ["--no-temporal-rnn"]),
    ("no spatial and no temporal RNN", ["--no-spatial-rnn", "--no-temporal-rnn"]),
    ("tanh activation", ["--activation", "tanh"]),
    ("gradient clipping at norm 1", ["--clip", "1"]),
]


def task_args(task: str, eeg_dir: str) -> list:
    if task == "synthetic":
        return ["--data", "synthetic:train=1200,test=600", "--epochs", "20"]
    runs = [os.path.join(eeg_dir, f"S001R{r:02d}.edf") for r in range(3, 11)]
    missing = [r for r in runs if not os.path.exists(r)]
    if missing:
        sys.exit(f"ablation: missing EEG files: {missing}")
    return ["--data", "edf:" + ",".join(runs[:6]), "--test", "edf:" + ",".join(runs[6:]),
            "--events", "T0=rest,T1=task,T2=task", "--epochs", "20"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("task", choices=("synthetic", "eeg"))
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--threads", default="1")
    ap.add_argument("--eeg-dir", default=os.path.join(ROOT, "..", "shared", "data", "eegmmidb-S001"))
    ap.add_argument("--json-out")
    args = ap.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    base = task_args(args.task, args.eeg_dir)
    results = []
    with tempfile.TemporaryDirectory() as work:
        for name, switches in VARIANTS:
            last, best, secs = [], [], []
            for seed in seeds:
                out = os.path.join(work, f"{len(results)}-{seed}")
                cmd = [STRNN, "train", *base, *switches, "--seed", str(seed), "--threads", args.threads,
                       "--out", out, "--json", "--no-plots"]
                p = subprocess.run(cmd, capture_output=True, text=True)
                if p.returncode != 0:
                    sys.exit(f"ablation: {' '.join(cmd)} failed:\n{p.stderr}")
                r = json.loads(p.stdout)
                last.append(r["test_accuracy"])
                best.append(r["best_test_accuracy"])
                secs.append(r["seconds"])
                print(f"{name} seed {seed}: last {r['test_accuracy']:.3f} best {r['best_test_accuracy']:.3f}",
                      file=sys.stderr)
            results.append({"variant": name, "switches": switches, "last": last, "best": best, "seconds": secs,
                            "train_samples": r["train_samples"], "test_samples": r["test_samples"]})

    def fmt(xs):
        m = 100 * statistics.mean(xs)
        s = 100 * statistics.pstdev(xs) if len(xs) > 1 else 0.0
        return f"{m:.1f} ± {s:.1f}"

    print(f"\n{args.task}: {results[0]['train_samples']} train / {results[0]['test_samples']} test samples, "
          f"seeds {args.seeds}; accuracy % (mean ± population std over seeds)\n")
    print("| variant | switches | last epoch | best epoch (selected on test) | s per run |")
    print("| --- | --- | --- | --- | --- |")
    for r in results:
        print(f"| {r['variant']} | `{' '.join(r['switches']) or '-'}` | {fmt(r['last'])} | {fmt(r['best'])} | "
              f"{statistics.mean(r['seconds']):.0f} |")
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
