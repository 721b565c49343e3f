package org.strnn.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the spatial vertices sit: an ordered list of named cells on a 2-D lattice.
 *
 * <p>The order is the order of the feature rows in the data (vertex {@code v} of a sample is
 * {@code electrode(v)}). Names are compared after {@link #normalise(String)}, so {@code "Fc5."}
 * and {@code "FC5"} are the same channel. Two vertices may not share a name or a cell.
 */
public final class Layout {

    /** One vertex: its name and its lattice cell (0-based row and column). */
    public record Electrode(String name, int row, int col) {
        public Electrode {
            Objects.requireNonNull(name, "name");
            if (row < 0 || col < 0) {
                throw new IllegalArgumentException("electrode " + name + " has a negative cell (" + row + ", " + col + ")");
            }
        }
    }

    private final String name;
    private final List<Electrode> electrodes;
    private final Map<String, Integer> indexByName;
    private final int rows;
    private final int cols;

    public Layout(String name, List<Electrode> electrodes) {
        this.name = Objects.requireNonNull(name, "name");
        if (electrodes.isEmpty()) {
            throw new IllegalArgumentException("layout " + name + " has no electrodes");
        }
        this.electrodes = List.copyOf(electrodes);
        Map<String, Integer> byName = new HashMap<>();
        Map<Long, String> byCell = new HashMap<>();
        int maxRow = 0;
        int maxCol = 0;
        for (int v = 0; v < this.electrodes.size(); v++) {
            Electrode e = this.electrodes.get(v);
            String key = normalise(e.name());
            if (byName.putIfAbsent(key, v) != null) {
                throw new IllegalArgumentException("layout " + name + " names " + key + " twice");
            }
            String other = byCell.putIfAbsent(((long) e.row() << 32) | e.col(), e.name());
            if (other != null) {
                throw new IllegalArgumentException("layout " + name + " puts " + other + " and " + e.name()
                        + " in the same cell (" + e.row() + ", " + e.col() + ")");
            }
            maxRow = Math.max(maxRow, e.row());
            maxCol = Math.max(maxCol, e.col());
        }
        this.indexByName = Collections.unmodifiableMap(byName);
        this.rows = maxRow + 1;
        this.cols = maxCol + 1;
    }

    /**
     * The canonical form of a channel name: BCI2000's dot padding stripped, spaces trimmed, upper
     * case. {@code "Fc5."} becomes {@code "FC5"}, {@code "T10."} becomes {@code "T10"}.
     */
    public static String normalise(String channel) {
        String s = channel.trim();
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end).trim().toUpperCase(Locale.ROOT);
    }

    public String name() {
        return name;
    }

    /** Number of vertices. */
    public int size() {
        return electrodes.size();
    }

    public Electrode electrode(int v) {
        return electrodes.get(v);
    }

    public List<Electrode> electrodes() {
        return electrodes;
    }

    /** Lattice height: one more than the largest row. */
    public int rows() {
        return rows;
    }

    /** Lattice width: one more than the largest column. */
    public int cols() {
        return cols;
    }

    /** The vertex index of a channel name (normalised first), or -1 when it is not on this layout. */
    public int indexOf(String channel) {
        Integer v = indexByName.get(normalise(channel));
        return v == null ? -1 : v;
    }

    /** The vertex index at a cell, or -1 when the cell is empty or outside the lattice. */
    public int indexAt(int row, int col) {
        if (row < 0 || col < 0 || row >= rows || col >= cols) {
            return -1;
        }
        for (int v = 0; v < electrodes.size(); v++) {
            Electrode e = electrodes.get(v);
            if (e.row() == row && e.col() == col) {
                return v;
            }
        }
        return -1;
    }

    /** The normalised names in vertex order. */
    public List<String> names() {
        List<String> out = new ArrayList<>(electrodes.size());
        for (Electrode e : electrodes) {
            out.add(normalise(e.name()));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout other && other.electrodes.equals(electrodes);
    }

    @Override
    public int hashCode() {
        return electrodes.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + electrodes.size() + " vertices on " + rows + "x" + cols + ")";
    }
}
