"""Writes the golden file that the Java tests compare STRNN against: loss, logits and the gradient
of every parameter, computed by PyTorch in float64 for a list of tiny configurations.

    /usr/bin/python3 strnn/src/test/pytorch/make_golden.py \
        --out strnn/src/test/resources/golden/strnn-torch.json [--force]

The cases are the ones of the Java test class ``org.strnn.model.StrnnConfigurations`` (same names,
same switches); the Java test ``GoldenFileTest`` checks that each case's configuration here equals
the Java one, then loads the parameters, recomputes everything and compares to 1e-9. Parameters,
inputs and labels are drawn from a seeded torch generator, so the file is reproducible.

The forward pass generalises ``strnn_torch.STRNN`` to the Java switches that the benchmark port
does not implement (fewer directions, in any order; no spatial or no temporal recurrence; the
sparsity modes). It reuses that file's DAGs, ``dag_recurrence`` and ``mix_blocks``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Dict, List

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from strnn_torch import Schedule, dag_recurrence, lattice_layout, layout_from_grid, mix_blocks, predecessors  # noqa: E402

HOLES = ("A B - C", "- D E F", "G - H -")

BASE = dict(layout="lattice3x3", d=2, T=3, ds=3, Ks=2, dt=3, Kt=2, C=3, activation="relu", merge="sum",
            directions=[0, 1, 2, 3], spatial_rnn=True, temporal_rnn=True, sparsity="l1", lambda_s=0.01,
            lambda_t=0.02)


def case(**changes) -> dict:
    c = dict(BASE)
    c.update(changes)
    return c


#: The cases of org.strnn.model.StrnnConfigurations, in its order.
CASES: Dict[str, dict] = {
    "base": case(),
    "tanh": case(activation="tanh"),
    "concat": case(merge="concat"),
    "directions-2": case(directions=[0, 3]),
    "directions-2-anti": case(directions=[1, 2]),
    "directions-1": case(directions=[2]),
    "no-spatial-rnn": case(spatial_rnn=False),
    "no-temporal-rnn": case(temporal_rnn=False),
    "no-rnn": case(spatial_rnn=False, temporal_rnn=False),
    "proximal": case(sparsity="proximal"),
    "no-sparsity": case(sparsity="none", lambda_s=0.0, lambda_t=0.0),
    "lattice-3x4": case(layout="lattice3x4"),
    "holes": case(layout="holes"),
    "t-1": case(T=1),
    "tanh-concat-directions-2": case(activation="tanh", merge="concat", directions=[1, 2]),
    "tanh-directions-2-no-temporal-rnn": case(activation="tanh", directions=[0, 3], temporal_rnn=False),
    "concat-directions-1-no-spatial-rnn": case(merge="concat", directions=[1], spatial_rnn=False),
    "tanh-no-rnn-proximal-3x4": case(activation="tanh", spatial_rnn=False, temporal_rnn=False,
                                     sparsity="proximal", layout="lattice3x4"),
    "holes-concat-tanh-t-1": case(layout="holes", d=3, merge="concat", activation="tanh", T=1),
    "sizes-4-3-2-3-c-4": case(ds=4, Ks=3, dt=2, Kt=3, C=4, T=4, directions=[3, 0, 1]),
}


def layout_of(name: str):
    if name == "holes":
        return layout_from_grid(HOLES)
    h, w = name[len("lattice"):].split("x")
    return lattice_layout(int(h), int(w))


def param_shapes(c: dict, n: int) -> Dict[str, tuple]:
    """Names and shapes in the Java model's order (vectors are 1 x k, as Java stores them)."""
    dirs = c["directions"]
    m_dim = c["ds"] * c["Ks"] * (len(dirs) if c["merge"] == "concat" else 1)
    s: Dict[str, tuple] = {}
    for r in dirs:
        s[f"U{r}"] = (c["ds"], c["d"])
    if c["spatial_rnn"]:
        for r in dirs:
            s[f"W{r}"] = (c["ds"], c["ds"])
    for r in dirs:
        s[f"b{r}"] = (1, c["ds"])
    for r in dirs:
        s[f"G{r}"] = (n, c["Ks"])
    for side in "fb":
        s[f"R{side}"] = (c["dt"], m_dim)
        if c["temporal_rnn"]:
            s[f"V{side}"] = (c["dt"], c["dt"])
        s[f"b{side}"] = (1, c["dt"])
        s[f"G{side}"] = (c["T"], c["Kt"])
    s["Pf"] = (c["C"], c["dt"] * c["Kt"])
    s["Pb"] = (c["C"], c["dt"] * c["Kt"])
    s["c"] = (1, c["C"])
    return s


