package io.ppmlab.emulator.batch;

import io.ppmlab.emulator.access.Impersonator;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.operations.Dispatcher;
import io.ppmlab.emulator.operations.bulk.BufferedStore;
import io.ppmlab.emulator.operations.bulk.OperationsFactory;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST $batch}: parses the multipart body (refusing a malformed one, more than 1,000 requests, a GET in a
 * change set and a nested batch before anything runs), then runs the items in order. A request on its own runs
 * against the emulator's store like a single request. A change set runs against a {@link BufferedStore}: its
 * requests see each other's writes and {@code $n} references, and it ends in exactly one {@code Store.apply} of
 * all its mutations, or none when a request fails. Processing stops at the first failure (outer 400), unless
 * {@code Prefer: odata.continue-on-error} asks for every item's result (outer 200).
 */
public final class BatchOperations implements Dispatcher.Batches {
    private final Schema schema;
    private final Store store;
    private final OperationsFactory operations;
    private final Dispatcher direct;
    private final PartRunner runner;

    /** What a batch needs: the store change sets commit to, the operations factory, the URL parser and impersonation. */
    public record Wiring(Schema schema, Store store, OperationsFactory operations, UriParser parser, Impersonator impersonator) {}

    public BatchOperations(Wiring w) {
        this.schema = w.schema();
        this.store = w.store();
        this.operations = w.operations();
        this.direct = w.operations().over(w.store()).dispatcher(); // refuses $batch: a batch cannot nest
        this.runner = new PartRunner(w.schema(), w.parser(), w.impersonator());
    }

    @Override
    public ApiResponse batch(Caller caller, ApiRequest request) {
        String boundary = MultipartParser.boundary(request.header("Content-Type").orElse(null));
        List<BatchItem> items = MultipartParser.parse(request.body(), boundary);
        boolean continueOnError = request.prefer().continueOnError();
        BatchResponseWriter out = new BatchResponseWriter();
        for (BatchItem item : items) {
            boolean ok = item instanceof BatchItem.Single single
                    ? single(caller, request, single.request(), out)
                    : changeSet(caller, request, (BatchItem.ChangeSet) item, out);
            if (!ok && !continueOnError) return out.finish(400);
        }
        return out.finish(200);
    }

    private boolean single(Caller caller, ApiRequest batch, PartRequest part, BatchResponseWriter out) {
        PartRunner.Outcome outcome = runner.run(caller, batch, part, direct, new ContentIds(schema));
        out.single(outcome.response(), part.contentId());
        return !outcome.failed();
    }

    private boolean changeSet(Caller caller, ApiRequest batch, BatchItem.ChangeSet set, BatchResponseWriter out) {
        try (BufferedStore buffer = new BufferedStore(store, schema)) {
            Dispatcher dispatcher = operations.over(buffer).dispatcher();
            ContentIds ids = new ContentIds(schema);
            List<BatchResponseWriter.Answered> answers = new ArrayList<>();
            for (PartRequest part : set.requests()) {
                PartRunner.Outcome outcome = runner.run(caller, batch, part, dispatcher, ids);
                if (outcome.failed()) {
                    out.single(outcome.response(), part.contentId()); // the buffer is dropped: nothing of the set is written
                    return false;
                }
                part.contentId().ifPresent(id -> outcome.row().ifPresent(row -> ids.declare(id, row)));
                answers.add(new BatchResponseWriter.Answered(outcome.response(), part.contentId()));
            }
            Optional<ApiResponse> failure = runner.attempt(buffer::commit, "the commit of a change set of " + set.size() + " requests");
            if (failure.isPresent()) {
                out.single(failure.get(), Optional.empty());
                return false;
            }
            out.changeSet(answers);
            return true;
        }
    }
}
