package io.ppmlab.emulator.query;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.model.QueryOptions;
import io.ppmlab.emulator.query.index.IdSet;
import io.ppmlab.emulator.query.index.IndexedStore;
import io.ppmlab.emulator.query.index.TableIndex;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.ppmlab.emulator.query.QueryFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secondary indexes: built lazily by one scan, kept right by every write (failed ones too); and the planner's choices. */
class IndexedStoreTest {

    @Test
    void buildsLazilyAndAnswersBuckets() {
        QueryFixture lab = new QueryFixture();
        assertThat(lab.store.builtIndexes()).isZero();
        TableIndex risks = lab.store.index("sensei_risk").orElseThrow();
        assertThat(lab.store.builtIndexes()).isEqualTo(1);
        assertThat(risks.size()).isEqualTo((int) lab.store.count("sensei_risk"));
        assertThat(ids(risks.bucket("sensei_project", id("sensei_project", "IT Project 1"))))
                .containsExactlyInAnyOrder(id("sensei_risk", "IT Project 1 - Risk 1"), id("sensei_risk", "IT Project 1 - Risk 2"));
        assertThat(risks.indexed("ownerid")).isTrue();
        assertThat(risks.indexed("createdby")).isFalse();
        assertThat(risks.indexed("statecode")).isFalse();
    }

    @Test
    void writesMoveRowsBetweenBucketsAndDeletesDropThem() {
        QueryFixture lab = new QueryFixture();
        TableIndex risks = lab.store.index("sensei_risk").orElseThrow();
        UUID risk = id("sensei_risk", "IT Project 1 - Risk 1");
        UUID from = id("sensei_project", "IT Project 1");
        UUID to = id("sensei_project", "HR Project 3");
        Row row = lab.store.get("sensei_risk", risk).orElseThrow();
        lab.store.put(row.with("sensei_project", new EntityRef("sensei_project", to)));
        assertThat(risks.bucket("sensei_project", from).contains(risk)).isFalse();
        assertThat(risks.bucket("sensei_project", to).contains(risk)).isTrue();
        Row added = new Row("sensei_risk", UUID.randomUUID(), Map.of("sensei_name", "New", "sensei_project", new EntityRef("sensei_project", to)));
        lab.store.put(added);
        assertThat(risks.bucket("sensei_project", to).contains(added.id())).isTrue();
        assertThat(risks.all().contains(added.id())).isTrue();
        lab.store.delete("sensei_risk", added.id());
        assertThat(risks.bucket("sensei_project", to).contains(added.id())).isFalse();
        assertThat(risks.all().contains(added.id())).isFalse();
        // several writes of one row in a batch leave only the last state
        lab.store.apply(List.of(new Mutation.Put(row.with("sensei_project", new EntityRef("sensei_project", from))),
                new Mutation.Put(row.with("sensei_project", null))));
        assertThat(risks.bucket("sensei_project", from).contains(risk)).isFalse();
        assertThat(risks.bucket("sensei_project", to).contains(risk)).isFalse();
    }

