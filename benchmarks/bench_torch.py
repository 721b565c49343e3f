"""Throughput and memory of the PyTorch STRNN (SEED defaults, float64) on CPU.

What is measured, per batch size and schedule:
  * training:  forward + backward + Adam step (lr 1e-3), samples/s;
  * inference: forward under torch.no_grad(), samples/s;
  * memory:    peak RSS (getrusage ru_maxrss) of a process that only ever ran that schedule
               at that batch size, and how far the resident set rose above its level after
               set-up (model, optimiser, data) while it ran one inference pass and
               --mem-steps training steps (VmHWM, reset through /proc/self/clear_refs).

How:
  * Timing: one worker process per batch size runs all schedules on the same model and batch,
    alternating them step by step in ABBA order. On a shared machine, load that comes and goes
    then hits both schedules alike, which keeps "which schedule is faster" meaningful. Each
    phase (inference, then training) runs --warmup untimed steps per schedule, then up to N
    timed rounds. Rates use the MEDIAN per-step wall time; min, max and the median CPU time per
    step are reported too (CPU/wall shows how many cores a step kept busy). A phase stops early
    (after at least 3 rounds) once its timed steps exceed --phase-budget seconds per schedule,
    which bounds the run on a loaded machine. The number of timed steps is reported.
  * Memory: one short worker process per (batch size, schedule), so that ru_maxrss belongs to
    that configuration alone.

Workers run with OMP_WAIT_POLICY=PASSIVE unless told otherwise (--omp-wait-policy). On the
shared 2-core machine this was written on, spinning OpenMP threads slowed steps down by up to
20x whenever another process wanted a core, while the passive policy cost nothing measurable
when the machine was quiet: the float64 matrix products run in single-threaded BLAS anyway.

Output: one JSON object on stdout; progress on stderr.

    /usr/bin/python3 bench_torch.py                      # batch 32 and 128, both schedules
    /usr/bin/python3 bench_torch.py --batches 32 --train-iters 5 --infer-iters 10
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "strnn", "src", "test", "pytorch"))
from strnn_torch import STRNN, Config  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEDULES = ("vertex", "level")


# ---------------------------------------------------------------------------- process memory

def _status_kb(field: str):
    """A field of /proc/self/status in kB (VmRSS, VmHWM), or None where there is no /proc."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Resets VmHWM to the current RSS (Linux >= 4.0). False if not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _mb(kb):
    return None if kb is None else round(kb / 1024.0, 1)


def _blas_libraries():
    """The BLAS/LAPACK shared objects mapped into this process (after a matmul has run)."""
    libs = set()
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1]
                name = os.path.basename(path).lower()
                if any(k in name for k in ("blas", "mkl", "lapack", "blis", "atlas")):
                    libs.add(os.path.realpath(path))
    except OSError:
        pass
    return sorted(libs)


# ---------------------------------------------------------------------------- workers

def _setup(batch: int, schedule: str, args):
    torch.set_num_threads(args.threads)
    model = STRNN(Config(), schedule=schedule, seed=args.seed)
    assert model.num_parameters() == 27653
    gen = torch.Generator().manual_seed(args.seed + 1)
    X = torch.randn((batch, 9, 62, 5), generator=gen, dtype=torch.float64)
    y = torch.randint(0, 3, (batch,), generator=gen, dtype=torch.int64)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)

    def infer():
        with torch.no_grad():
            model(X)

    def train():
        optimiser.zero_grad(set_to_none=True)
        loss, _ = model.loss(X, y)
        loss.backward()
        optimiser.step()

    return model, infer, train


def _summary(walls, cpus, samples: int) -> dict:
    median = statistics.median(walls)
    return {
        "samples_per_s": round(samples / median, 2),
        "step_ms": {"median": round(median * 1e3, 2), "min": round(min(walls) * 1e3, 2),
                    "max": round(max(walls) * 1e3, 2)},
        "cpu_ms_per_step_median": round(statistics.median(cpus) * 1e3, 2),
        "timed_steps": len(walls),
    }


def time_worker(batch: int, schedules, args) -> dict:
    """Both phases, all schedules interleaved ABBA on one model."""
    model, infer, train = _setup(batch, schedules[0], args)
    out = {s: {} for s in schedules}
    for phase, step, iters in (("infer", infer, args.infer_iters), ("train", train, args.train_iters)):
        for s in schedules:
            model.schedule = s
            for _ in range(args.warmup):
                step()
        gc.collect()
        walls = {s: [] for s in schedules}
        cpus = {s: [] for s in schedules}
        for i in range(iters):
            if i >= 3 and all(sum(walls[s]) > args.phase_budget for s in schedules):
                break
            for s in (schedules if i % 2 == 0 else schedules[::-1]):
                model.schedule = s
                c0, t0 = time.process_time(), time.perf_counter()
                step()
                t1, c1 = time.perf_counter(), time.process_time()
                walls[s].append(t1 - t0)
                cpus[s].append(c1 - c0)
        for s in schedules:
            out[s][phase] = _summary(walls[s], cpus[s], batch)
    out["blas"] = _blas_libraries()
    out["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return out


def memory_worker(batch: int, schedule: str, args) -> dict:
    _, infer, train = _setup(batch, schedule, args)
    gc.collect()
    rss_setup = _status_kb("VmRSS")
    reset = _reset_peak()
    infer()
    for _ in range(args.mem_steps):
        train()
    hwm = _status_kb("VmHWM") if reset else None
    return {
        "peak_rss_mb": _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),  # kB on Linux
        "rss_after_setup_mb": _mb(rss_setup),
        "rss_increase_mb": _mb(hwm - rss_setup) if hwm is not None and rss_setup is not None else None,
        "mem_steps": args.mem_steps,
    }


