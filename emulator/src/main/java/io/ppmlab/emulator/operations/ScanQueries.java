package io.ppmlab.emulator.operations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.model.QueryOptions;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.emulator.payload.RowWriter;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first query implementation: a security-filtered scan supporting {@code $select}, {@code $top} and
 * counts. Options it cannot answer get a 501 rather than a wrong answer.
 */
public final class ScanQueries implements QueryOperations {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_PAGE = 5_000;
    private final Store store;
    private final RowWriter writer;
    private final AccessGuard guard;

    public ScanQueries(Store store, RowWriter writer, AccessGuard guard) {
        this.store = store;
        this.writer = writer;
        this.guard = guard;
    }

    @Override
    public ApiResponse list(Caller caller, Table table, QueryOptions options, ApiRequest request) {
        refuseUnsupported(options);
        int limit = Math.min(options.top().orElse(MAX_PAGE), MAX_PAGE);
        List<Row> rows = readable(caller, table, limit);
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl() + "$metadata#" + table.entitySetName()
                    + (options.select().isEmpty() ? "" : "(" + String.join(",", options.select()) + ")"));
            g.writeArrayFieldStart("value");
            for (Row row : rows) {
                g.writeStartObject();
                writer.writeFields(g, table, row, options.select(), request.prefer());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ApiResponse.json(200, out.toString(), Map.of());
    }

    @Override
    public ApiResponse count(Caller caller, Table table, QueryOptions options, ApiRequest request) {
        refuseUnsupported(options);
        return ApiResponse.text(200, "text/plain", Integer.toString(readable(caller, table, MAX_PAGE).size()));
    }

    @Override
    public ApiResponse navigation(Caller caller, ResourcePath.Navigation navigation, QueryOptions options, ApiRequest request) {
        throw ErrorCode.BAD_REQUEST.error("Navigation paths are answered by the query engine.");
    }

    @Override
    public ApiResponse navigationCount(Caller caller, ResourcePath.Navigation navigation, QueryOptions options, ApiRequest request) {
        throw ErrorCode.BAD_REQUEST.error("Navigation paths are answered by the query engine.");
    }

    private List<Row> readable(Caller caller, Table table, int limit) {
        List<Row> rows = new ArrayList<>();
        store.scan(table.logicalName(), row -> {
            if (rows.size() >= limit) return;
            try {
                guard.checkRead(caller, table, row);
                rows.add(row);
            } catch (RuntimeException refused) {
                // rows the caller cannot read are silently left out of lists
            }
        });
        return rows;
    }

    private static void refuseUnsupported(QueryOptions options) {
        if (options.filter().isPresent() || !options.orderBy().isEmpty() || !options.expand().isEmpty()
                || options.apply().isPresent() || options.skipToken().isPresent() || !options.custom().isEmpty()) {
            throw ErrorCode.BAD_REQUEST.error("This query option is answered by the query engine.");
        }
    }
}