    @Test
    void aFailedWriteLeavesTheIndexAsItWas() {
        MemoryStore memory = new MemoryStore(SCHEMA);
        Store failing = new Store() {
            @Override public java.util.Optional<Row> get(String t, UUID id) { return memory.get(t, id); }
            @Override public void apply(List<Mutation> m) { throw new IllegalArgumentException("refused"); }
            @Override public void scan(String t, Consumer<Row> v) { memory.scan(t, v); }
            @Override public long count(String t) { return memory.count(t); }
            @Override public long bytesUsed(String t) { return 0; }
            @Override public void close() {}
        };
        Row existing = new Row("sensei_risk", UUID.randomUUID(), Map.of("sensei_name", "A", "sensei_project", new EntityRef("sensei_project", new UUID(0, 1))));
        memory.put(existing);
        IndexedStore store = new IndexedStore(failing, SCHEMA);
        TableIndex index = store.index("sensei_risk").orElseThrow();
        Row moved = existing.with("sensei_project", new EntityRef("sensei_project", new UUID(0, 2)));
        Row fresh = new Row("sensei_risk", UUID.randomUUID(), Map.of("sensei_name", "B"));
        assertThatThrownBy(() -> store.apply(List.of(new Mutation.Put(moved), new Mutation.Put(fresh)))).hasMessage("refused");
        assertThat(index.bucket("sensei_project", new UUID(0, 1)).contains(existing.id())).isTrue();
        assertThat(index.bucket("sensei_project", new UUID(0, 2)).size()).isZero();
        assertThat(index.all().contains(fresh.id())).isFalse();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void queriesSeeWritesMadeAfterTheIndexWasBuilt() {
        QueryFixture lab = new QueryFixture();
        QueryEngine engine = lab.engine(organization());
        Caller admin = caller("admin");
        String q = "sensei_risks?$select=sensei_name&$filter=_sensei_project_value%20eq%20" + id("sensei_project", "IT Project 3");
        assertThat(values(engine.get(admin, q, Map.of()), "sensei_name")).hasSize(2);
        lab.store.put(new Row("sensei_risk", UUID.randomUUID(), Map.of("sensei_name", "Late risk",
                "sensei_project", new EntityRef("sensei_project", id("sensei_project", "IT Project 3")))));
        assertThat(values(engine.get(admin, q, Map.of()), "sensei_name")).contains("Late risk").hasSize(3);
    }

    @Test
    void plannerStartsFromTheMostSelectiveSource() {
        QueryFixture lab = new QueryFixture();
        QueryEngine org = lab.engine(organization());
        QueryEngine user = lab.engine(user());
        var risks = table("sensei_risk");
        Caller green = caller("green");
        // no filter, everything readable: every row
        assertThat(org.explain(green, risks, QueryOptions.NONE)).startsWith("all(");
        // an equality on an indexed lookup
        assertThat(org.explain(green, risks, parse(lab, "sensei_risks?$filter=_sensei_project_value eq " + id("sensei_project", "IT Project 1"))))
                .isEqualTo("index:sensei_project(2)");
        // a key
        assertThat(org.explain(green, risks, parse(lab, "sensei_risks?$filter=sensei_riskid eq " + id("sensei_risk", "IT Project 1 - Risk 1"))))
                .isEqualTo("key(1)");
        // a narrow reach beats a broad filter
        assertThat(user.explain(green, risks, parse(lab, "sensei_risks?$filter=statecode eq 0"))).startsWith("reach(");
        // a narrow filter beats a broad reach
        assertThat(lab.engine(businessUnit()).explain(caller("blue"), risks,
                parse(lab, "sensei_risks?$filter=_sensei_project_value eq " + id("sensei_project", "IT Project 1")))).isEqualTo("index:sensei_project(2)");
        // an OR of equalities on one column is one index start
        assertThat(org.explain(green, risks, parse(lab, "sensei_risks?$filter=_sensei_project_value eq " + id("sensei_project", "IT Project 1")
                + " or _sensei_project_value eq " + id("sensei_project", "IT Project 2")))).isEqualTo("index:sensei_project(4)");
        // no privilege: nothing is read at all
        assertThat(lab.engine(without("sensei_risk")).explain(green, risks, QueryOptions.NONE)).isEqualTo("nothing");
    }

    @Test
    void withoutAnIndexTheEngineScansAndAnswersTheSame() {
        QueryFixture lab = new QueryFixture();
        QueryEngine indexed = lab.engine(businessUnit());
        QueryEngine scanning = lab.engine(businessUnit(), lab.store, io.ppmlab.emulator.query.index.IndexSource.NONE);
        Caller blue = caller("blue");
        for (String q : List.of("sensei_risks?$select=sensei_name&$orderby=sensei_name",
                "sensei_risks?$select=sensei_name&$filter=sensei_project/sensei_name%20eq%20'IT%20Project%202'&$orderby=sensei_name",
                "sensei_projects?$select=sensei_name&$filter=sensei_risk_sensei_project/any(r:r/sensei_riskscore%20eq%206)&$orderby=sensei_name")) {
            assertThat(values(scanning.get(blue, q, Map.of()), "sensei_name")).as(q)
                    .containsExactlyElementsOf(values(indexed.get(blue, q, Map.of()), "sensei_name"));
        }
        assertThat(scanning.explain(blue, table("sensei_risk"), QueryOptions.NONE)).isEqualTo("scan");
    }

    private static QueryOptions parse(QueryFixture lab, String url) {
        int q = url.indexOf('?');
        return lab.parser.parse(url.substring(0, q), url.substring(q + 1).replace(" ", "%20")).options();
    }

    private static List<UUID> ids(IdSet set) {
        List<UUID> out = new ArrayList<>();
        for (Iterator<UUID> it = set.after(null); it.hasNext(); ) out.add(it.next());
        return out;
    }
}
