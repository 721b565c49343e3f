"""STRNN (Zhang et al. 2019) in PyTorch, float64: the reference side of the Java/PyTorch benchmark.

This file follows docs/strnn-spec.md, sections 2-8, term for term. Shapes (B = batch, T = slices,
n = vertices, d = features per vertex, N = B*T slices):

    X (B, T, n, d) --spatial RNN, 4 directions--> H^r (ds x n per slice)
      --S^r = H^r G_r, merge--> m_t (ds*Ks, or 4*ds*Ks for merge='concat')
      --bidirectional temporal RNN--> f_t, g_t (dt)
      --Qf = [f_1..f_T] Gf, Qb = [g_1..g_T] Gb--> o = Pf vec(Qf) + Pb vec(Qb) + c   (C logits)

    L = mean_i CE(softmax(o_i), y_i) + lambda_s sum_r |G_r|_1 + lambda_t (|Gf|_1 + |Gb|_1)

``vec`` is row-major everywhere: vec(S)[i*K + k] = S[i, k].

Ordering conventions that a second implementation must share to agree to rounding error:
  * vertex v is the v-th entry of the layout (SEED: the order of SEED's feature rows), and the
    columns of H^r and the rows of G_r are in that order;
  * direction r uses the predecessor offsets of ``DIRECTION_OFFSETS[r]`` (spec section 2) and
    sums a vertex's predecessors in that offset order;
  * merge='concat' stacks vec(S^0), vec(S^1), vec(S^2), vec(S^3) in direction order;
  * Gf and Gb both index natural time: row t of Gb multiplies g_t, not the t-th backward step.

The spatial recurrence is computed with one of two schedules, which give bit-identical forward
results (see ``Schedule``):
  * 'vertex': one step per vertex, in a topological order of the direction's DAG;
  * 'level':  one step per DAG level (13 per direction on SEED): the vertices of one level do not
    depend on each other, so their predecessor sums are gathered and multiplied by W_r at once.

Run ``python3 strnn_torch.py --help`` for a small command line (graph oracles, random models and
batches in the .npz format that ``grad_check.py`` reads).
"""

from __future__ import annotations

import argparse
import dataclasses
import heapq
import io
import json
import math
import os
import sys
import zipfile
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

# --------------------------------------------------------------------------------------- layouts

#: A vertex of a layout: (name, row, col), 0-based lattice cell.
Electrode = Tuple[str, int, int]

#: SEED's 62 channels on a 9x9 grid (spec section 2). Vertices are numbered row by row, left to
#: right, which is the order of SEED's feature rows.
SEED_GRID = (
    "-    -    -    FP1  FPZ  FP2  -    -    -",
    "-    -    -    AF3  -    AF4  -    -    -",
    "F7   F5   F3   F1   FZ   F2   F4   F6   F8",
    "FT7  FC5  FC3  FC1  FCZ  FC2  FC4  FC6  FT8",
    "T7   C5   C3   C1   CZ   C2   C4   C6   T8",
    "TP7  CP5  CP3  CP1  CPZ  CP2  CP4  CP6  TP8",
    "P7   P5   P3   P1   PZ   P2   P4   P6   P8",
    "-    PO7  PO5  PO3  POZ  PO4  PO6  PO8  -",
    "-    -    CB1  O1   OZ   O2   CB2  -    -",
)


def layout_from_grid(grid_rows: Sequence[str]) -> List[Electrode]:
    """A layout from a picture of the grid ('-' = empty cell), numbered row by row."""
    cells = []
    for r, line in enumerate(grid_rows):
        for c, token in enumerate(line.split()):
            if token != "-":
                cells.append((token, r, c))
    return cells


def seed62_layout() -> List[Electrode]:
    return layout_from_grid(SEED_GRID)


def lattice_layout(h: int, w: int) -> List[Electrode]:
    """An h x w lattice of patches named P<row>_<col>, row-major (the Java Layouts.lattice)."""
    if h < 1 or w < 1:
        raise ValueError(f"a lattice needs h, w >= 1, got {h}x{w}")
    return [(f"P{r}_{c}", r, c) for r in range(h) for c in range(w)]


