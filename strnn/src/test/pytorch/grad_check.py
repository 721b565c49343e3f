"""Loss, logits and parameter gradients of STRNN in PyTorch, for comparison with the Java side.

    grad_check.py --model M.npz --batch B.npz --out G.npz         # write torch's results
    grad_check.py --model M.npz --batch B.npz --compare G_java.npz [--rtol 1e-9]
    grad_check.py --selftest

M.npz: one float64 array per parameter (spec section 8 names) and optionally config.json.
B.npz: X (B x T x n x d, float64) and y (B, integer class indices 0..C-1).
G.npz: loss (shape ()), logits (B x C), and dL/dp for every parameter p, shaped like p.

Relative error, per element, with scale = the largest |value| of either array:

    err = |a - b| / max(|a|, |b|, floor * scale)      (0 where a == b; --floor, default 1e-12)

so an element that is zero in one file and 1e-20 in the other does not count as a 100 % error
when the array's scale is 1, while every element of size comparable to the scale is compared
relatively. The report gives the worst element of every array; the exit code is 1 if any error
exceeds --rtol (or an array is missing or misshapen), 2 for a usage error, 0 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from typing import Dict, Tuple

import numpy as np
import torch
from torch.nn.utils import stateless

from strnn_torch import (STRNN, Config, add_config_args, check_seed_oracles, cli_config, lattice_layout,
                         load_model, predecessors, read_npz, save_model, write_npz)


# ------------------------------------------------------------------------ torch's side

def load_batch(path: str, config: Config) -> Tuple[torch.Tensor, torch.Tensor]:
    arrays, _ = read_npz(path)
    for key in ("X", "y"):
        if key not in arrays:
            raise ValueError(f"{path} has no array '{key}' (it has {sorted(arrays)})")
    X, y = arrays["X"], arrays["y"]
    if not np.issubdtype(X.dtype, np.floating):
        raise ValueError(f"{path}: X must be float64, got {X.dtype}")
    if not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"{path}: y must hold integer class indices, got {y.dtype}")
    want = (config.T, config.n, config.d)
    if X.ndim != 4 or X.shape[1:] != want:
        raise ValueError(f"{path}: X must be B x {want[0]} x {want[1]} x {want[2]}, got {X.shape}")
    y = y.reshape(-1)
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"{path}: {X.shape[0]} samples in X but {y.shape[0]} labels in y")
    return torch.from_numpy(np.ascontiguousarray(X, dtype=np.float64)), torch.from_numpy(y.astype(np.int64))


def loss_logits_grads(model: STRNN, X: torch.Tensor, y: torch.Tensor) -> Dict[str, np.ndarray]:
    params = model.params()
    loss, logits = model.loss(X, y)
    grads = torch.autograd.grad(loss, list(params.values()))
    out = {"loss": loss.detach().numpy().copy(), "logits": logits.detach().numpy().copy()}
    out.update({name: g.numpy().copy() for name, g in zip(params, grads)})
    return out


# ------------------------------------------------------------------------ comparison

def relative_error(a: np.ndarray, b: np.ndarray, floor: float = 1e-12) -> Tuple[float, int]:
    """Max of |a-b| / max(|a|, |b|, floor * scale) and its flat index (see the module doc)."""
    a = a.reshape(-1).astype(np.float64)
    b = b.reshape(-1).astype(np.float64)
    if a.size == 0:
        return 0.0, -1
    scale = max(np.abs(a).max(), np.abs(b).max())
    diff = np.abs(a - b)
    denom = np.maximum(np.maximum(np.abs(a), np.abs(b)), floor * scale)
    err = np.divide(diff, denom, out=np.zeros_like(diff), where=diff > 0)
    err[~np.isfinite(a) | ~np.isfinite(b)] = np.inf
    i = int(np.argmax(err))
    return float(err[i]), i


def compare(ours: Dict[str, np.ndarray], theirs: Dict[str, np.ndarray], rtol: float, floor: float) -> bool:
    """Prints one line per array: its worst element, both values there, and the largest
    |a - b| / scale (an absolute error in units of the array's scale)."""
    ok = True
    print(f"{'array':8} {'shape':>10} {'max rel err':>12} {'max abs/scale':>13}  {'at':>12}  "
          f"{'torch':>24}  {'other':>24}")
    for name, a in ours.items():
        if name not in theirs:
            print(f"{name:8} missing from the compared file")
            ok = False
            continue
        b = theirs[name]
        # A scalar may be stored as () or (1,) or (1, 1); a vector as (k,), (1, k) or (k, 1).
        squeeze = lambda s: tuple(x for x in s if x != 1)  # noqa: E731
        if a.shape != b.shape and squeeze(a.shape) != squeeze(b.shape):
            print(f"{name:8} shape {a.shape} here but {b.shape} in the compared file")
            ok = False
            continue
        err, i = relative_error(a, b, floor)
        scale = max(np.abs(a).max(initial=0), np.abs(b).max(initial=0))
        abs_err = float(np.abs(a.reshape(-1) - b.reshape(-1)).max(initial=0) / scale) if scale > 0 else 0.0
        where = str(np.unravel_index(i, a.shape)) if a.ndim and i >= 0 else "-"
        va = a.reshape(-1)[i] if i >= 0 else float("nan")
        vb = b.reshape(-1)[i] if i >= 0 else float("nan")
        flag = "" if err <= rtol else "  FAIL"
        ok &= err <= rtol
        print(f"{name:8} {str(a.shape):>10} {err:12.3e} {abs_err:13.3e}  {where:>12}  {va:24.16e}  {vb:24.16e}{flag}")
    extra = sorted(set(theirs) - set(ours))
    if extra:
        print(f"(ignored arrays in the compared file: {', '.join(extra)})")
    return ok


# ------------------------------------------------------------------------ self-test

TINY = dict(ds=3, Ks=2, T=3, dt=3, Kt=2, C=3, d=2, layout=tuple(lattice_layout(3, 3)))


def _random_params(model: STRNN, seed: int) -> None:
    """Non-zero biases too, so that the bias gradients are exercised away from init."""
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=gen, dtype=torch.float64) * 0.7)


