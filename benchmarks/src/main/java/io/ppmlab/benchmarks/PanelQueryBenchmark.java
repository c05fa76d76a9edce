package io.ppmlab.benchmarks;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.access.SecurityGuard;
import io.ppmlab.emulator.access.SecurityModelLoader;
import io.ppmlab.emulator.access.SecurityState;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.ServiceModel;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.payload.RowWriter;
import io.ppmlab.emulator.query.QueryEngine;
import io.ppmlab.emulator.query.index.IndexedStore;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Question: what do the product's status-panel queries cost in the query engine (parse, plan, security, rows, JSON),
 * without HTTP? The two documented panel queries, verbatim as the Portfolio Manager journey sends them, run as Blue
 * (Portfolio Manager, Business-Unit read) over the demo organisation grown to {@code projects} projects:
 * {@code rejectedChangeRequestCost}: change requests of one project ({@code {parentId}} quoted, as the product's
 * panel settings write it) in the rejected status; {@code programRemainingWork}: the {@code $apply} sum of remaining
 * effort over a program's projects (grows with the program's projects). Read: microseconds per panel; compare with
 * the same panel's server time in a harness run to see what HTTP adds.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PanelQueryBenchmark -p projects=5000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PanelQueryBenchmark {
    @Param({"5000"})
    public int projects;

    private QueryEngine engine;
    private Caller blue;
    private String changeRequestCost;
    private String programRemainingWork;

    @Setup
    public void setUp() {
        Schema schema = SchemaLoader.loadDefault();
        MemoryStore memory = new MemoryStore(schema);
        List<Row> demo = DemoOrganisation.build(schema).rows();
        memory.apply(demo.stream().<Mutation>map(Mutation.Put::new).toList());
        memory.apply(QueryBenchmark.moreProjects(demo, projects));
        IndexedStore store = new IndexedStore(memory, schema);
        SecurityState security = new SecurityState(store, new SecurityModelLoader(RoleCatalog.loadDefault()));
        SecurityGuard guard = new SecurityGuard(schema, security, store);
        UriParser parser = new UriParser(ServiceModel.of(schema));
        engine = new QueryEngine(new QueryEngine.Wiring(schema, store, store, guard, new RowWriter(ref -> Optional.empty()), parser, Clock.systemUTC()));
        Row user = store.get("systemuser", DemoOrganisation.userId("blue")).orElseThrow();
        blue = Caller.of(user.id(), user.ref("businessunitid").id());
        UUID project = DemoOrganisation.recordId("sensei_project", "IT Project 1");
        UUID program = DemoOrganisation.recordId("sensei_program", "IT Program 1");
        changeRequestCost = "sensei_changerequests?$select=sensei_costestimate"
                + "&$filter=_sensei_project_value%20eq%20%27" + project + "%27%20and%20statuscode%20eq%20955000002";
        programRemainingWork = "sensei_programs(" + program + ")/sensei_project_sensei_program"
                + "?$apply=groupby((sensei_program/sensei_programid),aggregate(sensei_effortremaining%20with%20sum%20as%20total))";
        for (String q : List.of(changeRequestCost, programRemainingWork)) {
            ApiResponse r = engine.get(blue, q, Map.of());
            if (r.status() != 200) throw new IllegalStateException(q + " answered " + r.status());
        }
    }

    @Benchmark
    public ApiResponse rejectedChangeRequestCost() {
        return engine.get(blue, changeRequestCost, Map.of());
    }

    @Benchmark
    public ApiResponse programRemainingWork() {
        return engine.get(blue, programRemainingWork, Map.of());
    }
}