def parse_layout(spec) -> List[Electrode]:
    """Accepts 'seed62', 'latticeHxW' / 'lattice:HxW', a list of [name, row, col] or of
    {"name", "row", "col"} objects, or an object {"electrodes": [...]} holding such a list."""
    if isinstance(spec, str):
        key = spec.strip().lower()
        if key in ("seed62", "seed"):
            return seed62_layout()
        if key.startswith("lattice"):
            try:
                h, w = key[len("lattice"):].lstrip(":").split("x")
                return lattice_layout(int(h), int(w))
            except ValueError:
                raise ValueError(f"cannot read lattice layout '{spec}' (expected e.g. lattice:3x3)") from None
        raise ValueError(f"unknown layout '{spec}' (expected seed62, lattice:HxW, or a list of [name, row, col])")
    if isinstance(spec, dict):
        if "electrodes" not in spec:
            raise ValueError("a layout object needs an 'electrodes' list")
        return parse_layout(spec["electrodes"])
    cells = []
    for e in spec:
        if isinstance(e, dict):
            cells.append((str(e["name"]), int(e["row"]), int(e["col"])))
        else:
            name, row, col = e
            cells.append((str(name), int(row), int(col)))
    _validate_layout(cells)
    return cells


def _validate_layout(cells: Sequence[Electrode]) -> None:
    if not cells:
        raise ValueError("a layout needs at least one vertex")
    seen_cells, seen_names = {}, set()
    for name, r, c in cells:
        if r < 0 or c < 0:
            raise ValueError(f"electrode {name} has a negative cell ({r}, {c})")
        if (r, c) in seen_cells:
            raise ValueError(f"{seen_cells[(r, c)]} and {name} share the cell ({r}, {c})")
        key = name.strip().rstrip(".").strip().upper()
        if key in seen_names:
            raise ValueError(f"the layout names {key} twice")
        seen_cells[(r, c)] = name
        seen_names.add(key)


# ----------------------------------------------------------------------------- the direction DAGs

#: Predecessor offsets (drow, dcol) per direction, spec section 2. Order matters only for the
#: rounding of predecessor sums; it is the order of the spec's table.
DIRECTION_OFFSETS = (
    ((0, -1), (-1, -1), (-1, 0)),  # 0: from the top-left corner
    ((0, +1), (-1, +1), (-1, 0)),  # 1: from the top-right corner
    ((0, -1), (+1, -1), (+1, 0)),  # 2: from the bottom-left corner
    ((0, +1), (+1, +1), (+1, 0)),  # 3: from the bottom-right corner
)


def predecessors(layout: Sequence[Electrode], direction: int) -> List[List[int]]:
    """N^r(v) for every vertex: the occupied cells at the direction's offsets, in offset order."""
    at = {(r, c): v for v, (_, r, c) in enumerate(layout)}
    return [[at[(r + dr, c + dc)] for dr, dc in DIRECTION_OFFSETS[direction] if (r + dr, c + dc) in at]
            for _, r, c in layout]


def dag_levels(preds: Sequence[Sequence[int]]) -> List[List[int]]:
    """Longest-path levels: 0 for a root, else 1 + the deepest predecessor's level. Vertices of
    one level are listed in increasing order (as the Java Dag does)."""
    order = topological_order(preds)
    level = [0] * len(preds)
    for v in order:
        level[v] = 1 + max((level[u] for u in preds[v]), default=-1)
    levels: List[List[int]] = [[] for _ in range(max(level) + 1)]
    for v in range(len(preds)):
        levels[level[v]].append(v)
    return levels


