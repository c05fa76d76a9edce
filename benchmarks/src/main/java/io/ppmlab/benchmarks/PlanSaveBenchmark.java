package io.ppmlab.benchmarks;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.access.SecurityGuard;
import io.ppmlab.emulator.access.SecurityModelLoader;
import io.ppmlab.emulator.access.SecurityState;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.operations.VersionSequence;
import io.ppmlab.emulator.product.AssignedToShares;
import io.ppmlab.emulator.query.index.Children;
import io.ppmlab.emulator.product.OwnerReadCheck;
import io.ppmlab.emulator.product.ProductRules;
import io.ppmlab.emulator.query.index.IndexedStore;
import io.ppmlab.emulator.resourcing.ResourcePlanSave;
import io.ppmlab.emulator.resourcing.ResourcingSettings;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Question: what does a 45 resource-year plan save cost without HTTP? {@code ResourcePlanSave.handle} as the
 * Resource Manager of the demo organisation: 90 resources × January–June 2027, 16,290 daily rows (1.4 MB body).
 * Everything the action does is in it: the body parsed, the resource-years counted, each cell's row prepared (ids,
 * system columns, the row it replaces read and decoded), the security checks, the product rules, the query
 * indexes kept up (the demand table is indexed, as after any plan load), and one apply into the in-memory store.
 * The plan is saved once in set-up; each operation re-saves it with the hours alternating 7/8 (every row updated).
 * Read: milliseconds per save; against IndexBatchBenchmark's store-only figure it shows what preparing and checking
 * add; against {@code lab measure plan-save} what HTTP and the journal add.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PlanSaveBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlanSaveBenchmark {
    static final int RESOURCES = 90;
    static final LocalDate FIRST = LocalDate.of(2027, 1, 1);
    static final LocalDate END = LocalDate.of(2027, 7, 1);

    private ResourcePlanSave saves;
    private Caller resourceManager;
    private ApiRequest sevens;
    private ApiRequest eights;
    private boolean flip;

    @Setup
    public void setUp() {
        Schema schema = SchemaLoader.loadDefault();
        MemoryStore memory = new MemoryStore(schema);
        memory.apply(DemoOrganisation.build(schema).rows().stream().<Mutation>map(Mutation.Put::new).toList());
        IndexedStore store = new IndexedStore(memory, schema);
        Clock clock = Clock.systemUTC();
        VersionSequence versions = VersionSequence.inMemory();
        SystemColumns system = new SystemColumns(store, clock, versions);
        Row admin = store.get("systemuser", DemoOrganisation.userId("admin")).orElseThrow();
        Caller adminCaller = Caller.of(admin.id(), admin.ref("businessunitid").id());
        EntityRef itTeam = new EntityRef("team", DemoOrganisation.teamId("IT"));
        List<UUID> resources = new ArrayList<>();
        List<Mutation> rows = new ArrayList<>();
        for (int i = 0; i < RESOURCES; i++) {
            UUID id = UUID.nameUUIDFromBytes(("bench-resource-" + i).getBytes(StandardCharsets.UTF_8));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", String.format("Bench resource %02d", i));
            v.put("resourcetype", 1);
            v.put("ownerid", itTeam);
            rows.add(new Mutation.Put(system.forCreate(schema.table("bookableresource").orElseThrow(), id, v, adminCaller)));
            resources.add(id);
        }
        store.apply(rows);

        SecurityState security = new SecurityState(store, new SecurityModelLoader(RoleCatalog.loadDefault()));
        ProductRules rules = new ProductRules(new ProductRules.Parts(schema, store, system, new Children(store, store),
                new OwnerReadCheck(security), new AssignedToShares(schema, store, system, security)));
        saves = new ResourcePlanSave(new ResourcePlanSave.Wiring(schema, store, versions, clock,
                reads -> new SecurityGuard(schema, security, reads), rules, new ResourcingSettings(store, line -> {})));
        Row rm = store.get("systemuser", DemoOrganisation.userId("resourcemanager")).orElseThrow();
        resourceManager = Caller.of(rm.id(), rm.ref("businessunitid").id());
        UUID project = DemoOrganisation.recordId("sensei_project", "IT Project 1");
        sevens = request(project, resources, 7);
        eights = request(project, resources, 8);
        check(saves.handle(resourceManager, eights), "\"Created\":16290");
        store.index(ResourcePlanSave.TABLE).orElseThrow(); // indexed, as after the first plan load
        check(saves.handle(resourceManager, sevens), "\"Updated\":16290");
    }

    private static void check(ApiResponse r, String expected) {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (r.status() != 200 || !body.contains(expected)) throw new IllegalStateException("the save answered " + r.status() + " " + body);
    }

    private static ApiRequest request(UUID project, List<UUID> resources, int hours) {
        StringBuilder sb = new StringBuilder(1_500_000).append("{\"Target\":{\"@odata.id\":\"sensei_projects(").append(project).append(")\"},\"Demand\":[");
        boolean first = true;
        for (UUID r : resources) {
            for (LocalDate d = FIRST; d.isBefore(END); d = d.plusDays(1)) {
                if (!first) sb.append(',');
                first = false;
                sb.append("{\"ResourceId\":\"").append(r).append("\",\"Date\":\"").append(d).append("\",\"Hours\":").append(hours).append('}');
            }
        }
        sb.append("]}");
        return new ApiRequest("POST", "v9.2", "sensei_SaveResourcePlan", "", Map.of("Content-Type", "application/json"),
                sb.toString().getBytes(StandardCharsets.UTF_8), "http://127.0.0.1:5555/api/data/v9.2/");
    }

    @Benchmark
    public ApiResponse save45ResourceYears() {
        flip = !flip;
        return saves.handle(resourceManager, flip ? eights : sevens);
    }
}
