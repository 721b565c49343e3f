#!/usr/bin/python3
"""The accuracy tables of the README: STRNN with the default recipe, every ablation, and the LDA and
logistic-regression baselines, as mean ± std over seeds (and folds), on four tasks. Runs
`./strnn train --json` per (variant, seed, fold) and prints Markdown tables. Nothing is selected on
the test data: STRNN's number is the test accuracy of the model selected on validation trials held
out of the training data (the default), and the last epoch's is shown beside it.

    /usr/bin/python3 benchmarks/accuracy.py tables --seeds 1,2,3 --jobs 2
    /usr/bin/python3 benchmarks/accuracy.py tables --tasks neighbours --seeds 1,2,3
    /usr/bin/python3 benchmarks/accuracy.py recipe --seeds 1,2,3 --jobs 2

Tasks:
  synthetic    the default data: SEED-shaped samples (62 electrodes, T=9, d=5, 3 classes),
               1200 train / 600 test
  neighbours   two marks on a 5x5 lattice, labelled by whether they touch (needs spatial context),
               800 train / 400 test
  rest-move    PhysioNet S001: rest (T0) against movement (T1, T2); runs R03-R08 train, R09-R10 test
  left-right   PhysioNet S001: left (T1) against right (T2) fist, real and imagined (R03, R04, R07,
               R08); leave-one-run-out, 4 folds (a run's events never straddle folds)

`recipe` measures each switch of the training recipe on development data that the tables do not
report: the synthetic and neighbour tasks drawn with other data seeds (--data-seeds, 99 by
default; the tables use 7 and 1), and rest-move with runs R03-R06 for training and R07-R08 for
testing (R09-R10 are left alone). Its tables add the mean validation loss, the criterion a recipe
is chosen by. --ablation runs every recipe row a second time with an ablation's switches, so a
recipe can be judged on whether it helps the full model more than the ablation:

    /usr/bin/python3 benchmarks/accuracy.py recipe --tasks synthetic --data-seeds 98,99 --seeds 1,2,3 \
        --variants dropout --ablation "no temporal RNN" --jobs 2
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STRNN = os.path.join(ROOT, "strnn")
EEG = os.path.join(ROOT, "data", "eegmmidb-S001")

DEFAULT = ("STRNN (default recipe)", [])
ABLATIONS = [
    ("proximal sparsity", ["--sparsity", "proximal"]),
    ("no sparsity", ["--sparsity", "none"]),
    ("2 directions", ["--directions", "2"]),
    ("1 direction", ["--directions", "1"]),
    ("concat merge", ["--merge", "concat"]),
    ("no spatial RNN", ["--no-spatial-rnn"]),
    ("no temporal RNN", ["--no-temporal-rnn"]),
    ("no spatial and no temporal RNN", ["--no-spatial-rnn", "--no-temporal-rnn"]),
    ("tanh activation", ["--activation", "tanh"]),
    ("spec's Xavier init", ["--init", "xavier"]),
]
RECIPE_ROWS = [
    ("no clipping", ["--clip", "0"]),
    ("cosine schedule", ["--schedule", "cosine"]),
    ("weight decay 0.1", ["--weight-decay", "0.1"]),
    ("dropout 0.2", ["--dropout", "0.2"]),
    ("refit on all training data", ["--refit"]),
]
RECIPE = [
    ("no clipping", ["--clip", "0"]),
    ("Xavier init", ["--init", "xavier"]),
    ("Xavier init, no clipping", ["--init", "xavier", "--clip", "0"]),
    ("cosine schedule", ["--schedule", "cosine"]),
    ("weight decay 0.1", ["--weight-decay", "0.1"]),
    ("dropout 0.2", ["--dropout", "0.2"]),
    ("patience 4", ["--patience", "4"]),
    ("refit on all training data", ["--refit"]),
    ("last epoch (no validation)", ["--selection", "last", "--epochs", "20"]),
    ("dropout 0.1", ["--dropout", "0.1"]),
    ("learning rate 5e-4", ["--lr", "5e-4"]),
]


def edf(runs):
    paths = [os.path.join(EEG, f"S001R{r:02d}.edf") for r in runs]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        sys.exit(f"accuracy: missing EEG files: {missing} (see data/eegmmidb-S001/README.md)")
    return "edf:" + ",".join(paths)


def folds(task: str, dev: bool, data_seeds=(99,)):
    """(fold name, data arguments) of a task; on development data one fold per data seed."""
    if task in ("synthetic", "neighbours"):
        size = "train=1200,test=600" if task == "synthetic" else "train=800,test=400"
        if not dev:
            return [("", ["--data", f"{task}:{size},seed={7 if task == 'synthetic' else 1}"])]
        if len(data_seeds) == 1:
            return [("", ["--data", f"{task}:{size},seed={data_seeds[0]}"])]
        return [(f"data seed {d}", ["--data", f"{task}:{size},seed={d}"]) for d in data_seeds]
    if task == "rest-move":
        train, test = ([3, 4, 5, 6], [7, 8]) if dev else ([3, 4, 5, 6, 7, 8], [9, 10])
        return [("", ["--data", edf(train), "--test", edf(test), "--events", "T0=rest,T1=task,T2=task"])]
    if task == "left-right":
        runs = [3, 4, 7, 8]
        return [(f"R{r:02d}", ["--data", edf([x for x in runs if x != r]), "--test", edf([r]),
                              "--events", "T1=left,T2=right"]) for r in runs]
    raise ValueError(task)


def train(args_list, work, threads):
    out = tempfile.mkdtemp(dir=work)
    cmd = [STRNN, "train", *args_list, "--threads", str(threads), "--out", out, "--force", "--json", "--no-plots"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{p.stderr}")
    return json.loads(p.stdout)


T95 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26, 10: 2.23, 11: 2.20,
       12: 2.18, 13: 2.16, 14: 2.14, 15: 2.13}


def mean_std(xs):
    m = 100 * statistics.mean(xs)
    s = 100 * statistics.pstdev(xs) if len(xs) > 1 else 0.0
    return f"{m:.1f} ± {s:.1f}"


def paired(xs, base):
    """Mean paired difference to the default, in points, with a 95 % t confidence interval."""
    d = [100 * (a - b) for a, b in zip(xs, base)]
    m = statistics.mean(d)
    if len(d) < 2:
        return f"{m:+.1f}"
    half = T95.get(len(d) - 1, 1.96) * statistics.stdev(d) / math.sqrt(len(d))
    return f"{m:+.1f} [{m - half:+.1f}, {m + half:+.1f}]"


def run_task(task, variants, seeds, jobs, threads, dev, row_seeds=None, full=(), data_seeds=(99,)):
    fl = folds(task, dev, data_seeds)
    runs = []
    seeds_of = {}
    for vi, (name, switches) in enumerate(variants):
        seeds_of[vi] = seeds if vi == 0 or row_seeds is None or name in full else row_seeds
        for seed in seeds_of[vi]:
            for fold, data in fl:
                extra = [] if vi == 0 else ["--no-baselines"]
                runs.append((vi, seed, fold, [*data, *switches, *extra, "--seed", str(seed)]))
    results = {}
    with tempfile.TemporaryDirectory() as work, concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        futures = {pool.submit(train, r[3], work, threads): r for r in runs}
        for f in concurrent.futures.as_completed(futures):
            vi, seed, fold, _ = futures[f]
            r = f.result()
            results[(vi, seed, fold)] = r
            print(f"{task} {variants[vi][0]} seed {seed} {fold}: selected {r['test_accuracy']:.3f} "
                  f"(epoch {r['selected_epoch']}/{r['epochs']}) last {r['last_epoch_test_accuracy']:.3f}",
                  file=sys.stderr, flush=True)
    keys = [(seed, fold) for seed in seeds for fold, _ in fl]
    rows = []
    for vi, (name, switches) in enumerate(variants):
        own = [(s, f) for s, f in keys if s in seeds_of[vi]]
        rs = [results[(vi, s, f)] for s, f in own]
        rows.append({"variant": name, "switches": switches, "seeds": seeds_of[vi],
                     "base": [results[(0, s, f)]["test_accuracy"] for s, f in own],
                     "selected": [r["test_accuracy"] for r in rs],
                     "last": [r["last_epoch_test_accuracy"] for r in rs],
                     "macro_f1": [r["metrics"]["macro_f1"] for r in rs],
                     "epochs": [r["selected_epoch"] for r in rs],
                     "validation_loss": [r.get("validation_loss") for r in rs],
                     "seconds": [r["seconds"] for r in rs]})
    base = [results[(0, s, f)] for s, f in keys]
    first = base[0]
    baselines = {b: [r["baselines"][b]["accuracy"] for r in base] for b in ("lda", "logreg")}
    return {"task": task, "train_samples": first["train_samples"], "test_samples": first["test_samples"],
            "validation_samples": first["validation_samples"], "folds": len(fl), "seeds": seeds, "rows": rows,
            "baselines": baselines}


def table(t, dev=False):
    folds_text = f" x {t['folds']} folds" if t["folds"] > 1 else ""
    if dev:
        folds_text += " (development data)"
    print(f"\n**{t['task']}**: {t['train_samples']} train ({t['validation_samples']} of them held out for "
          f"validation) / {t['test_samples']} test samples per run{folds_text}; accuracy % as mean ± population "
          f"std over the seeds (and folds) in the seeds column; Δ is the mean paired difference to the default "
          f"on the same seeds and folds, with a 95 % t interval\n")
    vl_head, vl_rule = (" validation loss |", " --- |") if dev else ("", "")
    print("| variant | switches | seeds | test acc. (validation-selected) | Δ vs default, 95 % CI | last epoch | "
          f"macro-F1 | selected epoch |{vl_head} s per run |")
    print(f"| --- | --- | --- | --- | --- | --- | --- | --- |{vl_rule} --- |")
    base = t["rows"][0]["selected"]
    for r in t["rows"]:
        delta = "" if r is t["rows"][0] else paired(r["selected"], r["base"])
        vl = f" {statistics.mean(r['validation_loss']):.4f} |" if dev else ""
        print(f"| {r['variant']} | `{' '.join(r['switches']) or '-'}` | {','.join(map(str, r['seeds']))} | "
              f"{mean_std(r['selected'])} | {delta} | "
              f"{mean_std(r['last'])} | {statistics.mean(r['macro_f1']):.3f} | "
              f"{statistics.mean(r['epochs']):.1f} |{vl} {statistics.mean(r['seconds']):.0f} |")
    lda, logreg = t["baselines"]["lda"], t["baselines"]["logreg"]
    seeds = ",".join(map(str, t["seeds"]))
    gap = " |" if dev else ""
    print(f"| shrinkage LDA (baseline) | `./strnn baseline` | {seeds} | {mean_std(lda)} | {paired(lda, base)} | | | |{gap} |")
    print(f"| logistic regression (baseline) | `./strnn baseline` | {seeds} | {mean_std(logreg)} | "
          f"{paired(logreg, base)} | | | |{gap} |")


def integers(ap, option, text):
    """The comma-separated integers of an option, or one line from argparse and exit status 2."""
    try:
        return [int(x) for x in text.split(",")]
    except ValueError:
        ap.error(f"{option}: comma-separated integers expected, got {text!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("tables", "recipe"))
    ap.add_argument("--tasks", default="synthetic,neighbours,rest-move,left-right")
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--jobs", type=int, default=1, help="runs at a time")
    ap.add_argument("--threads", type=int, default=1, help="threads per run")
    ap.add_argument("--variants", help="only the rows whose name contains one of these comma-separated words")
    ap.add_argument("--row-seeds", help="seeds of the rows other than the default (default: --seeds)")
    ap.add_argument("--full", default="", help="comma-separated row names that get all --seeds anyway")
    ap.add_argument("--recipe-rows", action="store_true", help="tables: add rows for the recipe switches")
    ap.add_argument("--eeg-dir", help="the PhysioNet S001 folder (default: data/eegmmidb-S001 in the repository)")
    ap.add_argument("--data-seeds", default="99",
                    help="recipe: data seeds of the synthetic and neighbour development tasks (default: 99)")
    ap.add_argument("--ablation", help="recipe: run every row also with this ablation's switches (a row name "
                                       "of the tables, e.g. \"no temporal RNN\")")
    ap.add_argument("--json-out")
    args = ap.parse_args()
    if args.eeg_dir:
        global EEG
        EEG = args.eeg_dir
    seeds = integers(ap, "--seeds", args.seeds)
    dev = args.mode == "recipe"
    variants = [DEFAULT, *(RECIPE if dev else ABLATIONS + (RECIPE_ROWS if args.recipe_rows else []))]
    if args.variants:
        words = args.variants.split(",")
        variants = [DEFAULT] + [v for v in variants[1:] if any(w in v[0] for w in words)]
    if not dev and (args.data_seeds != "99" or args.ablation):
        ap.error("--data-seeds and --ablation belong to the recipe mode")
    data_seeds = tuple(integers(ap, "--data-seeds", args.data_seeds))
    if args.ablation:
        found = [v for v in ABLATIONS if v[0] == args.ablation]
        if not found:
            ap.error(f"--ablation: no ablation named {args.ablation!r}; one of: {', '.join(v[0] for v in ABLATIONS)}")
        name, switches = found[0]
        variants = variants + [(f"{v[0]}, {name}" if v[1] else name, [*v[1], *switches]) for v in variants]
    tasks = args.tasks.split(",")
    if dev:
        tasks = [t for t in tasks if t != "left-right"]
    out = []
    for task in tasks:
        row_seeds = integers(ap, "--row-seeds", args.row_seeds) if args.row_seeds else None
        t = run_task(task, variants, seeds, args.jobs, args.threads, dev, row_seeds, set(args.full.split(",")),
                     data_seeds)
        out.append(t)
        table(t, dev)
        sys.stdout.flush()
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