def topological_order(preds: Sequence[Sequence[int]]) -> List[int]:
    """Kahn's algorithm, always taking the smallest ready vertex: deterministic for any DAG."""
    n = len(preds)
    indegree = [len(p) for p in preds]
    successors: List[List[int]] = [[] for _ in range(n)]
    for v, p in enumerate(preds):
        for u in p:
            successors[u].append(v)
    ready = [v for v in range(n) if indegree[v] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        u = heapq.heappop(ready)
        order.append(u)
        for v in successors[u]:
            indegree[v] -= 1
            if indegree[v] == 0:
                heapq.heappush(ready, v)
    if len(order) != n:
        raise ValueError(f"the predecessor lists contain a cycle ({n - len(order)} vertices on or behind it)")
    return order


def in_degree_histogram(preds: Sequence[Sequence[int]]) -> Dict[int, int]:
    hist: Dict[int, int] = {}
    for p in preds:
        hist[len(p)] = hist.get(len(p), 0) + 1
    return dict(sorted(hist.items()))


def check_seed_oracles() -> None:
    """The spec's oracles for the SEED grid (section 2); raises AssertionError on a mismatch."""
    layout = seed62_layout()
    names = [e[0] for e in layout]
    assert len(layout) == 62, len(layout)
    assert names[:6] == ["FP1", "FPZ", "FP2", "AF3", "AF4", "F7"] and names[-1] == "CB2", names
    for r in range(4):
        preds = predecessors(layout, r)
        links = sum(len(p) for p in preds)
        assert links == 151, f"direction {r}: {links} links, expected 151"
        want = {0: 2, 1: 11, 2: 7, 3: 42} if r < 2 else {0: 3, 1: 9, 2: 8, 3: 42}
        got = in_degree_histogram(preds)
        assert got == want, f"direction {r}: in-degree histogram {got}, expected {want}"
        assert len(dag_levels(preds)) == 13, f"direction {r}: {len(dag_levels(preds))} levels, expected 13"
    preds0 = predecessors(layout, 0)
    named = lambda v: {names[u] for u in preds0[names.index(v)]}  # noqa: E731
    assert named("AF3") == {"FP1"}, named("AF3")
    assert named("FZ") == {"F1", "AF3"}, named("FZ")


# ------------------------------------------------------------------------------------- schedules

class Schedule:
    """How the recurrence over one direction's DAG is split into sequential steps.

    A schedule is a list of vertex groups ("steps") such that every predecessor of a vertex lies
    in an earlier group. Step g computes, for all N slices at once,

        h_V = act( xu_V + (sum of predecessor states) W^T ),   xu = U x + b,

    for its vertices V. The predecessor sums are gathered slot by slot (slot k = the k-th entry
    of each vertex's predecessor list), so every sum is ((0 + h_p0) + h_p1) + h_p2 in
    predecessor-list order whatever the grouping: both schedules give bit-identical states.

    The index tensors are precomputed here, once per model.
    """

    def __init__(self, kind: str, preds: Sequence[Sequence[int]]):
        if kind == "vertex":
            groups = [[v] for v in topological_order(preds)]
        elif kind == "level":
            groups = dag_levels(preds)
        else:
            raise ValueError(f"unknown schedule '{kind}' (expected 'vertex' or 'level')")
        self.kind = kind
        self.n = len(preds)
        order = [v for g in groups for v in g]
        where = {}  # vertex -> (step, position within the step)
        for g, verts in enumerate(groups):
            for q, v in enumerate(verts):
                where[v] = (g, q)
        #: vertices in step order; the input terms are gathered once in this order
        self.order = torch.tensor(order, dtype=torch.long)
        self.identity_order = order == list(range(self.n))
        #: position of vertex v in step order, used to return the states in vertex order
        self.inverse = torch.tensor(np.argsort(order, kind="stable"), dtype=torch.long)
        self.sizes = [len(g) for g in groups]
        #: gathers[g] = [(source step, source positions, destination positions, whole), ...] in
        #: slot-major order; whole = the destinations are all of step g's vertices, in order.
        self.gathers: List[List[Tuple[int, torch.Tensor, torch.Tensor, bool]]] = []
        for g, verts in enumerate(groups):
            plan = []
            for slot in range(max((len(preds[v]) for v in verts), default=0)):
                by_source: Dict[int, Tuple[List[int], List[int]]] = {}
                for q, v in enumerate(verts):
                    if slot < len(preds[v]):
                        src_step, src_pos = where[preds[v][slot]]
                        assert src_step < g, "a predecessor must be computed in an earlier step"
                        by_source.setdefault(src_step, ([], []))
                        by_source[src_step][0].append(src_pos)
                        by_source[src_step][1].append(q)
                for src_step in sorted(by_source):
                    src, dst = by_source[src_step]
                    plan.append((src_step, torch.tensor(src, dtype=torch.long), torch.tensor(dst, dtype=torch.long),
                                 dst == list(range(len(verts)))))
            self.gathers.append(plan)

    @property
    def steps(self) -> int:
        return len(self.sizes)


def dag_recurrence(xv: torch.Tensor, U: torch.Tensor, W: torch.Tensor, b: torch.Tensor,
                   schedule: Schedule, act) -> torch.Tensor:
    """Spec section 3 for one direction and all slices.

    xv: (n, N, d) vertex-major input. Returns the states (n, N, ds), vertex-major, in layout order.
    Vertex-major storage makes a vertex's states for all slices one contiguous block, so a step's
    gathers and its W product work on contiguous memory.
    """
    n, N, _ = xv.shape
    ds = W.shape[0]
    if not schedule.identity_order:
        xv = xv.index_select(0, schedule.order)
    xu = torch.matmul(xv, U.t()) + b                    # (n, N, ds), step order
    # One split node, so backward concatenates the step gradients once (a slice per step would
    # materialise a full-size zero gradient per step).
    xu_steps = torch.split(xu, schedule.sizes, dim=0)
    outs: List[torch.Tensor] = []
    for g, pre in enumerate(xu_steps):
        plan = schedule.gathers[g]
        if plan:
            sums = None
            for src_step, src, dst, whole in plan:
                piece = outs[src_step].index_select(0, src)        # a fresh copy
                if sums is None and whole:
                    sums = piece                                   # = 0 + piece, exactly
                else:
                    if sums is None:
                        sums = pre.new_zeros(pre.shape)
                    sums.index_add_(0, dst, piece)
            pre = pre + torch.mm(sums.view(-1, ds), W.t()).view(pre.shape)
        outs.append(act(pre))
    h = torch.cat(outs, dim=0)
    return h if schedule.identity_order else h.index_select(0, schedule.inverse)


def mix_blocks(h: torch.Tensor, G: torch.Tensor) -> torch.Tensor:
    """S = H G per slice, row-major vec: h (n, N, w) vertex-major, G (n, K) -> (N, w*K) with
    out[s, i*K + k] = sum_v h[v, s, i] G[v, k]. One GEMM over all slices; the transposed view
    is passed to BLAS as such (no copy)."""
    n, N, w = h.shape
    return torch.mm(h.reshape(n, N * w).t(), G).reshape(N, w * G.shape[1])


# ----------------------------------------------------------------------------------------- model

@dataclass(frozen=True)
class Config:
    """Hyper-parameters (spec section 7 defaults). These are also the config.json keys."""
    ds: int = 30
    dt: int = 30
    Ks: int = 10
    Kt: int = 5
    T: int = 9
    C: int = 3
    d: int = 5
    merge: str = "sum"            # 'sum' | 'concat'
    activation: str = "relu"      # 'relu' | 'tanh'
    lambda_s: float = 1e-4
    lambda_t: float = 1e-4
    layout: Tuple[Electrode, ...] = tuple(seed62_layout())

    def __post_init__(self):
        for key in ("ds", "dt", "Ks", "Kt", "T", "C", "d"):
            if getattr(self, key) < 1:
                raise ValueError(f"{key} must be >= 1, got {getattr(self, key)}")
        if self.merge not in ("sum", "concat"):
            raise ValueError(f"merge must be 'sum' or 'concat', got '{self.merge}'")
        if self.activation not in ("relu", "tanh"):
            raise ValueError(f"activation must be 'relu' or 'tanh', got '{self.activation}'")
        _validate_layout(self.layout)

    @property
    def n(self) -> int:
        return len(self.layout)

    @property
    def m_dim(self) -> int:
        """dim(m_t): ds*Ks for the sum, 4*ds*Ks for the concatenation."""
        return self.ds * self.Ks * (4 if self.merge == "concat" else 1)

    def param_shapes(self) -> Dict[str, Tuple[int, ...]]:
        """Spec section 8, in the spec's order."""
        s: Dict[str, Tuple[int, ...]] = {}
        for kind, shape in (("U", (self.ds, self.d)), ("W", (self.ds, self.ds)), ("b", (self.ds,)),
                            ("G", (self.n, self.Ks))):
            for r in range(4):
                s[f"{kind}{r}"] = shape
        for side in ("f", "b"):
            s[f"R{side}"] = (self.dt, self.m_dim)
            s[f"V{side}"] = (self.dt, self.dt)
            s[f"b{side}"] = (self.dt,)
            s[f"G{side}"] = (self.T, self.Kt)
        s["Pf"] = (self.C, self.dt * self.Kt)
        s["Pb"] = (self.C, self.dt * self.Kt)
        s["c"] = (self.C,)
        return s

    def to_json(self) -> dict:
        out = dataclasses.asdict(self)
        out["n"] = self.n
        out["layout"] = [[name, r, c] for name, r, c in self.layout]
        return out


CONFIG_KEYS = ("ds", "dt", "Ks", "Kt", "T", "C", "d", "merge", "activation", "lambda_s", "lambda_t", "layout")


def config_from_json(obj: dict) -> dict:
    """The hyper-parameters found in a config.json object, as Config field values. Keys not in
    CONFIG_KEYS (seed, provenance, version, ...) are ignored; 'n', if present, is checked against
    the layout by resolve_config. Enum-like strings are case-insensitive ('RELU' == 'relu')."""
    out = {}
    for key in CONFIG_KEYS:
        if key not in obj:
            continue
        value = obj[key]
        if key == "layout":
            value = tuple(parse_layout(value))
        elif key in ("merge", "activation"):
            value = str(value).lower()
        elif key in ("lambda_s", "lambda_t"):
            value = float(value)
        else:
            if float(value) != int(value):
                raise ValueError(f"config.json: {key} must be an integer, got {value}")
            value = int(value)
        out[key] = value
    return out


def xavier_normal(shape: Tuple[int, int], gen: torch.Generator) -> torch.Tensor:
    """N(0, 2 / (rows + cols)) (Glorot & Bengio), drawn from an explicit generator."""
    std = math.sqrt(2.0 / (shape[0] + shape[1]))
    return torch.randn(shape, generator=gen, dtype=torch.float64) * std


class STRNN(nn.Module):
    """The model of spec sections 2-6. Parameters are named and shaped as in section 8."""

    def __init__(self, config: Config = Config(), schedule: str = "level", seed: int = 0):
        super().__init__()
        self.config = config
        gen = torch.Generator().manual_seed(seed)
        for name, shape in config.param_shapes().items():
            value = xavier_normal(shape, gen) if len(shape) == 2 else torch.zeros(shape, dtype=torch.float64)
            setattr(self, name, nn.Parameter(value))
        self.act = torch.relu if config.activation == "relu" else torch.tanh
        preds = [predecessors(config.layout, r) for r in range(4)]
        self.schedules = {kind: [Schedule(kind, p) for p in preds] for kind in ("vertex", "level")}
        self.schedule = schedule
        if config == Config():
            assert self.num_parameters() == 27653, self.num_parameters()

    @property
    def schedule(self) -> str:
        return self._schedule

    @schedule.setter
    def schedule(self, kind: str) -> None:
        if kind not in ("vertex", "level"):
            raise ValueError(f"unknown schedule '{kind}' (expected 'vertex' or 'level')")
        self._schedule = kind

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def params(self) -> Dict[str, nn.Parameter]:
        """Parameters by spec name, in the spec's order."""
        return {name: getattr(self, name) for name in self.config.param_shapes()}

    # -- forward pieces

    def check_input(self, X: torch.Tensor) -> None:
        c = self.config
        if X.dim() != 4 or tuple(X.shape[1:]) != (c.T, c.n, c.d):
            raise ValueError(f"X must be B x T x n x d = B x {c.T} x {c.n} x {c.d}, got {tuple(X.shape)}")
        if X.dtype != torch.float64:
            raise ValueError(f"X must be float64, got {X.dtype}")

    def spatial(self, X: torch.Tensor) -> torch.Tensor:
        """Sections 3-4: X (B, T, n, d) -> m (B, T, dim(m))."""
        B, T, n, d = X.shape
        xv = X.reshape(B * T, n, d).transpose(0, 1)          # (n, N, d), slice s = b*T + t
        S = []
        for r in range(4):
            U, W, b, G = (getattr(self, f"{k}{r}") for k in "UWbG")
            h = dag_recurrence(xv, U, W, b, self.schedules[self.schedule][r], self.act)
            S.append(mix_blocks(h, G))                        # (N, ds*Ks) = vec(S^r_t)
        if self.config.merge == "sum":
            m = S[0] + S[1] + S[2] + S[3]
        else:
            m = torch.cat(S, dim=1)
        return m.view(B, T, -1)

    def temporal(self, m: torch.Tensor, R, V, bias, reverse: bool) -> torch.Tensor:
        """Section 5, one direction: states (B, dt, T), column t = state at natural time t."""
        inputs = torch.unbind(torch.matmul(m, R.t()) + bias, dim=1)   # R m_t + bias, per t
        states: List[Optional[torch.Tensor]] = [None] * len(inputs)
        prev = None
        for t in (reversed(range(len(inputs))) if reverse else range(len(inputs))):
            pre = inputs[t] if prev is None else inputs[t] + torch.mm(prev, V.t())
            prev = states[t] = self.act(pre)
        return torch.stack(states, dim=2)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        """Logits o (B, C)."""
        self.check_input(X)
        m = self.spatial(X)
        fs = self.temporal(m, self.Rf, self.Vf, self.bf, reverse=False)    # [f_1 .. f_T]
        gs = self.temporal(m, self.Rb, self.Vb, self.bb, reverse=True)     # [g_1 .. g_T]
        B = X.shape[0]
        qf = torch.matmul(fs, self.Gf).reshape(B, -1)    # vec(Qf), Qf = [f_1..f_T] Gf (dt x Kt)
        qb = torch.matmul(gs, self.Gb).reshape(B, -1)    # vec(Qb), Qb = [g_1..g_T] Gb
        return torch.matmul(qf, self.Pf.t()) + torch.matmul(qb, self.Pb.t()) + self.c

    def penalty(self) -> torch.Tensor:
        """ls sum_r |G_r|_1 + lt (|Gf|_1 + |Gb|_1); d|w|/dw(0) = 0 (torch.abs uses sign)."""
        c = self.config
        spatial = self.G0.abs().sum() + self.G1.abs().sum() + self.G2.abs().sum() + self.G3.abs().sum()
        temporal = self.Gf.abs().sum() + self.Gb.abs().sum()
        return c.lambda_s * spatial + c.lambda_t * temporal

    def loss(self, X: torch.Tensor, y: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """(L, logits): L = mean cross-entropy + the L1 penalty (section 6)."""
        if y.dim() != 1 or y.shape[0] != X.shape[0] or y.dtype != torch.int64:
            raise ValueError(f"y must be int64 of shape ({X.shape[0]},), got {y.dtype} {tuple(y.shape)}")
        if y.numel() and (int(y.min()) < 0 or int(y.max()) >= self.config.C):
            raise ValueError(f"labels must lie in 0..{self.config.C - 1}, got {int(y.min())}..{int(y.max())}")
        logits = self(X)
        return F.cross_entropy(logits, y) + self.penalty(), logits

    # -- parameters in and out

    def load_arrays(self, arrays: Dict[str, np.ndarray]) -> None:
        """Copies parameters from arrays keyed by spec name; shapes are checked exactly, except
        that a vector may also come as 1 x k or k x 1."""
        shapes = self.config.param_shapes()
        missing = [k for k in shapes if k not in arrays]
        if missing:
            raise ValueError(f"missing parameters: {', '.join(missing)}")
        unknown = sorted(set(arrays) - set(shapes))
        if unknown:
            print(f"warning: ignoring arrays that are not parameters: {', '.join(unknown)}", file=sys.stderr)
        for name, shape in shapes.items():
            a = np.asarray(arrays[name])
            if not np.issubdtype(a.dtype, np.floating):
                raise ValueError(f"parameter {name} must be float64, got {a.dtype}")
            if len(shape) == 1 and a.ndim == 2 and 1 in a.shape and a.size == shape[0]:
                a = a.reshape(shape)
            if tuple(a.shape) != shape:
                raise ValueError(f"parameter {name} has shape {tuple(a.shape)}, the config needs {shape}")
            with torch.no_grad():
                getattr(self, name).copy_(torch.from_numpy(np.ascontiguousarray(a, dtype=np.float64)))

    def arrays(self) -> Dict[str, np.ndarray]:
        return {name: p.detach().numpy().copy() for name, p in self.params().items()}


# ---------------------------------------------------------------------------------------- npz i/o

def read_npz(path: str) -> Tuple[Dict[str, np.ndarray], Optional[dict]]:
    """Arrays and the parsed config.json (None if absent) of an .npz archive. Members are read
    one by one with zipfile so that a non-.npy member (config.json) is no obstacle."""
    arrays: Dict[str, np.ndarray] = {}
    config = None
    with zipfile.ZipFile(path) as z:
        for member in z.namelist():
            if member.endswith(".npy"):
                with z.open(member) as f:
                    arrays[member[:-4]] = np.lib.format.read_array(f, allow_pickle=False)
            elif member == "config.json":
                config = json.loads(z.read(member).decode("utf-8"))
    return arrays, config


def write_npz(path: str, arrays: Dict[str, np.ndarray], config: Optional[dict] = None,
              force: bool = False) -> None:
    """An .npz that numpy.load reads: one '<name>.npy' member per array (C order, little-endian
    float64 / int64 as given), plus 'config.json' when a config is given. Stored, not deflated,
    like numpy.savez."""
    if os.path.exists(path) and not force:
        raise FileExistsError(f"{path} exists; pass --force to overwrite it")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as z:
        for name, a in arrays.items():
            a = np.asarray(a)
            a = np.ascontiguousarray(a, dtype=a.dtype.newbyteorder("<"))
            buf = io.BytesIO()
            np.lib.format.write_array(buf, a, allow_pickle=False)
            z.writestr(name + ".npy", buf.getvalue())
        if config is not None:
            z.writestr("config.json", json.dumps(config).encode("utf-8"))


def save_model(model: STRNN, path: str, extra: Optional[dict] = None, force: bool = False) -> None:
    config = model.config.to_json()
    config.update(extra or {})
    write_npz(path, model.arrays(), config, force=force)


def load_model(path: str, cli: Optional[dict] = None, schedule: str = "level") -> STRNN:
    """A model from an .npz. Hyper-parameters: Config defaults, overridden by config.json when the
    archive has one, else by the explicitly given CLI values ``cli``. A CLI value that
    contradicts config.json is an error (the archive describes the parameters it holds)."""
    arrays, file_config = read_npz(path)
    model = STRNN(resolve_config(cli or {}, file_config, source=path), schedule=schedule)
    model.load_arrays(arrays)
    return model


def unwrap_java_config(file_config: Optional[dict], source: str) -> Optional[dict]:
    """The Java implementation's config.json nests the hyper-parameters under "model", next to
    "classes", "input_scaling", "training" and "provenance". Returns the flat hyper-parameter object,
    refusing the Java switches this port does not implement, and folding the sparsity mode into
    the L1 weights (the Java loss has L1 terms only when sparsity is "l1")."""
    if file_config is None or not isinstance(file_config.get("model"), dict):
        return file_config
    flat = dict(file_config["model"])
    if list(flat.get("directions", [0, 1, 2, 3])) != [0, 1, 2, 3]:
        raise ValueError(f"{source}: directions {flat['directions']} are not supported here (only all four)")
    if not flat.get("spatial_rnn", True) or not flat.get("temporal_rnn", True):
        raise ValueError(f"{source}: the ablations without spatial or temporal recurrence are not supported here")
    if "input_scaling" in file_config:
        raise ValueError(f"{source}: input_scaling (a trained model's standardisation) is not supported here; "
                         "compare untrained models from 'strnn init'")
    if str(flat.get("sparsity", "l1")).lower() != "l1":
        flat["lambda_s"] = 0.0
        flat["lambda_t"] = 0.0
    return flat


def resolve_config(cli: dict, file_config: Optional[dict], source: str = "config.json") -> Config:
    file_config = unwrap_java_config(file_config, source)
    values = dict(cli)
    if file_config is not None:
        from_file = config_from_json(file_config)
        for key, value in cli.items():
            if key in from_file and from_file[key] != value:
                shown = "the layout" if key == "layout" else f"{key} = {from_file[key]!r}"
                raise ValueError(f"--{key} contradicts {source}'s config.json ({shown}); drop the flag")
        values.update(from_file)
    config = Config(**values)
    if file_config is not None and "n" in file_config and int(file_config["n"]) != config.n:
        raise ValueError(f"{source}'s config.json says n = {file_config['n']}, but the layout has {config.n} vertices")
    return config


def add_config_args(parser: argparse.ArgumentParser) -> None:
    """Hyper-parameter flags. All default to None ('not given'), so that config.json can win."""
    g = parser.add_argument_group("hyper-parameters (used when the model has no config.json)")
    for key in ("ds", "dt", "Ks", "Kt", "T", "C", "d"):
        g.add_argument(f"--{key}", type=int, default=None, help=f"default {getattr(Config, key)}")
    g.add_argument("--merge", choices=("sum", "concat"), default=None, help="default sum")
    g.add_argument("--activation", choices=("relu", "tanh"), default=None, help="default relu")
    g.add_argument("--lambda_s", type=float, default=None, help="default 1e-4")
    g.add_argument("--lambda_t", type=float, default=None, help="default 1e-4")
    g.add_argument("--layout", default=None, help="seed62 (default), lattice:HxW, or a JSON file "
                                                   "with a list of [name, row, col]")


def cli_config(args: argparse.Namespace) -> dict:
    """The hyper-parameters given explicitly on the command line."""
    out = {}
    for key in CONFIG_KEYS:
        value = getattr(args, key, None)
        if value is None:
            continue
        if key == "layout":
            if os.path.isfile(value):
                with open(value, encoding="utf-8") as f:
                    value = json.load(f)
            value = tuple(parse_layout(value))
        out[key] = value
    return out


# ------------------------------------------------------------------------------------ small CLI

def _main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("graph", help="check the SEED graph oracles and print the direction DAGs")
    p_init = sub.add_parser("init", help="write a freshly initialised model (with config.json)")
    p_init.add_argument("--out", required=True)
    p_init.add_argument("--seed", type=int, default=0)
    p_init.add_argument("--force", action="store_true")
    add_config_args(p_init)
    p_batch = sub.add_parser("batch", help="write a random batch: X (B x T x n x d) and y (B)")
    p_batch.add_argument("--out", required=True)
    p_batch.add_argument("--size", type=int, default=8)
    p_batch.add_argument("--seed", type=int, default=1)
    p_batch.add_argument("--force", action="store_true")
    add_config_args(p_batch)
    args = parser.parse_args(argv)
    try:
        if args.cmd == "graph":
            check_seed_oracles()
            layout = seed62_layout()
            for r in range(4):
                preds = predecessors(layout, r)
                levels = dag_levels(preds)
                print(f"direction {r}: {sum(map(len, preds))} links, in-degrees {in_degree_histogram(preds)}, "
                      f"{len(levels)} levels of sizes {[len(l) for l in levels]}")
            print("SEED oracles: OK")
        elif args.cmd == "init":
            model = STRNN(resolve_config(cli_config(args), None), seed=args.seed)
            save_model(model, args.out, {"seed": args.seed, "provenance": "strnn_torch.py init"}, force=args.force)
            print(f"wrote {args.out}: {model.num_parameters()} parameters")
        else:
            c = resolve_config(cli_config(args), None)
            gen = torch.Generator().manual_seed(args.seed)
            X = torch.randn((args.size, c.T, c.n, c.d), generator=gen, dtype=torch.float64)
            y = torch.randint(0, c.C, (args.size,), generator=gen, dtype=torch.int64)
            write_npz(args.out, {"X": X.numpy(), "y": y.numpy()}, force=args.force)
            print(f"wrote {args.out}: X {tuple(X.shape)}, y {tuple(y.shape)}")
    except (ValueError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(_main())
