package org.strnn.datasets;

import org.strnn.layout.Layouts;

import org.strnn.layout.Layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Electrode positions of the 10-05 system (Oostenveld and Praamstra, Clin. Neurophysiol. 112:713-719,
 * 2001; the 10-20 and 10-10 names are subsets), and a grid for any set of them.
 *
 * <p><b>Positions.</b> The 10-05 system names a position by a <em>row</em> and a <em>lateral
 * index</em>. A row is a line from the left to the right side of the head through a midline point
 * placed in 5% steps of the nasion-inion arc: Fp at 10%, AFp 15%, AF 20%, AFF 25%, F 30%, FFC 35%,
 * FC 40%, FCC 45%, C 50%, CCP 55%, CP 60%, CPP 65%, P 70%, PPO 75%, PO 80%, POO 85%, O 90%, OI 95%,
 * I 100%. On the FC, FCC, C, CCP and CP rows (and FFC, CPP) the outer positions 7 to 10 take the
 * temporal letters (FT7, FTT7h, T7, TTP7h, TP7, FFT7h, TPP7h). Along a row, {@code z} is the midline,
 * odd numbers are left and even numbers right, and the distance from the midline grows in 10% steps
 * of the row's arc: 1 and 2 one step out, 3 and 4 two, up to 9 and 10 at five steps (the level of
 * the preauricular points); an {@code h} suffix lies half a step nearer the midline (C3h lies
 * between C3 and C1). This table holds every such name; {@link #position(String)} returns its
 * anterior-posterior percentage and its signed lateral step.
 *
 * <p><b>Spellings.</b> Names match case-insensitively after {@link #key(String)}: an EDF+ signal
 * type prefix ({@code EEG Fp1}), a reference suffix ({@code Fp1-REF}, {@code Fp1-A1}, {@code Fp1-M2},
 * {@code Fp1-LE}, {@code Fp1-AVG}) and BCI2000's dot padding ({@code Fp1.}) are stripped, and the
 * old 10-20 names T3, T4, T5 and T6 are T7, T8, P7 and P8. SEED's CB1 and CB2 (cerebellar, below
 * and outside O1 and O2 on Neuroscan caps) sit on the O row three steps out.
 *
 * <p><b>Grid.</b> {@link #layout(String, List)} puts each row of the 10-05 system present in the
 * set on its own grid row, front at the top. Within a row, the electrodes left of the midline take
 * the columns left of the midline column in order of their distance from it (the nearest first),
 * the right ones likewise to the right, and a midline electrode the midline column. So scalp
 * neighbours are grid neighbours, left stays left, no two electrodes share a cell, and a row with
 * few electrodes is pulled in towards the midline, as SEED's own 9x9 grid does (spec section 2):
 * SEED's 62 channels give exactly {@link Layouts#seed62()}. A set without a midline electrode has
 * no midline column.
 */
public final class Montage {

    /** A 10-05 position: anterior-posterior percent of the nasion-inion arc, and the signed lateral step (left < 0). */
    public record Position(double anteriorPercent, double lateralStep) {
    }

    /** Rows of the 10-05 system and their place on the nasion-inion arc, in percent. */
    private static final Object[][] ROWS = {
        {"NZ", 0.0}, {"FP", 10.0}, {"AFP", 15.0}, {"AF", 20.0}, {"AFF", 25.0}, {"F", 30.0}, {"FFC", 35.0},
        {"FC", 40.0}, {"FCC", 45.0}, {"C", 50.0}, {"CCP", 55.0}, {"CP", 60.0}, {"CPP", 65.0}, {"P", 70.0},
        {"PPO", 75.0}, {"PO", 80.0}, {"POO", 85.0}, {"O", 90.0}, {"OI", 95.0}, {"I", 100.0},
    };

    /** The temporal spelling of the outer positions (7 to 10) of the central rows. */
    private static final Map<String, String> TEMPORAL = Map.of("FFC", "FFT", "FC", "FT", "FCC", "FTT", "C", "T",
            "CCP", "TTP", "CP", "TP", "CPP", "TPP");

    /** Old 10-20 names. */
    private static final Map<String, String> OLD_NAMES = Map.of("T3", "T7", "T4", "T8", "T5", "P7", "T6", "P8");

    /** Reference suffixes stripped from {@code Fp1-REF}. */
    private static final Set<String> REFERENCES = Set.of("REF", "A1", "A2", "M1", "M2", "LE", "RE", "AVG", "AV",
            "AR", "CAR", "A1A2", "M1M2", "LM", "RM", "LINKED", "COMMON");

    private static final Map<String, Position> TABLE = buildTable();

    private Montage() {
    }

    private static Map<String, Position> buildTable() {
        Map<String, Position> t = new TreeMap<>();
        for (Object[] row : ROWS) {
            String prefix = (String) row[0];
            double ap = (Double) row[1];
            if (prefix.equals("NZ")) {
                t.put("NZ", new Position(ap, 0));
                continue;
            }
            t.put(prefix + "Z", new Position(ap, 0));
            int maxNumber = switch (prefix) {
                case "FP", "I" -> 2;
                default -> 10;
            };
            for (int k = 1; k <= maxNumber; k++) {
                String letters = k >= 7 && TEMPORAL.containsKey(prefix) ? TEMPORAL.get(prefix) : prefix;
                if (prefix.equals("O") && k > 2 && k < 9) {
                    continue; // the O row holds O1, O2, O9, O10 (and O1h, O2h)
                }
                double step = (k + 1) / 2;
                double sign = k % 2 == 1 ? -1 : 1;
                t.put(letters + k, new Position(ap, sign * step));
                t.put(letters + k + "H", new Position(ap, sign * (step - 0.5)));
            }
        }
        t.put("CB1", new Position(90.0, -3));
        t.put("CB2", new Position(90.0, 3));
        return Collections.unmodifiableMap(t);
    }

    /** Every name in the table, upper case, sorted. */
    public static Set<String> names() {
        return TABLE.keySet();
    }

    /**
     * A channel label reduced to the electrode name it spells, upper case: the EDF+ type prefix,
     * a reference suffix and dot padding stripped, old names mapped ({@code "EEG T3-REF"} is
     * {@code T7}). The result need not be in the table.
     */
    public static String key(String label) {
        String s = label.trim();
        int space = s.lastIndexOf(' ');
        if (space >= 0) {
            s = s.substring(space + 1); // "EEG Fp1" -> "Fp1"
        }
        s = Layout.normalise(s);
        int dash = s.indexOf('-');
        if (dash > 0) {
            String reference = s.substring(dash + 1);
            String electrode = s.substring(0, dash);
            if (REFERENCES.contains(reference) || !TABLE.containsKey(canonicalOldName(reference))) {
                s = electrode;
            }
        }
        return canonicalOldName(s);
    }

    private static String canonicalOldName(String s) {
        return OLD_NAMES.getOrDefault(s, s);
    }

    /** The position of a channel label (any spelling {@link #key(String)} accepts), or null when it has none. */
    public static Position position(String label) {
        return TABLE.get(key(label));
    }

    /**
     * The grid of the class comment for {@code channels}, in their order (vertex {@code v} is
     * {@code channels.get(v)}), named by their {@link #key(String)}.
     *
     * @throws DatasetException naming every label without a 10-05 position, or two labels that
     *     spell the same electrode
     */
    public static Layout layout(String name, List<String> channels) {
        if (channels.isEmpty()) {
            throw new DatasetException("montage " + name + ": no channels");
        }
        List<String> keys = new ArrayList<>(channels.size());
        List<String> unknown = new ArrayList<>();
        Map<String, String> labelOf = new HashMap<>();
        for (String label : channels) {
            String key = key(label);
            String other = labelOf.putIfAbsent(key, label);
            if (other != null) {
                throw new DatasetException("channels \"" + other + "\" and \"" + label + "\" are both electrode " + key);
            }
            if (!TABLE.containsKey(key)) {
                unknown.add(label);
            }
            keys.add(key);
        }
        if (!unknown.isEmpty()) {
            throw new DatasetException(unknownMessage(unknown));
        }
        TreeSet<Double> rowValues = new TreeSet<>();
        for (String k : keys) {
            rowValues.add(TABLE.get(k).anteriorPercent());
        }
        List<Double> rows = new ArrayList<>(rowValues);
        Map<String, Integer> offset = lateralOffsets(keys);
        int maxLeft = 0;
        boolean midline = false;
        for (int o : offset.values()) {
            maxLeft = Math.max(maxLeft, -o);
            midline |= o == 0;
        }
        List<Layout.Electrode> cells = new ArrayList<>(keys.size());
        for (String k : keys) {
            int o = offset.get(k);
            int col = maxLeft + o - (!midline && o > 0 ? 1 : 0);
            cells.add(new Layout.Electrode(k, rows.indexOf(TABLE.get(k).anteriorPercent()), col));
        }
        return new Layout(name, cells);
    }

    /** The one-line refusal for labels without a position. */
    static String unknownMessage(List<String> labels) {
        String list = String.join(", ", labels.stream().map(l -> "\"" + l + "\"").toList());
        return (labels.size() == 1 ? "channel " + list + " has" : "channels " + list + " have")
                + " no 10-05 position (known names look like Fp1, AF3, FCz, T7, PO8; old T3-T6 and suffixes like "
                + "-REF are accepted); leave " + (labels.size() == 1 ? "it" : "them") + " out with --drop "
                + String.join(",", labels) + ", or place every channel yourself with --montage FILE (one grid row "
                + "per line, - for an empty cell)";
    }

    /** Each electrode's column offset from the midline: its rank by distance within its row, signed. */
    private static Map<String, Integer> lateralOffsets(List<String> keys) {
        Map<Double, List<String>> byRow = new TreeMap<>();
        for (String k : keys) {
            byRow.computeIfAbsent(TABLE.get(k).anteriorPercent(), r -> new ArrayList<>()).add(k);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (List<String> row : byRow.values()) {
            row.sort((a, b) -> Double.compare(Math.abs(TABLE.get(a).lateralStep()), Math.abs(TABLE.get(b).lateralStep())));
            int left = 0;
            int right = 0;
            for (String k : row) {
                double step = TABLE.get(k).lateralStep();
                out.put(k, step < 0 ? -(++left) : step > 0 ? ++right : 0);
            }
        }
        return out;
    }

    /** The grid as text, one line per row, {@code -} for an empty cell: what {@link Layouts#fromGrid} reads. */
    public static String gridText(Layout layout) {
        String[][] cells = new String[layout.rows()][layout.cols()];
        int width = 1;
        for (Layout.Electrode e : layout.electrodes()) {
            cells[e.row()][e.col()] = e.name();
            width = Math.max(width, e.name().length());
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c] == null ? "-" : row[c];
                line.append(c == 0 ? "" : " ").append(String.format(Locale.ROOT, "%-" + width + "s", cell));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
