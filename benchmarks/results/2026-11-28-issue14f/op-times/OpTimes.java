/** Per-op forward and backward times of a batch-32 SEED training step (medians of the phases, means of the ops), with the patched Anomaly and Backprop of patch.py. Throw-away probe, to find where a step's time goes. */
import java.util.*;
import org.strnn.autograd.*;
import org.strnn.model.*;
import org.strnn.nn.optim.*;
public class OpTimes {
  public static void main(String[] a) throws Exception {
    int threads = Integer.parseInt(a[0]); int iters = Integer.parseInt(a[1]);
    Parallel.setThreads(threads);
    int batch = 32;
    StrnnConfig config = StrnnConfig.seedDefaults();
    SplittableRandom rng = new SplittableRandom(1);
    StrnnModel model = new StrnnModel(config, rng);
    double[] samples = new double[batch * config.steps() * config.vertices() * config.features()];
    for (int i = 0; i < samples.length; i++) samples[i] = rng.nextGaussian();
    int[] labels = new int[batch];
    for (int i = 0; i < batch; i++) labels[i] = rng.nextInt(config.classes());
    Adam adam = new Adam(model.parameters(), 1e-3);
    double[][] t = new double[4][iters];
    for (int it = -150; it < iters; it++) {
      if (it == 0) { Anomaly.FWD.clear(); Anomaly.BWD.clear(); }
      long t0 = System.nanoTime(); Anomaly.mark();
      model.zeroGrad();
      Tensor loss = model.loss(model.logits(model.input(samples, batch)), labels);
      long t1 = System.nanoTime();
      loss.backward();
      long t2 = System.nanoTime();
      adam.step();
      long t3 = System.nanoTime();
      if (it >= 0) { t[0][it]=(t1-t0)/1e6; t[1][it]=(t2-t1)/1e6; t[2][it]=(t3-t2)/1e6; t[3][it]=(t3-t0)/1e6; }
    }
    String[] n = {"fwd","bwd","adam","step"};
    StringBuilder sb = new StringBuilder("threads " + threads);
    for (int k = 0; k < 4; k++) { Arrays.sort(t[k]); sb.append(String.format(" %s %.3f", n[k], t[k][iters/2])); }
    System.out.println(sb);
    for (var m : java.util.List.of(Anomaly.FWD, Anomaly.BWD)) {
      System.out.println(m == Anomaly.FWD ? "forward (time since the previous op was recorded)" : "backward");
      m.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0])).limit(14)
        .forEach(e -> System.out.printf("  %-22s %7.3f ms/step  %5.1f calls/step%n", e.getKey(), e.getValue()[0] / 1e6 / iters, e.getValue()[1] / (double) iters));
    }
  }
}
