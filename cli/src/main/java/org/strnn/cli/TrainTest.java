package org.strnn.cli;

import org.strnn.datasets.SampleSet;
import org.strnn.datasets.source.DataSources;
import org.strnn.datasets.source.EdfEvents;

/**
 * The training and test samples of {@code --data} (split by its protocol) or of {@code --data}
 * and {@code --test}, as {@code train} and {@code baseline} both read them: an empty side fails
 * with the reason, and test samples that also appear in the training data are refused.
 */
record TrainTest(DataSources.Loaded data, DataSources.Loaded testData, SampleSet train, SampleSet test) {

    static TrainTest load(Args args) {
        boolean separate = args.has("test");
        DataSources.Loaded data = DataSources.load(args.string("data"), args.source(),
                separate ? DataSources.Role.ALL_TRAIN : DataSources.Role.OWN_SPLIT);
        DataSources.Loaded testData = separate
                ? DataSources.load(args.string("test"), args.source(), DataSources.Role.ALL_TEST) : data;
        SampleSet train = data.split().train();
        SampleSet test = testData.split().test();
        if (train.size() == 0) {
            throw CliException.failure("the training data hold no samples (" + data.identity() + ")"
                    + EdfEvents.whyNoSamples(args.string("data"), args.source()));
        }
        if (test.size() == 0) {
            throw CliException.failure("the test data hold no samples (" + testData.identity() + ")"
                    + EdfEvents.whyNoSamples(separate ? args.string("test") : args.string("data"), args.source()));
        }
        if (separate) {
            LeakCheck.refuseOverlap(data, train, testData, test);
        }
        return new TrainTest(data, testData, train, test);
    }
}
