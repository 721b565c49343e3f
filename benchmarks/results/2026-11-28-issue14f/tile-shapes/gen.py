# python3 gen.py writes P6.java: a Java probe with R-row x 4-vector tiles in the project's style (offset j and start rows f as parameters)
def tile(R):
    L=[]
    params = ", ".join([f"double[] s{r}" for r in range(R)] + [f"double[] f{r}" for r in range(R)] + [f"double[] c{r}" for r in range(R)])
    L.append(f"  static void tile{R}({params}, int j, double[][] b, int tFrom, int tTo) {{")
    L.append("    int j1 = j + L, j2 = j + 2 * L, j3 = j + 3 * L;")
    for r in range(R):
        for q,jj in enumerate(["j","j1","j2","j3"]):
            L.append(f"    DoubleVector a{r}{q} = DoubleVector.fromArray(S, f{r}, {jj});")
    L.append("    for (int t = tFrom; t < tTo; t++) {")
    L.append("      double[] bt = b[t];")
    for q,jj in enumerate(["j","j1","j2","j3"]):
        L.append(f"      DoubleVector x{q} = DoubleVector.fromArray(S, bt, {jj});")
    for r in range(R):
        L.append(f"      DoubleVector v{r} = DoubleVector.broadcast(S, s{r}[t]);")
        for q in range(4):
            L.append(f"      a{r}{q} = a{r}{q}.add(v{r}.mul(x{q}));")
    L.append("    }")
    for r in range(R):
        for q,jj in enumerate(["j","j1","j2","j3"]):
            L.append(f"    a{r}{q}.intoArray(c{r}, {jj});")
    L.append("  }")
    return "\n".join(L)
def driver(R):
    args = ", ".join([f"s[i + {r}]" for r in range(R)] + [f"z" for r in range(R)] + [f"c[i + {r}]" for r in range(R)])
    return f"""  static int rows{R}(double[][] s, double[][] b, double[][] c, double[] z, int m, int k) {{
    int i = 0;
    for (; i + {R-1} < m; i += {R}) tile{R}({args}, 0, b, 0, k);
    return i;
  }}"""
src = """import jdk.incubator.vector.*;
public class P6 {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED; static final int L = S.length();
""" + "\n".join(tile(R) for R in (2,3,4,6)) + "\n" + "\n".join(driver(R) for R in (3,4,6)) + """
  static void mixed42(double[][] s, double[][] b, double[][] c, double[] z, int m, int k) {
    int i = rows4(s, b, c, z, m, k);
    if (i + 1 < m) tile2(s[i], s[i + 1], z, z, c[i], c[i + 1], 0, b, 0, k);
  }
  public static void main(String[] a) {
    int m = Integer.parseInt(a[0]), k = Integer.parseInt(a[1]); int reps = 100000;
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    double[][] s = new double[m][k], b = new double[k][32], c = new double[m][32], c2 = new double[m][32], c3 = new double[m][32]; double[] z = new double[32];
    for (double[] x : s) for (int t = 0; t < k; t++) x[t] = r.nextDouble();
    for (double[] x : b) for (int t = 0; t < 32; t++) x[t] = r.nextDouble();
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime(); for (int q = 0; q < reps; q++) mixed42(s, b, c, z, m, k);
      long t1 = System.nanoTime(); for (int q = 0; q < reps; q++) rows6(s, b, c2, z, m, k);
      long t2 = System.nanoTime(); for (int q = 0; q < reps; q++) rows3(s, b, c3, z, m, k);
      long t3 = System.nanoTime();
      double fl = 2.0 * m * k * 32 * reps;
      boolean same = java.util.Arrays.deepEquals(c, c2) && java.util.Arrays.deepEquals(c, c3);
      if (round >= 3) System.out.printf("m=%d k=%d  4x32+2x32 %.1f  6x32 %.1f  3x32 %.1f GFLOP/s  same %b%n", m, k, fl / (t1 - t0), fl / (t2 - t1), fl / (t3 - t2), same);
    }
  }
}
"""
open("P6.java","w").write(src)
