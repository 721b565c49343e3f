package org.strnn.datasets.features;

import java.util.Arrays;
import java.util.List;

/**
 * A zero-phase band-pass filter bank applied to a whole recording in the frequency domain.
 *
 * <p>The math: extend the signal {@code x[0..n)} by mirror reflection on both sides to a
 * power-of-two length {@code L >= 3n/2}; take its DFT {@code X[k]}; multiply each bin by the band's
 * real gain {@code H(|f_k|)}, where {@code f_k = k fs / L} for {@code k <= L/2} and
 * {@code (k - L) fs / L} above; invert and keep the {@code n} samples of the original span. The
 * gain is real and even in {@code f}, so the output is real and has no phase shift.
 *
 * <p>The gain of a band {@code [low, high)} is 1 inside it and 0 outside, with a raised-sine edge of
 * total width {@code w} (default {@value #DEFAULT_TRANSITION_HZ} Hz) centred on each cut-off:
 * {@code H = sin(pi/2 u)} rising over {@code u = (f - low + w/2) / w} in {@code [0, 1]}, and
 * {@code H = cos(pi/2 u)} falling with {@code u = (f - high + w/2) / w}. Where two bands meet,
 * {@code H_a^2 + H_b^2 = 1}: the filters are power-complementary, so the band variances of any
 * signal add up to the variance in their union, and a band passes exactly {@code high - low} Hz of
 * white-noise power ({@code integral of H^2 df = high - low}). A band starting at 0 Hz has no
 * lower edge. With {@code w = 0} the filter is an ideal brick wall.
 *
 * <p>Why this filter: its pass band is flat and exactly known, so the variance of a band-limited
 * sum of sinusoids (tones at least {@code w/2} from every cut-off) or of white noise is known in
 * closed form, which is how it is validated. The soft edge makes the impulse response decay within
 * about {@code 1/w} seconds (2 s by default) instead of as {@code 1/t}, so a transient, or the ends
 * of the recording, disturb only nearby slices. Why the mirror extension: a DFT treats its input as
 * periodic; without it, the jump from the last sample back to the first would leak into every band
 * near both ends. The half-sample-symmetric reflection ({@code x[-1] = x[0], x[-2] = x[1], ...}) is
 * continuous, and padding to at least {@code 3n/2} puts the remaining wrap-around seam at least
 * {@code n/4} samples from the data (40 s for a 125-s recording). What remains is the kink of the
 * reflection, which affects the first and last one or two seconds (see
 * {@code DifferentialEntropyTest} for measured errors).
 */
public final class FftBandPass {

    /** Default width of each band edge, in Hz. */
    public static final double DEFAULT_TRANSITION_HZ = 0.5;

    private final int n;
    private final double sampleRate;
    private final List<Band> bands;
    private final double transitionHz;
    private final Fft fft;
    private final int pad;

    /** A filter with the default edge width; see {@link #FftBandPass(int, double, List, double)}. */
    public FftBandPass(int n, double sampleRate, List<Band> bands) {
        this(n, sampleRate, bands, DEFAULT_TRANSITION_HZ);
    }