def forward(c: dict, layout, p: Dict[str, torch.Tensor], X: torch.Tensor) -> torch.Tensor:
    """Logits (B, C) of X (B, T, n, d), spec sections 3-5 with the Java switches."""
    act = torch.relu if c["activation"] == "relu" else torch.tanh
    B, T, n, d = X.shape
    xv = X.reshape(B * T, n, d).transpose(0, 1)                  # (n, N, d), slice b*T + t
    S = []
    for r in c["directions"]:
        U, b, G = p[f"U{r}"], p[f"b{r}"].reshape(-1), p[f"G{r}"]
        if c["spatial_rnn"]:
            h = dag_recurrence(xv, U, p[f"W{r}"], b, Schedule("vertex", predecessors(layout, r)), act)
        else:
            h = act(torch.matmul(xv, U.t()) + b)                  # h_v = act(U x_v + b)
        S.append(mix_blocks(h, G))                                # (N, ds*Ks)
    m = sum(S[1:], S[0]) if c["merge"] == "sum" else torch.cat(S, dim=1)
    m = m.view(B, T, -1)

    def temporal(side: str, reverse: bool) -> torch.Tensor:
        R, bias = p[f"R{side}"], p[f"b{side}"].reshape(-1)
        V = p.get(f"V{side}")
        states: List = [None] * T
        prev = None
        for t in (reversed(range(T)) if reverse else range(T)):
            pre = torch.matmul(m[:, t], R.t()) + bias
            if V is not None and prev is not None:
                pre = pre + torch.mm(prev, V.t())
            prev = states[t] = act(pre)
        return torch.stack(states, dim=2)                         # (B, dt, T)

    qf = torch.matmul(temporal("f", False), p["Gf"]).reshape(B, -1)
    qb = torch.matmul(temporal("b", True), p["Gb"]).reshape(B, -1)
    return torch.matmul(qf, p["Pf"].t()) + torch.matmul(qb, p["Pb"].t()) + p["c"].reshape(-1)


def loss_of(c: dict, p: Dict[str, torch.Tensor], logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean cross-entropy, plus ls sum_r |G_r|_1 + lt (|Gf|_1 + |Gb|_1) when sparsity is l1."""
    loss = F.cross_entropy(logits, y)
    if c["sparsity"] == "l1":
        spatial = sum(p[f"G{r}"].abs().sum() for r in c["directions"])
        loss = loss + c["lambda_s"] * spatial + c["lambda_t"] * (p["Gf"].abs().sum() + p["Gb"].abs().sum())
    return loss


def golden_case(name: str, c: dict, seed: int, batch: int = 2) -> dict:
    layout = layout_of(c["layout"])
    gen = torch.Generator().manual_seed(seed)
    p = {}
    for key, shape in param_shapes(c, len(layout)).items():
        scale = 0.3 if shape[0] == 1 else (2.0 / (shape[0] + shape[1])) ** 0.5 * 1.5
        p[key] = (torch.randn(shape, generator=gen, dtype=torch.float64) * scale).requires_grad_(True)
    X = torch.randn((batch, c["T"], len(layout), c["d"]), generator=gen, dtype=torch.float64)
    y = torch.randint(0, c["C"], (batch,), generator=gen, dtype=torch.int64)
    logits = forward(c, layout, p, X)
    loss = loss_of(c, p, logits, y)
    loss.backward()
    flat = lambda t: [float(v) for v in t.detach().reshape(-1)]  # noqa: E731
    config = dict(c)
    config["layout"] = {"name": c["layout"], "electrodes": [[e, r, col] for e, r, col in layout]}
    return {
        "name": name,
        "config": config,
        "batch": batch,
        "x": flat(X),
        "labels": [int(v) for v in y],
        "params": {k: {"shape": list(v.shape), "data": flat(v)} for k, v in p.items()},
        "logits": flat(logits),
        "loss": float(loss),
        # A parameter the loss does not reach (V at T = 1) has a zero gradient, as in Java.
        "grads": {k: flat(v.grad if v.grad is not None else torch.zeros_like(v)) for k, v in p.items()},
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    args = parser.parse_args(argv)
    if os.path.exists(args.out) and not args.force:
        print(f"error: {args.out} exists; pass --force to overwrite it", file=sys.stderr)
        return 1
    doc = {
        "about": "STRNN loss, logits and gradients from PyTorch " + torch.__version__ + " (float64), "
                 "written by strnn/src/test/pytorch/make_golden.py",
        "cases": [golden_case(name, c, seed) for seed, (name, c) in enumerate(CASES.items())],
    }
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    os.replace(tmp, args.out)
    print(f"wrote {args.out}: {len(doc['cases'])} cases, {os.path.getsize(args.out)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