# ---------------------------------------------------------------------------- driver

def machine_info() -> dict:
    info = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu_model"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return info


def _run_worker(mode_args, args, env) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), *mode_args,
           "--threads", str(args.threads), "--warmup", str(args.warmup),
           "--train-iters", str(args.train_iters), "--infer-iters", str(args.infer_iters),
           "--phase-budget", str(args.phase_budget), "--mem-steps", str(args.mem_steps),
           "--schedules", args.schedules, "--seed", str(args.seed)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"worker {' '.join(mode_args)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__[__doc__.index("\n") + 1:])
    parser.add_argument("--batches", default="32,128", help="comma-separated batch sizes")
    parser.add_argument("--schedules", default="vertex,level", help="comma-separated: vertex, level")
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads")
    parser.add_argument("--warmup", type=int, default=3, help="untimed steps per phase and schedule")
    parser.add_argument("--train-iters", type=int, default=10, help="timed training steps per schedule")
    parser.add_argument("--infer-iters", type=int, default=20, help="timed inference passes per schedule")
    parser.add_argument("--phase-budget", type=float, default=20.0,
                        help="seconds of timed steps per phase and schedule before stopping early")
    parser.add_argument("--mem-steps", type=int, default=2, help="training steps in a memory worker")
    parser.add_argument("--omp-wait-policy", choices=("passive", "active", "inherit"), default="passive",
                        help="OMP_WAIT_POLICY for the workers ('inherit' keeps the environment's)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--time-worker", metavar="BATCH", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--memory-worker", nargs=2, metavar=("BATCH", "SCHEDULE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    try:
        batches = [int(b) for b in args.batches.split(",")]
        schedules = [s.strip() for s in args.schedules.split(",")]
        if not (batches and all(b > 0 for b in batches) and schedules
                and all(s in SCHEDULES for s in schedules) and len(set(schedules)) == len(schedules)):
            raise ValueError
        if min(args.threads, args.train_iters, args.infer_iters, args.mem_steps) < 1 or args.warmup < 0:
            raise ValueError
    except ValueError:
        print("error: --batches takes positive integers, --schedules distinct names from vertex, level; "
              "--threads and the step counts must be >= 1 and --warmup >= 0", file=sys.stderr)
        return 2

    if args.time_worker is not None:
        print(json.dumps(time_worker(args.time_worker, schedules, args)))
        return 0
    if args.memory_worker:
        print(json.dumps(memory_worker(int(args.memory_worker[0]), args.memory_worker[1], args)))
        return 0

    env = dict(os.environ)
    if args.omp_wait_policy != "inherit":
        env["OMP_WAIT_POLICY"] = args.omp_wait_policy.upper()
    report = {
        "benchmark": "STRNN, SEED defaults (n=62, d=5, T=9, ds=dt=30, Ks=10, Kt=5, C=3), float64, CPU",
        "implementation": "PyTorch eager (strnn/src/test/pytorch/strnn_torch.py)",
        "torch": torch.__version__,
        "numpy": np.__version__,
        "threads": args.threads,
        "parameters": 27653,
        "protocol": {"warmup": args.warmup, "train_iters": args.train_iters, "infer_iters": args.infer_iters,
                     "phase_budget_s": args.phase_budget, "mem_steps": args.mem_steps,
                     "statistic": "median per-step wall time", "optimiser": "Adam, lr 1e-3",
                     "timing": "schedules interleaved ABBA in one process per batch size",
                     "memory": "one process per batch size and schedule", "seed": args.seed},
        "machine": machine_info(),
        "worker_env": {k: v for k, v in env.items() if k.startswith(("OMP_", "GOMP_", "MKL_", "OPENBLAS_"))},
        "results": {},
    }
    start = time.perf_counter()
    try:
        for batch in batches:
            print(f"batch {batch}: timing {', '.join(schedules)} ...", file=sys.stderr, flush=True)
            timing = _run_worker(["--time-worker", str(batch)], args, env)
            report.setdefault("blas", timing["blas"])
            per_schedule = {}
            for s in schedules:
                print(f"batch {batch}: memory, {s} ...", file=sys.stderr, flush=True)
                memory = _run_worker(["--memory-worker", str(batch), s], args, env)
                t = timing[s]
                per_schedule[s] = {
                    "train_samples_per_s": t["train"]["samples_per_s"],
                    "infer_samples_per_s": t["infer"]["samples_per_s"],
                    "peak_rss_mb": memory["peak_rss_mb"],
                    "rss_increase_mb": memory["rss_increase_mb"],
                    "train": t["train"], "infer": t["infer"], "memory": memory,
                }
                print(f"  {s:6}: train {t['train']['samples_per_s']:8.1f} samples/s, infer "
                      f"{t['infer']['samples_per_s']:8.1f} samples/s, peak RSS {memory['peak_rss_mb']} MB",
                      file=sys.stderr, flush=True)
            if len(schedules) > 1:
                faster = {}
                for phase in ("train", "infer"):
                    rates = {s: per_schedule[s][f"{phase}_samples_per_s"] for s in schedules}
                    best = max(rates, key=rates.get)
                    faster[phase] = best
                    faster[f"{phase}_ratio"] = round(rates[best] / min(rates.values()), 3)
                per_schedule["faster"] = faster
                print(f"batch {batch}: faster schedule: train {faster['train']} (x{faster['train_ratio']}), "
                      f"infer {faster['infer']} (x{faster['infer_ratio']})", file=sys.stderr, flush=True)
            per_schedule["load_average_after"] = timing["load_average_after"]
            report["results"][str(batch)] = per_schedule
    except RuntimeError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report["wall_s"] = round(time.perf_counter() - start, 1)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
