package org.strnn.datasets.source;

import java.util.List;
import org.strnn.datasets.Split;
import org.strnn.datasets.protocol.Fold;
import org.strnn.datasets.protocol.Protocol;
import org.strnn.layout.Layout;

/**
 * A data source as the command line names it ({@code seed:/data/SEED}, {@code edf:A.edf,B.edf},
 * {@code npz:features.npz}, {@code synthetic}, ...) with the settings that read and split it, for
 * use from Java:
 *
 * <pre>{@code
 * Split split = DataSpec.parse("seed:/data/SEED").split(Protocol.LOSO);
 * List<Fold> folds = DataSpec.parse("deap:/data/DEAP").with("target", "arousal").folds();
 * }</pre>
 *
 * Nothing is read until a split, the folds or the layout are asked for. A wrong setting is a
 * {@link org.strnn.datasets.SettingsException}; unreadable data a {@link org.strnn.datasets.DatasetException}.
 */
public final class DataSpec {

    private final String spec;
    private final SourceSettings settings;

    private DataSpec(String spec, SourceSettings settings) {
        this.spec = spec;
        this.settings = settings;
    }

    /** {@code spec} with every setting at its default ({@link SourceSettings#OPTIONS}). */
    public static DataSpec parse(String spec) {
        return parse(spec, SourceSettings.defaults());
    }

    public static DataSpec parse(String spec, SourceSettings settings) {
        return new DataSpec(spec, settings);
    }

    /** This source with {@code setting} (a name of {@link SourceSettings#OPTIONS}, e.g. {@code steps}) set. */
    public DataSpec with(String setting, String value) {
        return new DataSpec(spec, settings.with(setting, value));
    }

    public SourceSettings settings() {
        return settings;
    }

    /** Every fold of the settings' protocol (only a subject's or a session's when those are set). */
    public List<Fold> folds() {
        return DataSources.folds(spec, settings);
    }

    /** The fold the {@code fold} setting names (the first by default) of the settings' protocol. */
    public Split split() {
        return DataSources.load(spec, settings, DataSources.Role.OWN_SPLIT).split();
    }

    /** The first fold (or the {@code fold} setting's) of {@code protocol}. */
    public Split split(Protocol protocol) {
        return with("protocol", protocol.option()).split();
    }

    /** A one-line identity of the source and the settings that shape its samples. */
    public String describe() {
        return DataSources.describe(spec, settings);
    }

    /** The electrode grid the samples are placed on, reading as little as possible. */
    public Layout layout() {
        return DataSources.layout(spec, settings);
    }

    @Override
    public String toString() {
        return spec;
    }
}