class _Loss(torch.nn.Module):
    """(loss, logits) as a module, so that stateless.functional_call can swap in the gradcheck
    inputs for the parameters."""

    def __init__(self, model: STRNN, y: torch.Tensor):
        super().__init__()
        self.model = model
        self.y = y

    def forward(self, X):
        return self.model.loss(X, self.y)


def literal_logits(model: STRNN, X: torch.Tensor) -> torch.Tensor:
    """The spec's formulas written out sample by sample, slice by slice and vertex by vertex, as
    matrices shaped as in the paper. Slow; it pins the conventions (vec order, natural time for
    Gb, concatenation order) that gradcheck cannot see."""
    c = model.config
    p = {k: v.detach() for k, v in model.params().items()}
    act = model.act
    preds = [predecessors(c.layout, r) for r in range(4)]
    out = []
    for x in X:                                                    # one sample, T x n x d
        ms = []
        for t in range(c.T):
            vecs = []
            for r in range(4):
                h = [None] * c.n
                while any(v is None for v in h):                  # sweep until all are known
                    for v in range(c.n):
                        if h[v] is None and all(h[u] is not None for u in preds[r][v]):
                            s = sum((h[u] for u in preds[r][v]), torch.zeros(c.ds, dtype=torch.float64))
                            h[v] = act(p[f"U{r}"] @ x[t, v] + p[f"W{r}"] @ s + p[f"b{r}"])
                H = torch.stack(h, dim=1)                          # ds x n, electrode order
                S = H @ p[f"G{r}"]                                 # ds x Ks
                vecs.append(S.reshape(-1))                         # row-major vec
            ms.append(sum(vecs) if c.merge == "sum" else torch.cat(vecs))
        f, g = [None] * c.T, [None] * c.T
        prev = torch.zeros(c.dt, dtype=torch.float64)
        for t in range(c.T):
            prev = f[t] = act(p["Rf"] @ ms[t] + p["Vf"] @ prev + p["bf"])
        prev = torch.zeros(c.dt, dtype=torch.float64)
        for t in reversed(range(c.T)):
            prev = g[t] = act(p["Rb"] @ ms[t] + p["Vb"] @ prev + p["bb"])
        Qf = torch.stack(f, dim=1) @ p["Gf"]                       # dt x Kt
        Qb = torch.stack(g, dim=1) @ p["Gb"]
        out.append(p["Pf"] @ Qf.reshape(-1) + p["Pb"] @ Qb.reshape(-1) + p["c"])
    return torch.stack(out)


