package io.ppmlab.reports.gate;

import io.ppmlab.reports.results.Dataset;
import io.ppmlab.reports.results.Results;

/** The dataset identity of a run, as a baseline stores it. */
final class DatasetKeys {
    private DatasetKeys() {}

    static BaselineFile.DatasetKey of(Results r) {
        Dataset d = r.dataset();
        if (d == null) return new BaselineFile.DatasetKey(null, null, null);
        return new BaselineFile.DatasetKey(d.profile(), d.seed(), d.rowsHash());
    }
}
