import org.strnn.autograd.kernel.Rows;
public class P {
  public static void main(String[] a) {
    int m = Integer.parseInt(a[0]), k = Integer.parseInt(a[1]); int reps = 200000; boolean add = a.length > 2;
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    double[][] s = new double[m][k], b = new double[k][32], c = new double[m][32];
    for (int i=0;i<m;i++) for(int t=0;t<k;t++) s[i][t]=r.nextDouble();
    for (int t=0;t<k;t++) for(int j=0;j<32;j++) b[t][j]=r.nextDouble();
    for (int round = 0; round < 6; round++) {
      long t0=System.nanoTime(); for(int q=0;q<reps;q++) Rows.mulRows(s,0,m,0,k,b,c,0,32,add); long t1=System.nanoTime();
      double fl = 2.0*m*k*32*reps;
      if (round>=2) System.out.printf("project mulRows m=%d k=%d add=%b %.1f GFLOP/s%n", m,k,add, fl/(t1-t0));
    }
  }
}
