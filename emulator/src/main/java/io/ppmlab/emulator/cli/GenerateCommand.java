package io.ppmlab.emulator.cli;

import io.ppmlab.datasets.generator.Knobs;
import io.ppmlab.datasets.generator.OrganisationGenerator;
import io.ppmlab.datasets.generator.TeamStrategy;
import io.ppmlab.emulator.seed.GeneratedDataDir;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** {@code generate}: write a generated organisation (a dataset profile) into an empty data directory. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate an organisation (dataset profile) into an empty data directory, which `serve --data-dir` then serves.",
                "Writes the tables through the emulator's store, identity/credentials.json, manifest.json (counts, seed, knobs, "
                        + "timings, storage, row-stream SHA-256) and personas.json (per sampled user: rows they can read, write, "
                        + "cannot read, from the reference evaluator)."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "limits", description = "demo, limits or stress. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--data-dir", defaultValue = "${env:LAB_DATA_DIR:-lab-data}", description = "Empty data directory to write. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--seed", description = "Seed of every random stream (default: the profile's).")
    Long seed;

    @Option(names = "--projects", description = "Projects (limits: 5000).")
    Integer projects;

    @Option(names = "--resources", description = "Bookable resources, each with daily capacity (limits: 2000).")
    Integer resources;

    @Option(names = "--years", description = "Capacity horizon in years, 1 to 11 (limits: 4 = 1 behind, 3 ahead).")
    Integer years;

    @Option(names = "--business-units", description = "Business units including the root (limits: 31).")
    Integer businessUnits;

    @Option(names = "--users", description = "Generated users besides admin@contoso.test (limits: 3000).")
    Integer users;

    @Option(names = "--team-strategy", description = "unique (a group per portfolio/program/project) or reusable (functional groups per business unit).")
    String teamStrategy;

    @Option(names = "--as-of", description = "The organisation's today (YYYY-MM-DD, or 'today'): row creation date, capacity horizon "
            + "anchor, project dates. Default: the profile's fixed date (2025-01-06), so that runs are reproducible. A running emulator "
            + "rolls capacity to its own clock's horizon; generate with --as-of today to serve without that catch-up.")
    String asOf;

    @Option(names = "--personas-per-role", defaultValue = "3", description = "Users sampled into personas.json per shipped role. Default: ${DEFAULT-VALUE}.")
    int personasPerRole;

    @Option(names = "--chunk", defaultValue = "5000", description = "Rows per store write. Default: ${DEFAULT-VALUE}.")
    int chunk;

    @Option(names = "--average-row-bytes", defaultValue = "256", description = "Chronicle's average value size for the new tables. Default: ${DEFAULT-VALUE} (the store's).")
    double averageRowBytes;

    @Option(names = "--no-progress", description = "No progress bars (one line per phase instead).")
    boolean noProgress;

    @Option(names = "--no-reopen-check", description = "Skip closing, reopening and timing the data directory at the end.")
    boolean noReopenCheck;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Schema schema = SchemaLoader.loadDefault();
        if (GeneratedDataDir.holdsData(dataDir)) {
            System.err.println("data directory " + dataDir + " already holds tables: give an empty or new one");
            return 2;
        }
        Knobs knobs;
        OrganisationGenerator.Generation generation;
        try {
            knobs = knobs();
            generation = OrganisationGenerator.prepare(profile, knobs, schema);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        out.printf("generating '%s' (seed %d, %s teams) into %s: %,d rows expected%n", profile, generation.settings().seed(),
                generation.settings().teamStrategy().label(), dataDir.toAbsolutePath(), generation.expectedTotal());
        GeneratedDataDir.Options options = new GeneratedDataDir.Options(chunk, personasPerRole, !noReopenCheck, averageRowBytes);
        boolean bars = !noProgress && System.console() != null;
        GeneratedDataDir.Report report = GeneratedDataDir.write(generation, knobs, dataDir, schema, options,
                bars ? new Bars() : GeneratedDataDir.Progress.logging(out::println));
        summary(out, report);
        return 0;
    }

    private Knobs knobs() {
        Knobs k = Knobs.none();
        if (projects != null) k = k.withProjects(projects);
        if (resources != null) k = k.withResources(resources);
        if (years != null) k = k.withYears(years);
        if (businessUnits != null) k = k.withBusinessUnits(businessUnits);
        if (users != null) k = k.withUsers(users);
        if (teamStrategy != null) k = k.withTeamStrategy(TeamStrategy.parse(teamStrategy));
        if (seed != null) k = k.withSeed(seed);
        if (asOf != null) k = k.withAsOf(asOf.equalsIgnoreCase("today") ? LocalDate.now(ZoneOffset.UTC) : parseDate(asOf));
        return k;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of takes a date (YYYY-MM-DD) or 'today', not '" + text + "'");
        }
    }

    private static void summary(PrintStream out, GeneratedDataDir.Report r) {
        out.println();
        out.printf("%-30s %12s %14s %10s%n", "table", "rows", "bytes used", "bytes/row");
        for (GeneratedDataDir.TableFigures t : r.tables()) {
            out.printf("%-30s %,12d %,14d %,10d%n", t.table(), t.rows(), t.bytesUsed(), t.rows() == 0 ? 0 : t.bytesUsed() / t.rows());
        }
        out.printf("%-30s %,12d %,14d%n", "total", r.result().totalRows(), r.bytesUsed());
        out.println();
        out.printf("row-stream SHA-256          %s%n", r.result().rowsSha256());
        out.printf("generate + write            %,d ms (%,.0f rows/s)%n", r.writeMs(), r.result().totalRows() * 1000.0 / Math.max(1, r.writeMs()));
        out.printf("personas (%d)                %,d ms%n", r.personas(), r.personasMs());
        if (r.reopenMs() >= 0) out.printf("reopen + security model     %,d ms%n", r.reopenMs());
        out.printf("total                       %,d ms%n", r.totalMs());
        out.printf("data dir on disk            %,d MB (files' apparent size %,d MB, sparse)%n", r.diskBytes() / (1 << 20), r.fileBytes() / (1 << 20));
        if (r.result().resourceYears() > 0) {
            out.printf("capacity bytes / resource-year  %,.0f (real store bytes; %,.0f resource-years)%n",
                    r.capacityBytesPerResourceYear(), r.result().resourceYears());
        }
        out.printf("manifest                    %s%n", r.manifest());
        out.printf("personas                    %s%n", r.personasFile());
        if (r.result().settings().fixed()) {
            out.printf("sign in as the demo users (admin@contoso.test, blue@contoso.test, ...), password %s%n", OrganisationGenerator.PASSWORD);
        } else {
            out.printf("sign in as admin@contoso.test or <role>.<nnnn>@contoso.test (e.g. projectuser.0001@contoso.test), password %s%n",
                    OrganisationGenerator.PASSWORD);
        }
    }

    /** A progress bar per phase on the terminal. */
    private static final class Bars implements GeneratedDataDir.Progress {
        private ProgressBar bar;

        @Override
        public void phase(String name, long expectedRows) {
            close();
            bar = new ProgressBarBuilder().setTaskName(String.format("%-30s", name)).setInitialMax(Math.max(1, expectedRows))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed().setUnit(" rows", 1).build();
        }

        @Override
        public void advance(long rows) { if (bar != null) bar.stepBy(rows); }

        @Override
        public void step(String name) {
            close();
            System.err.println(name + "...");
        }

        @Override
        public void finished() { close(); }

        private void close() {
            if (bar == null) return;
            bar.stepTo(Math.max(bar.getCurrent(), bar.getMax()));
            bar.close();
            bar = null;
        }
    }
}
