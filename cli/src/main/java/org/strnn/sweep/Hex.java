package org.strnn.sweep;

/** Small text helpers of the sweep package: hex digests and shell quoting. */
final class Hex {

    private Hex() {
    }

    static String of(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return sb.toString();
    }

    /** {@code s} as one word for a POSIX shell: unchanged when it is safe, else in single quotes. */
    static String shellQuote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
