package io.ppmlab.emulator.batch;

import java.util.List;

/** One top-level part of a batch: a request on its own, or a change set whose requests succeed or fail together. */
public sealed interface BatchItem {
    /** The number of requests this item holds (a change set counts each of its requests). */
    int size();

    record Single(PartRequest request) implements BatchItem {
        @Override public int size() { return 1; }
    }

    record ChangeSet(List<PartRequest> requests) implements BatchItem {
        public ChangeSet { requests = List.copyOf(requests); }

        @Override public int size() { return requests.size(); }
    }
}