def selftest() -> int:
    t0 = time.perf_counter()
    check_seed_oracles()
    print("SEED graph oracles (151 links, in-degree histograms, 13 levels, AF3, FZ): ok")

    assert STRNN(Config()).num_parameters() == 27653
    print("default SEED model has 27,653 parameters: ok")

    # 1. torch.autograd.gradcheck on the tiny configuration, w.r.t. every parameter and X.
    gen = torch.Generator().manual_seed(11)
    for activation in ("relu", "tanh"):
        for merge in ("sum", "concat"):
            for schedule in ("vertex", "level"):
                model = STRNN(Config(**TINY, merge=merge, activation=activation), schedule=schedule)
                _random_params(model, seed=5)
                c = model.config
                X = torch.randn((2, c.T, c.n, c.d), generator=gen, dtype=torch.float64)
                y = torch.tensor([0, 2])
                names = [f"model.{k}" for k in model.params()]
                wrapper = _Loss(model, y)

                def fn(*tensors):
                    return stateless.functional_call(wrapper, dict(zip(names, tensors[:-1])), (tensors[-1],))

                inputs = tuple(p.detach().clone().requires_grad_(True) for p in model.parameters())
                inputs += (X.clone().requires_grad_(True),)
                assert torch.autograd.gradcheck(fn, inputs, eps=1e-6, atol=1e-8, rtol=1e-6)
                print(f"gradcheck, 3x3 lattice, {activation}, merge={merge}, schedule={schedule}: ok")

    # 2. The vectorised model against the spec written out literally.
    for config, label in ((Config(**TINY, merge="concat"), "3x3 lattice, concat"),
                          (Config(), "SEED defaults, sum")):
        model = STRNN(config)
        _random_params(model, seed=6)
        X = torch.randn((2, config.T, config.n, config.d), generator=gen, dtype=torch.float64)
        want = literal_logits(model, X)
        for schedule in ("vertex", "level"):
            model.schedule = schedule
            with torch.no_grad():
                got = model(X)
            err = ((got - want).abs().max() / want.abs().max()).item()
            assert err < 1e-12, f"{label}, {schedule}: literal spec and model differ by {err:.2e}"
        print(f"model == spec written out literally ({label}; both schedules): ok")

    # 3. The two schedules on SEED: bit-identical forward, gradients equal to rounding.
    for merge in ("sum", "concat"):
        model = STRNN(Config(merge=merge))
        X = torch.randn((8, 9, 62, 5), generator=gen, dtype=torch.float64)
        y = torch.randint(0, 3, (8,), generator=gen)
        results = {}
        for schedule in ("vertex", "level"):
            model.schedule = schedule
            results[schedule] = loss_logits_grads(model, X, y)
        a, b = results["vertex"], results["level"]
        assert np.array_equal(a["loss"], b["loss"]) and np.array_equal(a["logits"], b["logits"]), \
            "the schedules give different forward results"
        worst = max(relative_error(a[k], b[k])[0] for k in a)
        assert worst < 1e-10, f"the schedules' gradients differ by {worst:.2e}"
        print(f"schedules on SEED (merge={merge}): forward bit-identical, gradients within {worst:.1e}: ok")

    # 4. Kinks take the minimum-norm subgradient: relu'(0) = 0 and |w|'(0) = 0.
    model = STRNN(Config(**TINY))
    _random_params(model, seed=7)
    with torch.no_grad():
        for r in range(4):
            getattr(model, f"b{r}").zero_()
        model.G0[0, 0] = 0.0
    X = torch.zeros((2, 3, 9, 2), dtype=torch.float64)   # every spatial pre-activation is exactly 0
    g = loss_logits_grads(model, X, torch.tensor([0, 1]))
    assert all(np.all(g[f"b{r}"] == 0) for r in range(4)), "relu'(0) must be 0"
    assert all(np.all(g[f"W{r}"] == 0) for r in range(4)), "relu'(0) must be 0"
    assert g["G0"][0, 0] == 0.0, f"d|w|/dw at 0 must be 0, got {g['G0'][0, 0]}"
    print("kinks: relu'(0) = 0 and d|w|/dw(0) = 0: ok")

    # 5. .npz round trip with config.json, and the config.json precedence rules.
    with tempfile.TemporaryDirectory() as tmp:
        model = STRNN(Config(**TINY, merge="concat", activation="tanh", lambda_s=0.5))
        _random_params(model, seed=8)
        path = os.path.join(tmp, "m.npz")
        save_model(model, path, {"seed": 8})
        again = load_model(path)
        assert again.config == model.config, (again.config, model.config)
        assert all(torch.equal(p, q) for p, q in zip(model.parameters(), again.parameters()))
        with np.load(path) as z:                                   # plain numpy reads it too
            assert np.array_equal(z["G0"], model.G0.detach().numpy())
        try:
            load_model(path, cli={"merge": "sum"})
            raise AssertionError("a CLI flag contradicting config.json must be refused")
        except ValueError:
            pass
        bare = os.path.join(tmp, "bare.npz")                       # no config.json: CLI decides
        write_npz(bare, model.arrays())
        assert load_model(bare, cli=dict(TINY, merge="concat")).config.merge == "concat"
    print(".npz round trip, config.json precedence: ok")
    print(f"selftest passed in {time.perf_counter() - t0:.1f} s")
    return 0


