package org.strnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.strnn.datasets.Montage;
import org.strnn.datasets.source.DataSources;
import org.strnn.layout.Layout;
import org.strnn.plot.LayoutMapPlot;
import org.strnn.plot.Png;

/**
 * {@code strnn montage}: shows the grid a source's channels (or a list of names) are placed on, as
 * text and as a PNG scalp map, so that a user can check the montage before training.
 */
final class MontageCommand implements Command {

    @Override
    public String name() {
        return "montage";
    }

    @Override
    public String summary() {
        return "show the grid the channels of a data source (or a list of names) are placed on";
    }

    @Override
    public String usage() {
        return "(--data SOURCE | --channels LIST) [--png FILE] [options]";
    }

    @Override
    public String description() {
        return """
                Prints the grid, one row per line, front at the top and the subject's left on the left, with
                - for an empty cell; the same text works as a --montage FILE. With --png, also draws it.
                Channel names are 10-05 names in any case, with EDF+ spellings (EEG Fp1, Fp1-REF, Fp1.) and
                the old T3/T4/T5/T6 accepted.
                """;
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("data", "SOURCE", null, "the source whose channels to place, e.g. edf:rec.bdf or npz:f.npz"));
        o.add(Option.value("channels", "LIST", null, "channel names instead of a source, e.g. Fp1,AF3,F7"));
        o.add(Option.value("png", "FILE", null, "also draw the grid into this PNG file"));
        o.add(Option.flag("force", "replace an existing --png file"));
        o.addAll(DataOptions.OPTIONS);
        return o;
    }

    @Override
    public int run(Args args, Console console) throws IOException {
        args.positionalCount(0, 0, "no positional arguments");
        if (args.has("data") == args.has("channels")) {
            throw CliException.usage("montage needs exactly one of --data SOURCE and --channels LIST");
        }
        Layout layout = args.has("channels")
                ? Montage.layout("channels", Arrays.stream(args.string("channels").split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList())
                : DataSources.layout(args.string("data"), args.source());
        console.out().println(layout.size() + " channels on a " + layout.rows() + "x" + layout.cols() + " grid:");
        console.out().print(Montage.gridText(layout));
        if (args.has("png")) {
            double[] rows = new double[layout.size()];
            for (int v = 0; v < rows.length; v++) {
                rows[v] = layout.electrode(v).row();
            }
            Path png = args.path("png");
            Png.write(new LayoutMapPlot(layout, rows).title("montage: " + layout.size() + " channels on "
                    + layout.rows() + "x" + layout.cols()).colourBarLabel("grid row").render(), png, args.flag("force"));
            console.out().println("picture: " + png);
        }
        return 0;
    }
}
