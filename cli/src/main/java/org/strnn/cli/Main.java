package org.strnn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.strnn.datasets.DatasetException;
import org.strnn.datasets.SettingsException;
import org.strnn.formats.FormatException;

/**
 * The {@code strnn} command line. Every failure that comes from the user's input ends as one line
 * on stderr and a non-zero exit code; a stack trace is printed only for an internal error, and
 * only with {@code STRNN_DEBUG=1}.
 */
public final class Main {

    /** The version written into model provenance. */
    public static final String VERSION = org.strnn.nn.Version.library();

    private Main() {
    }

    static List<Command> commands() {
        List<Command> all = new ArrayList<>();
        all.add(new TrainCommand());
        all.add(new EvalCommand());
        all.add(new PredictCommand());
        all.add(new ExperimentCommand());
        all.add(new InitCommand());
        all.add(new GradCommand());
        all.add(new BenchCommand());
        all.add(new SynthCommand());
        all.add(new MontageCommand());
        all.add(new DescribeCommand());
        all.add(new ExplainCommand());
        all.add(new SweepCommand());
        all.add(new BaselineCommand());
        return all;
    }

    public static void main(String[] argv) {
        int code = run(argv, Console.system());
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code. */
    public static int run(String[] argv, Console console) {
        try {
            return dispatch(argv, console);
        } catch (CliException e) {
            console.err().println("strnn: error: " + e.getMessage());
            return e.exitCode();
        } catch (SettingsException e) {
            console.err().println("strnn: error: " + e.getMessage());
            return CliException.USAGE;
        } catch (DatasetException | FormatException | IllegalArgumentException | ArithmeticException e) {
            console.err().println("strnn: error: " + e.getMessage());
            debug(e);
            return CliException.FAILURE;
        } catch (UncheckedIOException e) {
            console.err().println("strnn: error: " + describe(e.getCause()));
            debug(e);
            return CliException.FAILURE;
        } catch (IOException e) {
            console.err().println("strnn: error: " + describe(e));
            debug(e);
            return CliException.FAILURE;
        } catch (OutOfMemoryError e) {
            console.err().println("strnn: error: out of memory; use a smaller --batch, or give Java more heap with "
                    + "STRNN_JAVA_OPTS=-Xmx8g");
            return CliException.FAILURE;
        } catch (Exception | Error e) {
            console.err().println("strnn: internal error: " + e + " (run with STRNN_DEBUG=1 for the stack trace)");
            debug(e);
            return 3;
        }
    }

    /** One line for an I/O failure, naming the file. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static void debug(Throwable e) {
        if ("1".equals(System.getenv("STRNN_DEBUG"))) {
            e.printStackTrace();
        }
    }

    private static int dispatch(String[] argv, Console console) throws Exception {
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
            console.out().print(overview());
            return 0;
        }
        if (argv[0].equals("--version")) {
            console.out().println("strnn " + VERSION);
            return 0;
        }
        for (Command c : commands()) {
            if (c.name().equals(argv[0])) {
                String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
                if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
                    console.out().print(Help.of(c));
                    return 0;
                }
                return c.run(Args.parse(c.name(), c.options(), rest), console);
            }
        }
        throw CliException.usage("unknown command '" + argv[0] + "'; see bin/strnn --help");
    }

    static String overview() {
        StringBuilder sb = new StringBuilder();
        sb.append("strnn ").append(VERSION).append(": spatial-temporal recurrent neural network for emotion recognition\n\n");
        sb.append("usage: bin/strnn COMMAND [options]    (bin/strnn COMMAND --help for its options)\n\ncommands:\n");
        for (Command c : commands()) {
            sb.append(String.format("  %-11s %s%n", c.name(), c.summary()));
        }
        sb.append("\nData sources (--data, --test):\n").append(Help.DATA_SOURCES);
        return sb.toString();
    }
}