# ------------------------------------------------------------------------ command line

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__[__doc__.index("\n") + 1:])
    parser.add_argument("--model", help="parameters (.npz, optionally with config.json)")
    parser.add_argument("--batch", help="X and y (.npz)")
    parser.add_argument("--out", help="write loss, logits and gradients here (.npz)")
    parser.add_argument("--force", action="store_true", help="overwrite --out")
    parser.add_argument("--compare", help="another implementation's loss/logits/gradients (.npz)")
    parser.add_argument("--rtol", type=float, default=1e-9, help="largest relative error allowed")
    parser.add_argument("--floor", type=float, default=1e-12,
                        help="denominator floor, as a fraction of the array's largest |value|")
    parser.add_argument("--schedule", choices=("vertex", "level"), default="level")
    parser.add_argument("--selftest", action="store_true", help="check the torch model itself")
    add_config_args(parser)
    args = parser.parse_args(argv)
    if args.selftest:
        return selftest()
    if not (args.model and args.batch and (args.out or args.compare)):
        print("error: give --model and --batch, and --out and/or --compare (or --selftest)", file=sys.stderr)
        return 2
    try:
        model = load_model(args.model, cli_config(args), schedule=args.schedule)
        X, y = load_batch(args.batch, model.config)
        ours = loss_logits_grads(model, X, y)
        print(f"loss {float(ours['loss']):.17g} on {X.shape[0]} samples ({model.num_parameters()} parameters)")
        if args.out:
            write_npz(args.out, ours, force=args.force)
            print(f"wrote {args.out}")
        if args.compare:
            theirs, _ = read_npz(args.compare)
            if not compare(ours, theirs, args.rtol, args.floor):
                print(f"FAILED: relative error above {args.rtol:g}")
                return 1
            print(f"all arrays agree within {args.rtol:g}")
    except (ValueError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
