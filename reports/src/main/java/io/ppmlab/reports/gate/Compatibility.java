package io.ppmlab.reports.gate;

import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.UnusableInput;

import java.util.Objects;

/** Refuses to compare runs of different suites or datasets: their figures differ for reasons no gate can judge. */
final class Compatibility {
    private Compatibility() {}

    static void check(String suite, BaselineFile.DatasetKey dataset, Results current, String what) {
        if (!Objects.equals(suite, current.suite())) {
            throw new UnusableInput("different suite: the baseline is of suite '" + suite + "', " + what + " of '" + current.suite() + "'");
        }
        BaselineFile.DatasetKey other = DatasetKeys.of(current);
        if (dataset == null) return;
        if (dataset.profile() != null && other.profile() != null && !dataset.profile().equals(other.profile())) {
            throw new UnusableInput("different dataset: profile '" + dataset.profile() + "' vs '" + other.profile() + "' in " + what);
        }
        if (dataset.rowsHash() != null && other.rowsHash() != null && !dataset.rowsHash().equals(other.rowsHash())) {
            throw new UnusableInput("different dataset: rows hash " + dataset.rowsHash() + " vs " + other.rowsHash() + " in " + what);
        }
        if (dataset.seed() != null && other.seed() != null && !dataset.seed().equals(other.seed())) {
            throw new UnusableInput("different dataset: seed " + dataset.seed() + " vs " + other.seed() + " in " + what);
        }
    }
}
