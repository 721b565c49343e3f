import jdk.incubator.vector.*;
public class T {
  static int MODE = Integer.getInteger("mode", 0); static int TF = 0;
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_512; static final int L = 8;
  // current: rows
  static void rows(double[][] s, double[][] b, double[][] c, int m, int k) {
    for (int i = 0; i + 3 < m; i += 4) tile(s[i], s[i+1], s[i+2], s[i+3], c[i], c[i+1], c[i+2], c[i+3], b, k);
  }
  static void tile(double[] s0, double[] s1, double[] s2, double[] s3, double[] c0, double[] c1, double[] c2, double[] c3, double[][] b, int k) {
    DoubleVector a00=DoubleVector.zero(S),a01=a00,a02=a00,a03=a00,a10=a00,a11=a00,a12=a00,a13=a00,a20=a00,a21=a00,a22=a00,a23=a00,a30=a00,a31=a00,a32=a00,a33=a00;
    for (int t = 0; t < k; t++) { double[] bt=b[t];
      DoubleVector x0=DoubleVector.fromArray(S,bt,0),x1=DoubleVector.fromArray(S,bt,8),x2=DoubleVector.fromArray(S,bt,16),x3=DoubleVector.fromArray(S,bt,24);
      DoubleVector v=DoubleVector.broadcast(S,s0[t]); a00=a00.add(v.mul(x0));a01=a01.add(v.mul(x1));a02=a02.add(v.mul(x2));a03=a03.add(v.mul(x3));
      v=DoubleVector.broadcast(S,s1[t]); a10=a10.add(v.mul(x0));a11=a11.add(v.mul(x1));a12=a12.add(v.mul(x2));a13=a13.add(v.mul(x3));
      v=DoubleVector.broadcast(S,s2[t]); a20=a20.add(v.mul(x0));a21=a21.add(v.mul(x1));a22=a22.add(v.mul(x2));a23=a23.add(v.mul(x3));
      v=DoubleVector.broadcast(S,s3[t]); a30=a30.add(v.mul(x0));a31=a31.add(v.mul(x1));a32=a32.add(v.mul(x2));a33=a33.add(v.mul(x3)); }
    a00.intoArray(c0,0);a01.intoArray(c0,8);a02.intoArray(c0,16);a03.intoArray(c0,24);a10.intoArray(c1,0);a11.intoArray(c1,8);a12.intoArray(c1,16);a13.intoArray(c1,24);
    a20.intoArray(c2,0);a21.intoArray(c2,8);a22.intoArray(c2,16);a23.intoArray(c2,24);a30.intoArray(c3,0);a31.intoArray(c3,8);a32.intoArray(c3,16);a33.intoArray(c3,24);
  }
  static void rowsJ(double[][] s, double[][] b, double[][] c, int m, int k, int j) {
    for (int i = 0; i + 3 < m; i += 4) if (MODE == 1) tileJ(s[i], s[i+1], s[i+2], s[i+3], c[i], c[i+1], c[i+2], c[i+3], b, 0, k, 0); else if (MODE == 2) tileJ(s[i], s[i+1], s[i+2], s[i+3], c[i], c[i+1], c[i+2], c[i+3], b, TF, k, j); else tileJ(s[i], s[i+1], s[i+2], s[i+3], c[i], c[i+1], c[i+2], c[i+3], b, 0, k, j);
  }
  static void tileJ(double[] s0, double[] s1, double[] s2, double[] s3, double[] c0, double[] c1, double[] c2, double[] c3, double[][] b, int tFrom, int tTo, int j) {
    int j1=j+L, j2=j+2*L, j3=j+3*L;
    DoubleVector a00=DoubleVector.zero(S),a01=a00,a02=a00,a03=a00,a10=a00,a11=a00,a12=a00,a13=a00,a20=a00,a21=a00,a22=a00,a23=a00,a30=a00,a31=a00,a32=a00,a33=a00;
    for (int t = tFrom; t < tTo; t++) { double[] bt=b[t];
      DoubleVector x0=DoubleVector.fromArray(S,bt,j),x1=DoubleVector.fromArray(S,bt,j1),x2=DoubleVector.fromArray(S,bt,j2),x3=DoubleVector.fromArray(S,bt,j3);
      DoubleVector v=DoubleVector.broadcast(S,s0[t]); a00=a00.add(v.mul(x0));a01=a01.add(v.mul(x1));a02=a02.add(v.mul(x2));a03=a03.add(v.mul(x3));
      v=DoubleVector.broadcast(S,s1[t]); a10=a10.add(v.mul(x0));a11=a11.add(v.mul(x1));a12=a12.add(v.mul(x2));a13=a13.add(v.mul(x3));
      v=DoubleVector.broadcast(S,s2[t]); a20=a20.add(v.mul(x0));a21=a21.add(v.mul(x1));a22=a22.add(v.mul(x2));a23=a23.add(v.mul(x3));
      v=DoubleVector.broadcast(S,s3[t]); a30=a30.add(v.mul(x0));a31=a31.add(v.mul(x1));a32=a32.add(v.mul(x2));a33=a33.add(v.mul(x3)); }
    a00.intoArray(c0,j);a01.intoArray(c0,j1);a02.intoArray(c0,j2);a03.intoArray(c0,j3);a10.intoArray(c1,j);a11.intoArray(c1,j1);a12.intoArray(c1,j2);a13.intoArray(c1,j3);
    a20.intoArray(c2,j);a21.intoArray(c2,j1);a22.intoArray(c2,j2);a23.intoArray(c2,j3);a30.intoArray(c3,j);a31.intoArray(c3,j1);a32.intoArray(c3,j2);a33.intoArray(c3,j3);
  }
  // flat b (k x 32), flat s transposed in groups (sT[(i/4)*k*4 + t*4 + r])
  static void flat(double[] sT, double[] b, double[] c, int m, int k) {
    for (int i = 0; i + 3 < m; i += 4) tileFlat(sT, (i/4)*k*4, b, c, i*32, k);
  }
  static void tileFlat(double[] sT, int so, double[] b, double[] c, int co, int k) {
    DoubleVector a00=DoubleVector.zero(S),a01=a00,a02=a00,a03=a00,a10=a00,a11=a00,a12=a00,a13=a00,a20=a00,a21=a00,a22=a00,a23=a00,a30=a00,a31=a00,a32=a00,a33=a00;
    for (int t = 0; t < k; t++) { int bo=t*32; int q=so+t*4;
      DoubleVector x0=DoubleVector.fromArray(S,b,bo),x1=DoubleVector.fromArray(S,b,bo+8),x2=DoubleVector.fromArray(S,b,bo+16),x3=DoubleVector.fromArray(S,b,bo+24);
      DoubleVector v=DoubleVector.broadcast(S,sT[q]); a00=a00.add(v.mul(x0));a01=a01.add(v.mul(x1));a02=a02.add(v.mul(x2));a03=a03.add(v.mul(x3));
      v=DoubleVector.broadcast(S,sT[q+1]); a10=a10.add(v.mul(x0));a11=a11.add(v.mul(x1));a12=a12.add(v.mul(x2));a13=a13.add(v.mul(x3));
      v=DoubleVector.broadcast(S,sT[q+2]); a20=a20.add(v.mul(x0));a21=a21.add(v.mul(x1));a22=a22.add(v.mul(x2));a23=a23.add(v.mul(x3));
      v=DoubleVector.broadcast(S,sT[q+3]); a30=a30.add(v.mul(x0));a31=a31.add(v.mul(x1));a32=a32.add(v.mul(x2));a33=a33.add(v.mul(x3)); }
    a00.intoArray(c,co);a01.intoArray(c,co+8);a02.intoArray(c,co+16);a03.intoArray(c,co+24);a10.intoArray(c,co+32);a11.intoArray(c,co+40);a12.intoArray(c,co+48);a13.intoArray(c,co+56);
    a20.intoArray(c,co+64);a21.intoArray(c,co+72);a22.intoArray(c,co+80);a23.intoArray(c,co+88);a30.intoArray(c,co+96);a31.intoArray(c,co+104);a32.intoArray(c,co+112);a33.intoArray(c,co+120);
  }
  public static void main(String[] a) {
    int m = Integer.parseInt(a[0]), k = Integer.parseInt(a[1]); int reps = 200000; int jj = a.length > 2 ? Integer.parseInt(a[2]) : 0;
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    double[][] s = new double[m][k], b = new double[k][32], c = new double[m][32];
    double[] sT = new double[(m/4)*k*4], bf = new double[k*32], cf = new double[m*32];
    for (int i=0;i<m;i++) for(int t=0;t<k;t++){ s[i][t]=r.nextDouble(); sT[(i/4)*k*4+t*4+i%4]=s[i][t]; }
    for (int t=0;t<k;t++) for(int j=0;j<32;j++){ b[t][j]=r.nextDouble(); bf[t*32+j]=b[t][j]; }
    for (int round = 0; round < 6; round++) {
      long t0=System.nanoTime(); for(int q=0;q<reps;q++) rows(s,b,c,m,k); long t1=System.nanoTime();
      for(int q=0;q<reps;q++) flat(sT,bf,cf,m,k); long t2=System.nanoTime();
      for(int q=0;q<reps;q++) rowsJ(s,b,c,m,k,jj); long t3=System.nanoTime();
      double fl = 2.0*(m/4*4)*k*32*reps;
      if (round>=2) System.out.printf("m=%d k=%d rows %.1f GFLOP/s  flat %.1f GFLOP/s  rowsJ %.1f  check %b%n", m,k, fl/(t1-t0), fl/(t2-t1), fl/(t3-t2), c[m/4*4-1][31]==cf[(m/4*4-1)*32+31]);
    }
  }
}
