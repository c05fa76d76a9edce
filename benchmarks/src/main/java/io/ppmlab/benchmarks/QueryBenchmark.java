package io.ppmlab.benchmarks;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.access.SecurityGuard;
import io.ppmlab.emulator.access.SecurityModelLoader;
import io.ppmlab.emulator.access.SecurityState;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.ServiceModel;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.odata.model.ParsedRequest;
import io.ppmlab.emulator.payload.RowWriter;
import io.ppmlab.emulator.query.QueryEngine;
import io.ppmlab.emulator.query.index.IndexedStore;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import io.ppmlab.schema.Table;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Parse, plan and execute of the issue's reference query, as Blue (Portfolio Manager, Business-Unit
 * read): {@code sensei_projects?$select=sensei_name,statuscode&$filter=statuscode eq 1&$top=50} over
 * the demo organisation grown to {@code projects} projects, spread over the IT and HR group teams.
 * {@code parse}: an uncached parse (the cache holds one entry; two URLs alternate). {@code plan}: the
 * planner's choice. {@code execute}: rows only. {@code respond}: parse (cached) + plan + rows + JSON.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar QueryBenchmark -p projects=5000,50000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class QueryBenchmark {
    static final String OPTIONS = "$select=sensei_name,statuscode&$filter=statuscode%20eq%201&$top=50";
    static final String OTHER = "$select=sensei_name&$filter=statuscode%20eq%201&$top=50";
    static final String QUERY = "sensei_projects?" + OPTIONS;

    @Param({"5000"})
    public int projects;

    private QueryEngine engine;
    private UriParser uncached;
    private Caller blue;
    private Table table;
    private ParsedRequest parsed;
    private boolean flip;

    @Setup
    public void setUp() {
        Schema schema = SchemaLoader.loadDefault();
        MemoryStore memory = new MemoryStore(schema);
        List<Row> demo = DemoOrganisation.build(schema).rows();
        memory.apply(demo.stream().<Mutation>map(Mutation.Put::new).toList());
        memory.apply(moreProjects(demo, projects));
        IndexedStore store = new IndexedStore(memory, schema);
        SecurityState security = new SecurityState(store, new SecurityModelLoader(RoleCatalog.loadDefault()));
        SecurityGuard guard = new SecurityGuard(schema, security, store);
        ServiceModel model = ServiceModel.of(schema);
        UriParser parser = new UriParser(model);
        engine = new QueryEngine(new QueryEngine.Wiring(schema, store, store, guard, new RowWriter(ref -> Optional.empty()), parser, Clock.systemUTC()));
        uncached = new UriParser(model, 1);
        Row user = store.get("systemuser", DemoOrganisation.userId("blue")).orElseThrow();
        blue = Caller.of(user.id(), user.ref("businessunitid").id());
        table = schema.table("sensei_project").orElseThrow();
        parsed = parser.parse("sensei_projects", OPTIONS);
        int visible = engine.rows(blue, table, parsed.options(), 10_000).size();
        System.out.printf("%n%d projects stored, Blue's query returns %d (top 50)%n", projects, visible);
    }

    /** Copies of the demo projects (same owners, BUs and programs), so the reach and filter shapes stay realistic. */
    static List<Mutation> moreProjects(List<Row> demo, int total) {
        List<Row> templates = demo.stream().filter(r -> r.table().equals("sensei_project")).toList();
        List<Mutation> out = new ArrayList<>();
        for (int i = templates.size(); i < total; i++) {
            Row t = templates.get(i % templates.size());
            Map<String, Object> values = new LinkedHashMap<>(t.values());
            values.put("sensei_name", t.get("sensei_name") + " #" + i);
            values.put("statuscode", i % 3 == 0 ? 2 : 1);
            values.put("statecode", i % 3 == 0 ? 1 : 0);
            out.add(new Mutation.Put(new Row("sensei_project", UUID.nameUUIDFromBytes(("bench-project-" + i).getBytes()), values)));
        }
        return out;
    }

    @Benchmark
    public ParsedRequest parse() {
        flip = !flip;
        return uncached.parse("sensei_projects", flip ? OPTIONS : OTHER);
    }

    @Benchmark
    public String plan() { return engine.explain(blue, table, parsed.options()); }

    @Benchmark
    public List<Row> execute() { return engine.rows(blue, table, parsed.options(), 50); }

    @Benchmark
    public ApiResponse respond() { return engine.get(blue, QUERY, Map.of()); }

}
