package org.strnn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.strnn.formats.Json;
import org.strnn.formats.JsonException;
import org.strnn.model.ConfigJson;
import org.strnn.model.StrnnConfig;
import org.strnn.model.StrnnFile;
import org.strnn.model.StrnnModel;

/** {@code strnn init}: an untrained model file, for gradient comparisons with other frameworks. */
final class InitCommand implements Command {

    @Override
    public String name() {
        return "init";
    }

    @Override
    public String summary() {
        return "write an untrained model (scale-preserving or Xavier-normal weights, zero biases)";
    }

    @Override
    public String usage() {
        return "--out FILE [--config FILE] [--seed N]";
    }

    @Override
    public String description() {
        return """
                The configuration is a JSON object with the model settings of a model file's config.json
                ("model" object), for example {"layout": "seed62", "d": 5, "T": 9, "C": 3, "merge": "sum"};
                a whole config.json with a "model" key is accepted too. Unset keys take the spec's
                defaults. Without --config: the SEED defaults (27,653 parameters).
                """;
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>();
        o.add(Option.value("config", "FILE", null, "model settings as JSON"));
        o.add(Option.value("seed", "N", "1", "seed of the initial weights"));
        o.add(ModelOptions.INIT);
        o.add(Option.value("out", "FILE", null, "the model file to write"));
        o.add(Option.flag("force", "replace an existing --out file"));
        return o;
    }

    @Override
    public int run(Args args, Console console) throws IOException {
        args.positionalCount(0, 0, "no positional arguments");
        Path out = Path.of(args.required("out"));
        long seed = args.longValue("seed");
        StrnnConfig config = args.has("config") ? readConfig(args.path("config")) : StrnnConfig.seedDefaults();
        org.strnn.model.WeightInit init = ModelOptions.init(args);
        StrnnModel model = new StrnnModel(config, init, new SplittableRandom(seed));
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < config.classes(); i++) {
            classes.add("class" + i);
        }
        Map<String, Object> provenance = new LinkedHashMap<>(org.strnn.train.TrainingProvenance.untrained(seed,
                java.time.Clock.systemUTC()).toJson());
        provenance.put("init", init.key());
        StrnnFile.save(out, model, classes, Map.of(), provenance, Map.of(), args.flag("force"));
        console.info("wrote " + out + ": " + config.describe() + ", " + model.parameterCount() + " parameters");
        return 0;
    }

    static StrnnConfig readConfig(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CliException.failure(file + ": no such file");
        }
        Map<String, Object> json;
        try {
            json = Json.parseObject(text);
        } catch (JsonException e) {
            throw CliException.failure(file + ": not valid JSON: " + e.getMessage());
        }
        if (json.get("model") instanceof Map<?, ?> inner) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) inner;
            json = m;
        }
        try {
            return ConfigJson.fromJson(json, file.toString());
        } catch (IllegalArgumentException e) {
            throw CliException.failure(e.getMessage());
        }
    }
}
