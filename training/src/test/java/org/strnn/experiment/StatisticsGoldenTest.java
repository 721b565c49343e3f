package org.strnn.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strnn.formats.Json;

/**
 * {@link Statistics} against SciPy: t quantiles and CDF values, population and sample standard
 * deviations, and paired 95 % t intervals, from {@code statistics-expected.json}, which
 * {@code training/src/test/python/statistics_expected.py} makes with SciPy.
 */
class StatisticsGoldenTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expected() throws IOException {
        try (InputStream in = StatisticsGoldenTest.class.getResourceAsStream("/statistics-expected.json")) {
            assertNotNull(in, "statistics-expected.json on the test class path");
            return Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static double[] array(Object o) {
        List<?> l = (List<?>) o;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = num(l.get(i));
        }
        return out;
    }

    @Test
    void tQuantilesAndCdfMatchScipy() throws IOException {
        Map<String, Object> e = expected();
        List<?> quantiles = (List<?>) e.get("quantiles");
        assertTrue(quantiles.size() > 50);
        for (Object o : quantiles) {
            Map<?, ?> q = (Map<?, ?>) o;
            double t = Statistics.tQuantile(num(q.get("p")), num(q.get("df")));
            // SciPy's t.ppf itself is good to a few parts in 1e9 (its own CDF at its quantile is off
            // by up to 4e-10); the CDF below is held to 1e-12.
            assertEquals(num(q.get("t")), t, 1e-8 * Math.max(1, Math.abs(t)), "t quantile " + q);
        }
        for (Object o : (List<?>) e.get("cdfs")) {
            Map<?, ?> c = (Map<?, ?>) o;
            assertEquals(num(c.get("cdf")), Statistics.tCdf(num(c.get("t")), num(c.get("df"))), 1e-12, "t CDF " + c);
        }
    }

    @Test
    void pairedIntervalsAndDeviationsMatchScipy() throws IOException {
        for (Object o : (List<?>) expected().get("paired")) {
            Map<?, ?> p = (Map<?, ?>) o;
            double[] a = array(p.get("a"));
            double[] b = array(p.get("b"));
            Statistics.Paired d = Statistics.paired(a, b);
            assertEquals(a.length, d.n());
            assertEquals(num(p.get("mean")), d.mean(), 1e-12);
            assertEquals(num(p.get("low")), d.low(), 1e-10, "low end, n = " + a.length);
            assertEquals(num(p.get("high")), d.high(), 1e-10, "high end, n = " + a.length);
            assertEquals(num(p.get("std")), Statistics.std(a), 1e-12);
            assertEquals(num(p.get("sample_std")), Statistics.sampleStd(a), 1e-12);
        }
    }

    @Test
    void edgeCasesAreExplicit() {
        Statistics.Paired one = Statistics.paired(new double[] {0.9}, new double[] {0.8});
        assertEquals(0.1, one.mean(), 1e-15);
        assertTrue(Double.isNaN(one.low()) && Double.isNaN(one.high()));
        assertEquals(0.0, Statistics.std(new double[] {0.7}));
        assertTrue(Double.isNaN(Statistics.sampleStd(new double[] {0.7})));
        assertThrows(IllegalArgumentException.class, () -> Statistics.paired(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> Statistics.tQuantile(1.0, 3));
        assertTrue(Statistics.paired(new double[] {1, 1.1, 1.2}, new double[] {0, 0.1, 0.1}).excludesZero());
    }
}
