package org.strnn.cli;

/**
 * One command-line option.
 *
 * @param name         without the leading dashes, e.g. {@code "epochs"}
 * @param argument     the placeholder of its value ({@code "N"}), or null for a flag
 * @param defaultValue shown in the help and used when the option is absent (null: none)
 * @param help         one line of help
 */
public record Option(String name, String argument, String defaultValue, String help) {

    public static Option flag(String name, String help) {
        return new Option(name, null, null, help);
    }

    public static Option value(String name, String argument, String defaultValue, String help) {
        return new Option(name, argument, defaultValue, help);
    }

    public boolean isFlag() {
        return argument == null;
    }
}
