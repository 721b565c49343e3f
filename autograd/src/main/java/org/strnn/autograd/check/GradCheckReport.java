package org.strnn.autograd.check;

/**
 * What a passed {@link GradCheck} compared: every check returns this one type, with the same
 * meaning of each number. A check that fails throws {@link GradCheckFailure} instead, naming the
 * input or parameter and the element.
 *
 * @param check          the name the check was given
 * @param comparisons    analytic values compared with finite differences
 * @param maxAbsolute    the largest {@code |analytic - numeric|} seen
 * @param maxRelative    the largest {@code |analytic - numeric| / max(|analytic|, |numeric|)} seen
 *                       (0 where both are 0)
 * @param worstAt        where the largest relative difference was seen, e.g. {@code "d out[0,1] / d W[2,0]"}
 */
public record GradCheckReport(String check, long comparisons, double maxAbsolute, double maxRelative, String worstAt) {

    /** Accumulates comparisons into a report. */
    static final class Builder {
        private final String check;
        private long comparisons;
        private double maxAbsolute;
        private double maxRelative = -1;
        private String worstAt = "nothing compared";

        Builder(String check) {
            this.check = check;
        }

        void compared(double analytic, double numeric, String at) {
            comparisons++;
            double diff = Math.abs(analytic - numeric);
            double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
            double rel = diff == 0 ? 0 : Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / scale;
            maxAbsolute = Math.max(maxAbsolute, Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff);
            if (rel > maxRelative) {
                maxRelative = rel;
                worstAt = at;
            }
        }

        GradCheckReport build() {
            return new GradCheckReport(check, comparisons, maxAbsolute, Math.max(0, maxRelative), worstAt);
        }
    }
}
