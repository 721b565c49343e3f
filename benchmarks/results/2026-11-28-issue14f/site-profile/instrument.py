#!/usr/bin/env python3
"""Copies SpatialForward and SpatialBackward from the working tree into ProfForward and
ProfBackward (same package, so package-private fields are visible) with System.nanoTime() around
each call site. Usage: instrument.py REPO OUTDIR. Throw-away profiling aid for issue 14."""
import sys, pathlib
repo, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
k = repo / "autograd/src/main/java/org/strnn/autograd/kernel"
out.mkdir(parents=True, exist_ok=True)

def sub(s, old, new):
    assert old in s, old
    return s.replace(old, new, 1)

f = (k / "SpatialForward.java").read_text().replace("SpatialForward", "ProfForward")
f = sub(f, "public final class ProfForward {", "public final class ProfForward {\n    public static final long[] T = new long[8];\n")
f = sub(f, "            double[][] a = hv[v];\n            for", "            double[][] a = hv[v];\n            long t0 = System.nanoTime();\n            for")
f = sub(f, "            Rows.mulRows(s, 0, rows, preds.length > 0 ? 0 : h, h + d + 1, wt.inT, a, 0, hp, false);\n            for (int i = 0; i < rows; i++) {\n                activate(act, a[i], hp);\n            }",
        "            long t1 = System.nanoTime();\n            Rows.mulRows(s, 0, rows, preds.length > 0 ? 0 : h, h + d + 1, wt.inT, a, 0, hp, false);\n            long t2 = System.nanoTime();\n            for (int i = 0; i < rows; i++) {\n                activate(act, a[i], hp);\n            }\n            T[0] += t1 - t0; T[1] += t2 - t1; T[2] += System.nanoTime() - t2;")
f = sub(f, "        for (int i = 0; i < rows; i++) {\n            project(", "        long t4 = System.nanoTime();\n        for (int i = 0; i < rows; i++) {\n            project(")
f = sub(f, "            project(wt, ws, i, ys, r0 + i);\n        }", "            project(wt, ws, i, ys, r0 + i);\n        }\n        T[3] += System.nanoTime() - t4;")
f = sub(f, "        Rows.mulRows(wt.gT, 0, k, 0, wt.n, column, st, 0, wt.hp, false);", "        long t5 = System.nanoTime();\n        Rows.mulRows(wt.gT, 0, k, 0, wt.n, column, st, 0, wt.hp, false);\n        T[4] += System.nanoTime() - t5;")
(out / "ProfForward.java").write_text(f)

b = (k / "SpatialBackward.java").read_text().replace("SpatialForward", "ProfForward").replace("SpatialBackward", "ProfBackward")
b = sub(b, "public final class ProfBackward {", "public final class ProfBackward {\n    public static final long[] T = new long[16];\n\n    static long m() {\n        return System.nanoTime();\n    }\n")
b = sub(b, "        for (int i = 0; i < rows; i++) {\n            projectionGradient(", "        long z0 = m();\n        for (int i = 0; i < rows; i++) {\n            projectionGradient(")
b = sub(b, "        if (part.dG != null) {\n            // dG", "        long z1 = m();\n        T[0] += z1 - z0;\n        if (part.dG != null) {\n            // dG")
b = sub(b, "            Rows.mulRows(sc.hFlat, 0, n, 0, rows * h, sc.dsAll, part.dG, 0, wt.kq, true);\n        }", "            Rows.mulRows(sc.hFlat, 0, n, 0, rows * h, sc.dsAll, part.dG, 0, wt.kq, true);\n        }\n        T[1] += m() - z1;")
b = sub(b, "            if (succ.length > 0) {\n                double[][] e", "            long a0 = m(), a1 = a0, a2 = a0, a3 = a0;\n            if (succ.length > 0) {\n                double[][] e")
b = sub(b, "                Rows.mulRows(e, 0, rows, 0, h, wt.w, a, 0, hp, true);\n                if (part.dWT != null) {\n                    Rows.mulTransRows(hu, 0, h, 0, rows, e, part.dWT, 0, hp);\n                }\n            }\n            for (int i = 0; i < rows; i++) {\n                derivative(act, a[i], hu[i], hp);\n            }",
        "                a1 = m();\n                Rows.mulRows(e, 0, rows, 0, h, wt.w, a, 0, hp, true);\n                a2 = m();\n                if (part.dWT != null) {\n                    Rows.mulTransRows(hu, 0, h, 0, rows, e, part.dWT, 0, hp);\n                }\n                a3 = m();\n            }\n            T[2] += a1 - a0; T[3] += a2 - a1; T[4] += a3 - a2;\n            long a4 = m();\n            for (int i = 0; i < rows; i++) {\n                derivative(act, a[i], hu[i], hp);\n            }\n            T[5] += m() - a4;")
b = sub(b, "                Rows.mulRows(xT, 0, d + 1, 0, rows, a, part.dUT, 0, hp, true);", "                long b0 = m();\n                Rows.mulRows(xT, 0, d + 1, 0, rows, a, part.dUT, 0, hp, true);\n                T[7] += m() - b0;")
b = sub(b, "                Rows.mulRows(a, 0, rows, 0, h, wt.uRows, dxs, 0, dxs[0].length, false);", "                long b1 = m();\n                Rows.mulRows(a, 0, rows, 0, h, wt.uRows, dxs, 0, dxs[0].length, false);\n                T[8] += m() - b1;")
b = sub(b, "        Rows.mulRows(wt.gRows, 0, n, 0, k, dsT, column, 0, wt.hp, false);", "        long c0 = m();\n        Rows.mulRows(wt.gRows, 0, n, 0, k, dsT, column, 0, wt.hp, false);\n        T[9] += m() - c0;")
(out / "ProfBackward.java").write_text(b)
