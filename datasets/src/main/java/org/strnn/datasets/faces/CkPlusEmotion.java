package org.strnn.datasets.faces;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.strnn.datasets.DatasetException;

/**
 * The seven CK+ emotion codes and how a label file spells them.
 *
 * <p>A CK+ label file ({@code Emotion/S005/001/S005_001_00000011_emotion.txt}) holds one float,
 * for example {@code "   3.0000000e+00"}. Codes 1..7 map to class indices 0..6 in this order:
 * anger, contempt, disgust, fear, happy, sadness, surprise. CK+'s code 0 (neutral) labels no
 * sequence in the distributed files and is rejected.
 */
public enum CkPlusEmotion {
    ANGER(1, "anger"),
    CONTEMPT(2, "contempt"),
    DISGUST(3, "disgust"),
    FEAR(4, "fear"),
    HAPPY(5, "happy"),
    SADNESS(6, "sadness"),
    SURPRISE(7, "surprise");

    /** A plain decimal or scientific number; rejects what only Java accepts ("3d", "0x1p1", "NaN"). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final int code;
    private final String label;

    CkPlusEmotion(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The CK+ code, 1..7. */
    public int code() {
        return code;
    }

    /** The class index, 0..6 ({@code code() - 1}). */
    public int classIndex() {
        return ordinal();
    }

    /** The lower-case class name, e.g. {@code "disgust"}. */
    public String label() {
        return label;
    }

    /** The seven class names in class-index order. */
    public static List<String> classNames() {
        List<String> names = new ArrayList<>(values().length);
        for (CkPlusEmotion e : values()) {
            names.add(e.label);
        }
        return List.copyOf(names);
    }

    /** The emotion with CK+ code {@code code} (1..7). */
    public static CkPlusEmotion ofCode(int code) {
        if (code < 1 || code > values().length) {
            throw new IllegalArgumentException("CK+ emotion codes are 1-7, got " + code);
        }
        return values()[code - 1];
    }

    /**
     * Reads a label file. Fails with a {@link DatasetException} naming the file when it cannot be
     * read, holds anything but one number, or the number is not a whole code in 1..7.
     */
    public static CkPlusEmotion read(Path labelFile) {
        String text;
        try {
            text = Files.readString(labelFile, StandardCharsets.ISO_8859_1).strip();
        } catch (IOException e) {
            throw new DatasetException(labelFile, "cannot read label file: " + e.getMessage(), e);
        }
        if (text.isEmpty()) {
            throw new DatasetException(labelFile, "label file is empty, expected one CK+ code 1-7");
        }
        String[] tokens = text.split("\\s+");
        if (tokens.length != 1) {
            throw new DatasetException(labelFile, "label file holds " + tokens.length
                    + " values, expected one CK+ code 1-7");
        }
        if (!NUMBER.matcher(tokens[0]).matches()) {
            throw new DatasetException(labelFile, "label '" + tokens[0] + "' is not a number");
        }
        double value = Double.parseDouble(tokens[0]);
        long rounded = Math.round(value);
        if (Math.abs(value - rounded) > 1e-6) {
            throw new DatasetException(labelFile, "label " + tokens[0] + " is not a whole CK+ code 1-7");
        }
        if (rounded < 1 || rounded > values().length) {
            throw new DatasetException(labelFile, "label " + tokens[0] + " is outside the CK+ codes 1-7");
        }
        return ofCode((int) rounded);
    }
}
