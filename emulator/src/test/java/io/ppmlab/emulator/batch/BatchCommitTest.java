package io.ppmlab.emulator.batch;

import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.odata.ServiceModel;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.emulator.operations.Dispatcher;
import io.ppmlab.emulator.operations.FunctionOperations;
import io.ppmlab.emulator.operations.OpenAccess;
import io.ppmlab.emulator.operations.RowOperations;
import io.ppmlab.emulator.operations.StoreKeyResolver;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.operations.VersionSequence;
import io.ppmlab.emulator.operations.WriteRules;
import io.ppmlab.emulator.operations.bulk.BulkOperations;
import io.ppmlab.emulator.operations.bulk.OperationsFactory;
import io.ppmlab.emulator.payload.RowReader;
import io.ppmlab.emulator.payload.RowWriter;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The atomicity contract, counted at the store: a change set or a bulk message ends in exactly one
 * {@code Store.apply} holding all its rows, or in none; requests outside change sets apply one by one.
 * No HTTP, open access, no product rules: only the batch and bulk machinery over a {@link MemoryStore}.
 */
class BatchCommitTest {
    private static final Schema SCHEMA = SchemaLoader.loadDefault();
    private static final ServiceModel MODEL = ServiceModel.of(SCHEMA);
    private static final UriParser PARSER = new UriParser(MODEL);
    private static final UUID USER = UUID.randomUUID();
    private static final UUID BU = UUID.randomUUID();
    private static final String BASE = "http://lab/api/data/v9.2/";

    /** Records every apply call that reaches the store. */
    static final class CountingStore implements Store {
        final Store delegate = new MemoryStore(SCHEMA);
        final List<List<Mutation>> applies = new ArrayList<>();

        @Override public Optional<Row> get(String table, UUID id) { return delegate.get(table, id); }

        @Override public void apply(List<Mutation> mutations) {
            applies.add(List.copyOf(mutations));
            delegate.apply(mutations);
        }

        @Override public void scan(String table, Consumer<Row> visitor) { delegate.scan(table, visitor); }

        @Override public long count(String table) { return delegate.count(table); }

        @Override public long bytesUsed(String table) { return delegate.bytesUsed(table); }

        @Override public void close() { delegate.close(); }
    }

    private CountingStore store;
    private Dispatcher dispatcher;

    @BeforeEach
    void open() {
        store = new CountingStore();
        store.delegate.put(new Row("businessunit", BU, Map.of("name", "Root")));
        store.delegate.put(new Row("systemuser", USER, Map.of("fullname", "Tester", "businessunitid", new EntityRef("businessunit", BU))));
        VersionSequence versions = VersionSequence.inMemory();
        OperationsFactory factory = new OperationsFactory() {
            @Override
            public Bound over(Store over) {
                RowOperations rows = new RowOperations(over, new RowReader(SCHEMA), new RowWriter(ref -> Optional.empty()),
                        new SystemColumns(over, Clock.systemUTC(), versions), new OpenAccess(), WriteRules.NONE);
                StoreKeyResolver keys = new StoreKeyResolver(over);
                Dispatcher d = new Dispatcher(SCHEMA, MODEL.documents(), rows, keys, null, new FunctionOperations(over), null)
                        .withBulk(new BulkOperations(SCHEMA, over, this, PARSER));
                return new Bound(d, rows, keys);
            }
        };
        dispatcher = factory.over(store).dispatcher()
                .withBatches(new BatchOperations(new BatchOperations.Wiring(SCHEMA, store, factory, PARSER, null)));
    }

    private ApiResponse post(String path, String contentType, String body) {
        ApiRequest request = new ApiRequest("POST", "v9.2", path, "", Map.of("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8), BASE);
        return dispatcher.execute(Caller.of(USER, BU), request, PARSER.parse(path, ""));
    }

    private ApiResponse batch(String body) { return post("$batch", "multipart/mixed; boundary=b", body); }

    private static String part(String id, String method, String url, String json) {
        return "--cs\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n" + (id == null ? "" : "Content-ID: " + id + "\r\n")
                + "\r\n" + method + " " + url + " HTTP/1.1\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n";
    }

    private static String changeSet(String... parts) {
        return "--b\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n" + String.join("", parts) + "--cs--\r\n--b--\r\n";
    }

    @Test
    void aChangeSetIsOneApplyOfEveryRowItWrote() {
        ApiResponse r = batch(changeSet(
                part("1", "POST", "sensei_portfolios", "{\"sensei_name\":\"A\"}"),
                part("2", "POST", "sensei_programs", "{\"sensei_name\":\"B\",\"sensei_portfolio@odata.bind\":\"$1\"}"),
                part("3", "PATCH", "$1", "{\"sensei_name\":\"A2\"}"),
                part("4", "POST", "sensei_portfolios", "{\"sensei_name\":\"C\"}"),
                part("5", "DELETE", "$4", "")));
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(store.applies).hasSize(1);
        List<Mutation> applied = store.applies.get(0);
        // one mutation per row: A (created then renamed), B, and C (created then deleted)
        assertThat(applied).hasSize(3);
        assertThat(applied.get(0)).isInstanceOfSatisfying(Mutation.Put.class, p -> assertThat(p.row().get("sensei_name")).isEqualTo("A2"));
        assertThat(applied.get(2)).isInstanceOf(Mutation.Delete.class);
        assertThat(store.count("sensei_portfolio")).isEqualTo(1);
        assertThat(store.count("sensei_program")).isEqualTo(1);
    }

    @Test
    void aFailedChangeSetAppliesNothing() {
        ApiResponse r = batch(changeSet(
                part("1", "POST", "sensei_portfolios", "{\"sensei_name\":\"A\"}"),
                part("2", "POST", "sensei_portfolios", "{\"sensei_name\":\"B\",\"nope\":true}")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(store.applies).isEmpty();
        assertThat(store.count("sensei_portfolio")).isZero();
    }

    @Test
    void requestsOutsideChangeSetsApplyOneByOne() {
        String single = "--b\r\nContent-Type: application/http\r\n\r\nPOST sensei_portfolios HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"sensei_name\":\"S\"}\r\n";
        ApiResponse r = batch(single + single + single + "--b--\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(store.applies).hasSize(3);
    }

    @Test
    void aBulkMessageIsOneApplyOrNone() {
        String typed = "\"@odata.type\":\"Microsoft.Dynamics.CRM.sensei_portfolio\"";
        ApiResponse created = post("sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple", "application/json",
                "{\"Targets\":[{" + typed + ",\"sensei_name\":\"1\"},{" + typed + ",\"sensei_name\":\"2\"},{" + typed + ",\"sensei_name\":\"3\"}]}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(store.applies).hasSize(1);
        assertThat(store.applies.get(0)).hasSize(3);

        assertThatThrownBy(() -> post("sensei_portfolios/Microsoft.Dynamics.CRM.UpdateMultiple", "application/json",
                "{\"Targets\":[{" + typed + ",\"sensei_portfolioid\":\"" + UUID.randomUUID() + "\",\"sensei_name\":\"x\"}]}"))
                .isInstanceOfSatisfying(DataverseException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(store.applies).hasSize(1);
    }

    @Test
    void theBulkPathParsesAsACollectionBoundAction() {
        assertThat(PARSER.parse("sensei_projects/Microsoft.Dynamics.CRM.UpsertMultiple", "").path())
                .isEqualTo(new ResourcePath.CollectionActionCall("sensei_project", "UpsertMultiple"));
    }
}
