package org.strnn.datasets.seed;

/**
 * Which sessions of each subject the protocol evaluates (spec section 9: sessions 1-2 by default,
 * 1-3 as a switch). Sessions are numbered in chronological order of the file dates.
 */
public enum SeedSessions {
    /** Sessions 1 and 2 of every subject. The default. */
    FIRST_TWO(2),
    /** Sessions 1, 2 and 3 of every subject. */
    ALL_THREE(3);

    private final int count;

    SeedSessions(int count) {
        this.count = count;
    }

    /** How many sessions per subject: the sessions used are {@code 1..count()}. */
    public int count() {
        return count;
    }
}