    /**
     * A filter for signals of {@code n} samples at {@code sampleRate} Hz.
     *
     * @param transitionHz total width {@code w} of each band edge, {@code >= 0}
     * @throws IllegalArgumentException when a band reaches above the Nyquist frequency
     *     {@code sampleRate / 2}, is narrower than {@code w}, starts above 0 but below {@code w/2},
     *     or {@code n < 1}
     */
    public FftBandPass(int n, double sampleRate, List<Band> bands, double transitionHz) {
        if (n < 1) {
            throw new IllegalArgumentException("a band-pass filter needs at least one sample, got " + n);
        }
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive and finite, got " + sampleRate);
        }
        if (!(transitionHz >= 0) || Double.isInfinite(transitionHz)) {
            throw new IllegalArgumentException("band edge width must be non-negative and finite, got " + transitionHz);
        }
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("no bands to filter into");
        }
        for (Band b : bands) {
            if (b.highHz() > sampleRate / 2) {
                throw new IllegalArgumentException("band " + b + " reaches above the Nyquist frequency "
                        + sampleRate / 2 + " Hz of a " + sampleRate + " Hz signal");
            }
            if (b.highHz() - b.lowHz() < transitionHz) {
                throw new IllegalArgumentException("band " + b + " is narrower than its edges (" + transitionHz + " Hz)");
            }
            if (b.lowHz() > 0 && b.lowHz() < transitionHz / 2) {
                throw new IllegalArgumentException("band " + b + " starts within half an edge (" + transitionHz / 2
                        + " Hz) of 0 Hz; start it at 0 or higher up");
            }
        }
        this.n = n;
        this.sampleRate = sampleRate;
        this.bands = List.copyOf(bands);
        this.transitionHz = transitionHz;
        int length = Integer.highestOneBit(Math.max(1, n + n / 2)) << 1;
        this.fft = new Fft(length);
        this.pad = (length - n) / 2;
    }

    /** Signal length this filter accepts. */
    public int length() {
        return n;
    }

    public double sampleRate() {
        return sampleRate;
    }

    public List<Band> bands() {
        return bands;
    }

    /** Total width of each band edge, in Hz. */
    public double transitionHz() {
        return transitionHz;
    }

    /** Length of the padded transform ({@code L}, a power of two at least {@code 3n/2}). */
    public int transformLength() {
        return fft.length();
    }

    /** The gain {@code H(hz)} of {@code band} at a non-negative frequency. */
    public double gain(Band band, double hz) {
        double half = transitionHz / 2;
        double rise = 1;
        if (band.lowHz() > 0) {
            if (hz < band.lowHz() - half) {
                return 0;
            }
            if (hz < band.lowHz() + half) {
                rise = half == 0 ? 1 : Math.sin(Math.PI / 2 * (hz - band.lowHz() + half) / transitionHz);
            }
        }
        if (hz >= band.highHz() + half) {
            return 0;
        }
        if (hz >= band.highHz() - half) {
            return half == 0 ? 0 : rise * Math.cos(Math.PI / 2 * (hz - band.highHz() + half) / transitionHz);
        }
        return rise;
    }

    /**
     * Band-limits one signal.
     *
     * @param x {@code n} samples
     * @return {@code [bands][n]}: the signal restricted to each band, in the units of {@code x}
     */
    public double[][] apply(double[] x) {
        if (x.length != n) {
            throw new IllegalArgumentException("filter built for " + n + " samples given " + x.length);
        }
        int length = fft.length();
        double[] specRe = new double[length];
        double[] specIm = new double[length];
        for (int p = 0; p < length; p++) {
            specRe[p] = x[mirror(p - pad)];
        }
        fft.forward(specRe, specIm);

        // Two bands per inverse transform: each filtered spectrum A, B is Hermitian (its signal is
        // real), so the inverse of A + iB is a + ib, and the real and imaginary parts separate them.
        double[][] out = new double[bands.size()][];
        double[] re = new double[length];
        double[] im = new double[length];
        for (int b = 0; b < bands.size(); b += 2) {
            Band first = bands.get(b);
            Band second = b + 1 < bands.size() ? bands.get(b + 1) : null;
            for (int k = 0; k < length; k++) {
                double hz = Math.min(k, length - k) * sampleRate / length;
                double a = gain(first, hz);
                double c = second == null ? 0 : gain(second, hz);
                re[k] = a * specRe[k] - c * specIm[k];
                im[k] = a * specIm[k] + c * specRe[k];
            }
            fft.inverse(re, im);
            out[b] = Arrays.copyOfRange(re, pad, pad + n);
            if (second != null) {
                out[b + 1] = Arrays.copyOfRange(im, pad, pad + n);
            }
        }
        return out;
    }

    /** Index into {@code x} of position {@code i} of the half-sample-symmetric extension (period 2n). */
    private int mirror(int i) {
        int m = Math.floorMod(i, 2 * n);
        return m < n ? m : 2 * n - 1 - m;
    }
}
