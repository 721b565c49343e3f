"""NumPy side of NumpyInteropTest: reads .npz files written by Java and writes .npz files for Java.

    npz_check.py read  IN.npz  OUT.json    describe every member of IN.npz as numpy.load sees it
    npz_check.py write DIR                 write savez.npz, savez_compressed.npz and expected.json to DIR

Values travel as JSON: floats as float.hex() strings (exact), integers as JSON integers.
"""
import json
import sys

import numpy as np


def describe(a):
    a = np.asarray(a)
    if a.dtype.kind == "f":
        values = [float(x).hex() for x in a.ravel(order="C")]
    else:
        values = [int(x) for x in a.ravel(order="C")]
    return {"dtype": a.dtype.str, "shape": list(a.shape), "values": values}


def read(path, out):
    result = {"numpy": np.__version__, "arrays": {}, "order": []}
    with np.load(path, allow_pickle=False) as z:
        for name in z.files:
            if name == "config.json":
                result["config"] = json.loads(bytes(z[name]).decode("utf-8"))
                continue
            a = z[name]
            result["order"].append(name)
            d = describe(a)
            d["c_contiguous"] = bool(a.flags["C_CONTIGUOUS"])
            result["arrays"][name] = d
    with open(out, "w") as f:
        json.dump(result, f)


def write(directory):
    rng = np.random.default_rng(20261125)
    arrays = {
        "W": rng.standard_normal((3, 4)),
        "b": rng.standard_normal(4),
        "X": rng.standard_normal((2, 3, 4, 5)),
        "y": np.array([0, 2, 1, -1], dtype=np.int64),
        "y32": np.array([1, 0, 2], dtype=np.int32),
        "yf": np.array([2.0, 0.0, 1.0]),
        "F": np.asfortranarray(rng.standard_normal((3, 2))),
        "s": np.float64(np.pi),
        "empty": np.zeros((0, 3)),
        "special": np.array([np.nan, np.inf, -np.inf, -0.0, 5e-324, 1.7976931348623157e308]),
    }
    np.savez(directory + "/savez.npz", **arrays)
    np.savez_compressed(directory + "/savez_compressed.npz", **arrays)
    with open(directory + "/expected.json", "w") as f:
        json.dump({"numpy": np.__version__, "arrays": {k: describe(v) for k, v in arrays.items()}}, f)


if __name__ == "__main__":
    if sys.argv[1] == "read":
        read(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "write":
        write(sys.argv[2])
    else:
        sys.exit("usage: npz_check.py read IN.npz OUT.json | write DIR")
