#!/usr/bin/python3
"""Java STRNN versus PyTorch STRNN, side by side, in one run on one machine.

1. Agreement first: the same initial weights (written by `bin/strnn init` as an .npz) and the same
   random batch must give the same loss and gradients in both implementations, to --rtol (1e-9)
   relative error. If they do not, the timing is meaningless and the script stops.
2. Timing: `bin/strnn bench` (Java, medians after a warm-up, --threads 1 and 2, each both with the
   Vector API kernels, as `bin/strnn` runs by default, and without `--add-modules
   jdk.incubator.vector`, STRNN_VECTOR=0, so the scalar kernels run) and
   benchmarks/bench_torch.py (PyTorch, both schedules, --threads 2), at each batch size.
   Each round also measures the machine's double-precision peak: OpenBLAS dgemm 1024^3 through
   numpy on 1 and 2 threads (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for that command only),
   so that every Java figure gets a % of peak beside it. FLOP per sample are the operation count
   of the fused spatial op (README, "Where the time goes"): --train-mflop (18.1 MFLOP per training
   sample) and --infer-mflop (6.0 per inference sample); the rest of the model is not counted, so
   the % of peak is a slight underestimate.
   PyTorch's baseline is its faster schedule. --rounds (3) alternate the two, and the table holds
   medians over the rounds, with ratios as medians of per-round ratios. Peak memory: Java's peak heap from the bench, and the
   peak resident set of each process (GNU time), which includes each runtime's own footprint.
3. A table of throughput and the Java/PyTorch ratios, plus one JSON object (--json-out).

Run from the repository root with Debian's Python:   /usr/bin/python3 benchmarks/compare.py
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE_DIR = os.path.join(ROOT, "strnn", "src", "test", "pytorch")
BENCH_DIR = os.path.join(ROOT, "benchmarks")
STRNN = os.path.join(ROOT, "bin", "strnn")
PY = "/usr/bin/python3"
# The Java kernels measured: the Vector API ones (bin/strnn's default) and the scalar ones (STRNN_VECTOR=0).
KERNELS = ("vector", "scalar")


def run(cmd, **kw):
    """Runs a command, failing loudly with its stderr."""
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit(f"compare: failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr.strip()}")
    return p


def timed_rss(cmd, **kw):
    """Runs under GNU time; returns (stdout, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as f:
        p = run(["/usr/bin/time", "-f", "%M", "-o", f.name] + cmd, **kw)
        return p.stdout, int(f.read().strip().splitlines()[-1]) / 1024.0


def check_agreement(batch: int, rtol: float, workdir: str) -> str:
    model = os.path.join(workdir, "m.npz")
    data = os.path.join(workdir, f"b{batch}.npz")
    java = os.path.join(workdir, f"g{batch}.npz")
    if not os.path.exists(model):
        run([STRNN, "init", "--out", model, "--seed", "3"])
    run([PY, os.path.join(ORACLE_DIR, "strnn_torch.py"), "batch", "--out", data, "--size", str(batch)])
    run([STRNN, "grad", "--model", model, "--batch", data, "--out", java])
    p = subprocess.run([PY, os.path.join(ORACLE_DIR, "grad_check.py"), "--model", model, "--batch", data,
                        "--compare", java, "--rtol", str(rtol)], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"compare: Java and PyTorch disagree at batch {batch}; not timing.\n{p.stdout}{p.stderr}")
    return p.stdout.strip().splitlines()[-1]


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


DGEMM = """
import numpy as np, time, sys
n = 1024
rng = np.random.default_rng(0)
a = rng.standard_normal((n, n)); b = rng.standard_normal((n, n))
for _ in range(3):
    a @ b
ts = []
for _ in range(int(sys.argv[1])):
    t0 = time.perf_counter(); a @ b; ts.append(time.perf_counter() - t0)
ts.sort()
maps = open("/proc/self/maps").read()
print(2.0 * n ** 3 / ts[len(ts) // 2] / 1e9, "openblas" in maps)
"""


def dgemm_peak(threads: int, reps: int) -> float:
    """The median GFLOP/s of numpy's 1024^3 double product on Debian's OpenBLAS with this many threads."""
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    env["LD_LIBRARY_PATH"] = "/usr/lib/x86_64-linux-gnu/openblas-pthread:" + env.get("LD_LIBRARY_PATH", "")
    env["OPENBLAS_NUM_THREADS"] = str(threads)
    out = run([PY, "-c", DGEMM, str(reps)], env=env).stdout.split()
    if out[1] != "True":
        sys.exit("compare: numpy did not load OpenBLAS for the dgemm peak")
    return float(out[0])


def best_schedules(torch: dict, batch: int) -> dict:
    """PyTorch's faster schedule for training and for inference at one batch size, in one report."""
    # Each schedule's entry; the report also holds "faster" and "load_average_after" beside them.
    per = {s: v for s, v in torch["results"][str(batch)].items() if isinstance(v, dict) and "train_samples_per_s" in v}
    train = max(per, key=lambda s: per[s]["train_samples_per_s"])
    infer = max(per, key=lambda s: per[s]["infer_samples_per_s"])
    return {"train_schedule": train, "train_samples_per_s": per[train]["train_samples_per_s"],
            "infer_schedule": infer, "infer_samples_per_s": per[infer]["infer_samples_per_s"],
            "peak_rss_mb": max(v["peak_rss_mb"] for v in per.values())}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batches", default="1,32,128")
    ap.add_argument("--rtol", type=float, default=1e-9)
    ap.add_argument("--java-warmup", type=int, default=20)
    ap.add_argument("--java-iterations", type=int, default=30)
    ap.add_argument("--torch-args", default="", help="extra arguments for bench_torch.py")
    ap.add_argument("--torch-blas", choices=("system", "openblas", "reference"), default="system",
                    help="which libblas.so.3 PyTorch loads: the system's alternative, Debian's OpenBLAS "
                         "(libopenblas0-pthread) or the reference BLAS (libblas3)")
    ap.add_argument("--java-heap", metavar="SIZE",
                    help="the Java side's -Xmx, e.g. 256m (default: the bin/strnn launcher's, 4g); training must fit "
                         "in it, and it bounds the heap the JVM grows to")
    ap.add_argument("--rounds", type=int, default=3, help="alternating Java/PyTorch rounds; medians are reported")
    ap.add_argument("--json-out", help="also write the JSON result here")
    ap.add_argument("--train-mflop", type=float, default=18.1,
                    help="MFLOP per training sample, for the %% of peak (README: 289 M multiply-adds per batch-32 step)")
    ap.add_argument("--infer-mflop", type=float, default=6.0,
                    help="MFLOP per inference sample, for the %% of peak (the forward third of the above)")
    ap.add_argument("--dgemm-reps", type=int, default=15, help="timed 1024^3 products per peak measurement")
    args = ap.parse_args()
    batches = [int(b) for b in args.batches.split(",")]
    if args.rounds < 1 or min(batches) < 1:
        sys.exit("compare: --rounds and the --batches must be positive")

    with tempfile.TemporaryDirectory() as work:
        agreement = {b: check_agreement(b, args.rtol, work) for b in batches}
        for b, line in agreement.items():
            print(f"agreement at batch {b}: {line}", file=sys.stderr)

        env = dict(os.environ)
        blas_dirs = {"openblas": "/usr/lib/x86_64-linux-gnu/openblas-pthread",
                     "reference": "/usr/lib/x86_64-linux-gnu/blas"}
        if args.torch_blas in blas_dirs:
            env["LD_LIBRARY_PATH"] = blas_dirs[args.torch_blas] + ":" + env.get("LD_LIBRARY_PATH", "")

        java_envs = {}
        for kernels in KERNELS:
            java_envs[kernels] = dict(os.environ)
            java_envs[kernels]["STRNN_VECTOR"] = "1" if kernels == "vector" else "0"
            if args.java_heap:
                java_envs[kernels]["STRNN_JAVA_OPTS"] = f"-Xmx{args.java_heap}"
        # Rounds alternate Java and PyTorch, so that a noisy spell of the shared machine hits both;
        # every number reported is a median over the rounds, every ratio a median of per-round ratios.
        rounds = []
        for rnd in range(args.rounds):
            peak = {threads: dgemm_peak(threads, args.dgemm_reps) for threads in (1, 2)}
            print(f"round {rnd + 1}: dgemm peak {peak[1]:.1f} GFLOP/s (1 thread), {peak[2]:.1f} (2 threads)",
                  file=sys.stderr)
            java = {}
            for b in batches:
                for threads in (1, 2):
                    for kernels in KERNELS:
                        out, rss = timed_rss([STRNN, "bench", "--batch", str(b), "--threads", str(threads), "--json",
                                              "--warmup", str(args.java_warmup), "--iterations",
                                              str(args.java_iterations)], env=java_envs[kernels])
                        r = json.loads(out.strip().splitlines()[-1])
                        if (r.get("kernels", "scalar") == "scalar") != (kernels == "scalar"):
                            sys.exit(f"compare: asked for the {kernels} kernels, the bench ran {r.get('kernels')}")
                        r["peak_rss_mb"] = rss
                        java[(b, threads, kernels)] = r
                        print(f"round {rnd + 1}: java ({r.get('kernels')}) batch {b} threads {threads}: "
                              f"{r['train_samples_per_s']:.1f} train/s, {r['infer_samples_per_s']:.1f} infer/s",
                              file=sys.stderr)
            torch = json.loads(run([PY, os.path.join(BENCH_DIR, "bench_torch.py"), "--batches", args.batches,
                                    "--threads", "2"] + args.torch_args.split(), env=env).stdout)
            for b in batches:
                best = best_schedules(torch, b)
                print(f"round {rnd + 1}: torch batch {b}: {best['train_samples_per_s']:.1f} train/s "
                      f"({best['train_schedule']}), {best['infer_samples_per_s']:.1f} infer/s "
                      f"({best['infer_schedule']})", file=sys.stderr)
            rounds.append((java, torch, peak))

    rows = []
    for b in batches:
        torch_best = [best_schedules(t, b) for _, t, _ in rounds]
        t_train = median([t["train_samples_per_s"] for t in torch_best])
        t_infer = median([t["infer_samples_per_s"] for t in torch_best])
        t_rss = max(t["peak_rss_mb"] for t in torch_best)
        for threads, kernels in [(t, k) for t in (1, 2) for k in KERNELS]:
            js = [j[(b, threads, kernels)] for j, _, _ in rounds]
            peaks = [p[threads] for _, _, p in rounds]
            rows.append({
                "batch": b, "java_threads": threads, "kernels": js[-1].get("kernels", "scalar"), "rounds": len(rounds),
                "dgemm_peak_gflops": median(peaks),
                "train_pct_of_peak": median([100 * j["train_samples_per_s"] * args.train_mflop * 1e-3 / p
                                             for j, p in zip(js, peaks)]),
                "infer_pct_of_peak": median([100 * j["infer_samples_per_s"] * args.infer_mflop * 1e-3 / p
                                             for j, p in zip(js, peaks)]),
                "java_train_samples_per_s": median([j["train_samples_per_s"] for j in js]),
                "torch_train_samples_per_s": t_train,
                "torch_train_schedules": [t["train_schedule"] for t in torch_best],
                "train_ratio": median([j["train_samples_per_s"] / t["train_samples_per_s"]
                                       for j, t in zip(js, torch_best)]),
                "java_infer_samples_per_s": median([j["infer_samples_per_s"] for j in js]),
                "torch_infer_samples_per_s": t_infer,
                "torch_infer_schedules": [t["infer_schedule"] for t in torch_best],
                "infer_ratio": median([j["infer_samples_per_s"] / t["infer_samples_per_s"]
                                       for j, t in zip(js, torch_best)]),
                "java_peak_heap_mb": median([j["peak_heap_mb"] for j in js]),
                "java_peak_rss_mb": max(j["peak_rss_mb"] for j in js),
                "torch_peak_rss_mb": t_rss,
            })
    torch = rounds[-1][1]
    # Within one round, the vector kernels against the scalar ones (medians of per-round ratios).
    speedups = []
    for b in batches:
        for threads in (1, 2):
            speedups.append({"batch": b, "java_threads": threads,
                             "train_vector_over_scalar": median([j[(b, threads, "vector")]["train_samples_per_s"]
                                                                 / j[(b, threads, "scalar")]["train_samples_per_s"]
                                                                 for j, _, _ in rounds]),
                             "infer_vector_over_scalar": median([j[(b, threads, "vector")]["infer_samples_per_s"]
                                                                 / j[(b, threads, "scalar")]["infer_samples_per_s"]
                                                                 for j, _, _ in rounds])})

    print(f"\nSTRNN, SEED defaults, float64; {torch['machine'].get('cpu_model', platform.processor())}, "
          f"{os.cpu_count()} cores; torch {torch['torch']} with 2 threads, BLAS: "
          f"{torch.get('blas', args.torch_blas)}")
    heap = f"-Xmx{args.java_heap}" if args.java_heap else "the launcher's heap"
    print(f"Java with {heap}; medians of {args.rounds} round(s); ratios are medians of per-round ratios; "
          "RSS is the largest seen")
    print(f"dgemm peak (OpenBLAS, 1024^3, same run): {median([p[1] for _, _, p in rounds]):.1f} GFLOP/s on 1 thread, "
          f"{median([p[2] for _, _, p in rounds]):.1f} on 2; % of peak at the Java side's thread count, from "
          f"{args.train_mflop} MFLOP per training and {args.infer_mflop} per inference sample")
    print(f"{'batch':>5} {'thr':>3} {'kernels':>10} | {'train/s java':>12} {'%peak':>5} {'torch':>8} {'ratio':>6} | "
          f"{'infer/s java':>12} {'%peak':>5} {'torch':>8} {'ratio':>6} | {'RSS MB java':>11} {'torch':>6} | "
          f"{'heap MB':>7}")
    for r in rows:
        print(f"{r['batch']:>5} {r['java_threads']:>3} {r['kernels']:>10} | {r['java_train_samples_per_s']:>12.1f} "
              f"{r['train_pct_of_peak']:>5.1f} {r['torch_train_samples_per_s']:>8.1f} {r['train_ratio']:>6.2f} | "
              f"{r['java_infer_samples_per_s']:>12.1f} {r['infer_pct_of_peak']:>5.1f} "
              f"{r['torch_infer_samples_per_s']:>8.1f} {r['infer_ratio']:>6.2f} | {r['java_peak_rss_mb']:>11.0f} "
              f"{r['torch_peak_rss_mb']:>6.0f} | {r['java_peak_heap_mb']:>7.0f}")
    print("vector kernels / scalar kernels (medians of per-round ratios):")
    for sp in speedups:
        print(f"  batch {sp['batch']:>3}, {sp['java_threads']} thread(s): training {sp['train_vector_over_scalar']:.2f}x, "
              f"inference {sp['infer_vector_over_scalar']:.2f}x")
    result = {"rows": rows, "vector_over_scalar": speedups, "agreement": {str(k): v for k, v in agreement.items()},
              "rounds": [{"java": {f"{b}/{t}/{k}": v for (b, t, k), v in j.items()}, "torch": t,
                          "dgemm_peak_gflops": {str(th): g for th, g in p.items()}} for j, t, p in rounds]}
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
