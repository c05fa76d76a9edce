package io.ppmlab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.emulator.product.Registers;
import io.ppmlab.emulator.store.snapshot.DataSnapshot;
import io.ppmlab.harness.sim.Fixtures;
import io.ppmlab.harness.sim.PlanBodies;
import io.ppmlab.schema.Cascade;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One organisation measured: restore its pristine copy, start the emulator on it, calibrate, prepare the fixtures and
 * warm the indexes up, probe the single-request limits, run the suite's Gatling simulation, collect the client's and
 * the server's figures, stop the emulator. Phases fill {@link PointFigures} as they complete.
 */
public final class RunPoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunSettings settings;
    private final Console console;
    private final ProcessRegistry processes;

    public RunPoint(RunSettings settings, Console console, ProcessRegistry processes) {
        this.settings = settings;
        this.console = console;
        this.processes = processes;
    }

    /**
     * @param golden the organisation to copy (null when an emulator already runs at {@code settings.emulatorUrl()})
     * @param out    this point's folder (results, logs, Gatling's report)
     */
    public void run(Path golden, Path personasDir, Path out, PointFigures f) throws IOException, InterruptedException {
        Files.createDirectories(out);
        f.manifest = DatasetCache.manifest(personasDir);
        EmulatorProcess emulator = null;
        Path work = out.resolve("data");
        try {
            if (golden != null) {
                console.phase("restoring the organisation into " + work);
                DataSnapshot.Copied copied = new DataSnapshot().restore(golden, work);
                console.info(String.format("%,d files, %,d MB apparent, %,d ms (%s)", copied.files(), copied.apparentBytes() >> 20, copied.millis(), copied.method()));
                console.phase("starting the emulator (own JVM, -Xmx" + settings.emulatorHeap() + ")");
                emulator = processes.track(EmulatorProcess.start(EmulatorProcess.command(settings.emulatorJar(), work, settings.emulatorHeap(),
                        settings.home().resolve("target/lab-tmp"), settings.serveArgs()), out.resolve("emulator.log"), Duration.ofMinutes(5)));
                f.emulatorUrl = emulator.baseUrl();
                f.startedByHarness = true;
                console.info("listening at " + emulator.baseUrl() + " (pid " + emulator.pid() + ", log " + out.resolve("emulator.log") + ")");
            } else {
                f.emulatorUrl = settings.emulatorUrl();
            }
            WebClient web = new WebClient(f.emulatorUrl);
            web.getAnonymous("/lab/health").expect(200, "health");

            console.phase("calibrating: bare /lab/health, 4 clients, 2 s warm-up + 4 s");
            f.calibration = Calibration.measure(f.emulatorUrl, 4, Duration.ofSeconds(2), Duration.ofSeconds(4));
            console.info(String.format("%,.0f requests/s, p50 %.2f ms, p95 %.2f ms", f.calibration.requestsPerSecond(), f.calibration.p50Ms(),
                    f.calibration.p95Ms()));

            console.phase("preparing fixtures (personas, plans, 250 groups) and warming the indexes up");
            long projects = f.manifest.path("rows").path("sensei_project").asLong();
            f.prepared = new Preparation(web, personasDir).prepare(projects, settings.suite().batchOperations,
                    f.manifest.path("settings").path("asOf").asText("2025-01-06"));
            Path fixtures = out.resolve("fixtures.json");
            JSON.writerWithDefaultPrettyPrinter().writeValue(fixtures.toFile(), f.prepared.fixtures());
            String admin = web.password("admin@contoso.test", f.prepared.fixtures().password());
            f.warmUp = warmUp(web, admin, f.prepared.fixtures());

            Probes probes = new Probes(web, admin);
            if (settings.suite() != Suite.SCALE) {
                console.phase("probing the capacity horizon (default, 11 years, 12 years)");
                f.horizon = probes.horizon(f.manifest.path("rows").path("bookableresource").asLong(),
                        f.manifest.path("rows").path("sensei_resourcecapacity").asLong());
            }

            console.phase("running the " + settings.suite().label + " scenarios in Gatling (own JVM)");
            Map<String, String> props = new LinkedHashMap<>();
            props.put("lab.baseUrl", f.emulatorUrl);
            props.put("lab.suite", settings.suite().label);
            props.put("lab.fixtures", fixtures.toString());
            props.put("lab.record", out.resolve("requests.json").toString());
            props.put("lab.users", String.valueOf(settings.users()));
            props.put("lab.perUserRate", String.valueOf(settings.perUserRate()));
            props.put("lab.durationSeconds", String.valueOf(settings.duration().toSeconds()));
            props.put("lab.warmUpSeconds", String.valueOf(settings.warmUp().toSeconds()));
            props.put("lab.iterations", "1");
            props.put("lab.thinkMillis", String.valueOf(settings.suite().think.toMillis()));
            final EmulatorProcess running = emulator;
            Duration emulatorCpuBefore = emulator == null ? null : emulator.cpuTime();
            long gatlingStart = System.nanoTime();
            f.gatling = GatlingRun.run("io.ppmlab.harness.sim.SuiteSimulation", props, out, "1g", line -> {
                console.live(line);
                if (running != null && !running.alive()) throw new EmulatorDied(running.tail());
            }, processes);
            console.endLive();
            if (running != null && !running.alive()) throw new EmulatorDied(running.tail());
            if (emulatorCpuBefore != null && emulator.cpuTime() != null) {
                // The emulator's CPU over the Gatling run (its start-up and report included: the emulator idles then).
                f.emulatorCpuSeconds = emulator.cpuTime().minus(emulatorCpuBefore).toMillis() / 1000.0;
                f.gatlingSeconds = (System.nanoTime() - gatlingStart) / 1e9;
            }
            if (Files.exists(out.resolve("requests.json"))) f.recorded = JSON.readTree(out.resolve("requests.json").toFile());
            console.info("Gatling exit code " + f.gatling.exitCode() + "; its report is under " + out.resolve("gatling"));

            console.phase("collecting the emulator's figures (storage meter, server counters)");
            f.storage = probes.storage().orElse(null);
            f.server = probes.serverMetrics().orElse(null);
            f.probes = new ExtensionProbes(web, admin, settings).run(console);
        } catch (RuntimeException e) {
            // a request fails as the process dies, a moment before the process is seen to have ended: wait a little for it
            if (emulator != null && !(e instanceof EmulatorDied) && emulator.endsWithin(Duration.ofSeconds(3))) throw new EmulatorDied(emulator.tail());
            throw e;
        } finally {
            if (emulator != null) {
                console.phase("stopping the emulator");
                emulator.close();
            }
            if (golden != null && !settings.keepData()) DataSnapshot.deleteTree(work);
        }
    }

    /** First runs of the heavy queries, so the indexes they need are built before anything is timed. */
    private static List<String> warmUp(WebClient web, String admin, Fixtures fx) {
        List<String> done = new ArrayList<>();
        List<String> ninety = fx.plan().resources().subList(0, 90);
        String[][] queries = {
                {"capacity heat map", "sensei_resourcecapacities?fetchXml=" + WebClient.enc(PlanBodies.heatMap("sensei_resourcecapacity", "sensei_capacity",
                        ninety, fx.plan().heatMapStart(), fx.plan().heatMapEnd()))},
                {"demand heat map", "sensei_resourcedemands?fetchXml=" + WebClient.enc(PlanBodies.heatMap("sensei_resourcedemand", "sensei_hours",
                        ninety, fx.plan().heatMapStart(), fx.plan().heatMapEnd()))},
                {"plan load", "sensei_resourcedemands?$select=sensei_hours&$filter=_sensei_project_value%20eq%20" + fx.plan().loadProject()},
                {"projects", "sensei_projects?$select=sensei_name&$top=50"},
                {"risks by project", "sensei_risks?$select=sensei_name&$filter=_sensei_project_value%20eq%20" + fx.admin().project()},
                // Every other table a journey reads or writes: the emulator builds a table's index on its first query
                // while holding its write lock, so a table first touched under load stalls every write (and every
                // reader of it) for the build: 35 requests waited 19 s each in a load run before this warm-up.
                {"tasks by project", "sensei_tasks?$select=sensei_name&$filter=_sensei_project_value%20eq%20" + fx.admin().project()},
                {"issues by project", "sensei_issues?$select=sensei_name&$filter=_sensei_project_value%20eq%20" + fx.admin().project()},
                {"change requests by project", "sensei_changerequests?$select=sensei_name&$filter=_sensei_project_value%20eq%20" + fx.admin().project()},
                {"action items by project", "sensei_actionitems?$select=sensei_name&$filter=_sensei_project_value%20eq%20" + fx.admin().project()},
                {"status updates", "sensei_statusupdates?$select=sensei_name&$top=1"},
                {"programs", "sensei_programs?$select=sensei_name&$top=1"},
                {"portfolios", "sensei_portfolios?$select=sensei_name&$top=1"},
                {"teams", "teams?$select=name&$top=1"},
                {"users", "systemusers?$select=fullname&$top=1"}};
        List<String[]> all = new ArrayList<>(List.of(queries));
        Schema schema = SchemaLoader.loadDefault();
        java.util.Set<String> sets = new java.util.HashSet<>();
        for (String[] q : queries) sets.add(q[1].substring(0, q[1].indexOf('?')));
        for (String table : cascadeTables(schema)) {
            Table t = schema.table(table).orElseThrow();
            if (sets.add(t.entitySetName())) all.add(new String[] {table + " (cascades)", t.entitySetName() + "?$select=" + t.primaryIdColumn() + "&$top=1"});
        }
        for (String[] q : all) {
            long t0 = System.nanoTime();
            int status = web.get(admin, q[1]).status();
            done.add(q[0] + ": " + status + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
        return done;
    }

    /**
     * The tables a write may walk without any journey querying them: the children of parental relationships and
     * everything that points at a project, program or portfolio (an assign carries them along, a delete takes or
     * clears them). The first reassign of a run waited 2.5 s for their indexes, and held the writes behind it.
     */
    static List<String> cascadeTables(Schema schema) {
        java.util.Set<String> tables = new java.util.TreeSet<>();
        for (Relationship r : schema.relationships()) {
            if (r.cascade() == Cascade.PARENTAL || Registers.HEADLINES.contains(r.referencedTable())) tables.add(r.referencingTable());
        }
        return List.copyOf(tables);
    }

    /** The emulator process ended while the scenarios ran. */
    public static final class EmulatorDied extends RuntimeException {
        public EmulatorDied(String tail) {
            super("the emulator process ended during the run; its last lines:\n  " + tail);
        }
    }

    static JsonNode tree(Object o) {
        return JSON.valueToTree(o);
    }
}
