#!/usr/bin/env python3
"""Copies Anomaly and Backprop from REPO into OUTDIR with per-op time sums: forward time is the
time since the previous op was recorded (Anomaly.checkForward runs once per recorded op),
backward the time of each op's backward function. Usage: patch.py REPO OUTDIR. Throw-away."""
import sys, pathlib
repo, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]) / "org/strnn/autograd"
out.mkdir(parents=True, exist_ok=True)
src = repo / "autograd/src/main/java/org/strnn/autograd"
a = (src / "Anomaly.java").read_text()
old = "    static void checkForward(String op, DMatrixRMaj value) {"
assert old in a
a = a.replace(old, """    public static final java.util.Map<String, long[]> FWD = new java.util.TreeMap<>();
    public static final java.util.Map<String, long[]> BWD = new java.util.TreeMap<>();
    public static long last = System.nanoTime();
    public static void mark() { last = System.nanoTime(); }
    static void checkForward(String op, DMatrixRMaj value) {
        long now = System.nanoTime();
        FWD.computeIfAbsent(op, k -> new long[2])[0] += now - last;
        FWD.get(op)[1]++;
        last = now;""", 1)
(out / "Anomaly.java").write_text(a)
b = (src / "Backprop.java").read_text()
old = "            fn.apply(node.gradBuffer());"
assert old in b
b = b.replace(old, """            long t0 = System.nanoTime();
            fn.apply(node.gradBuffer());
            long[] c = Anomaly.BWD.computeIfAbsent(node.op(), k -> new long[2]);
            c[0] += System.nanoTime() - t0;
            c[1]++;""", 1)
(out / "Backprop.java").write_text(b)
