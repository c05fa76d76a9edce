package io.ppmlab.harness.measure;

import io.ppmlab.emulator.store.snapshot.DataSnapshot;
import io.ppmlab.schema.SchemaLoader;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code measure}: the resourcing figures of the README's Measurements, as commands that print a table and write JSON. */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = "Resourcing measurements: the capacity fill of a horizon, and the 45 resource-year plan save over HTTP "
                + "against raw store applies of the same rows. Each prints a text table with the machine's facts and, with "
                + "--json, writes the figures.",
        subcommands = {MeasureCommand.CapacityFillCommand.class, MeasureCommand.PlanSaveCommand.class})
public final class MeasureCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "capacity-fill", mixinStandardHelpOptions = true,
            description = "Fills an empty store with N resources × Y years of daily capacity (one calendar, 10 holidays a year, 3 "
                    + "one-week vacations per resource-year) through the capacity service; reports time, rows, real bytes, the "
                    + "meter's quota per resource-year, then one day's roll-forward. 2,000 × 4 is 2.9M rows, ~30 s and ~600 MB "
                    + "of store files.")
    public static final class CapacityFillCommand implements Callable<Integer> {
        @Option(names = "--resources", defaultValue = "2000", description = "Bookable resources. Default: ${DEFAULT-VALUE}.")
        int resources;

        @Option(names = "--years", defaultValue = "4", description = "Horizon in years (1 behind, the rest ahead), 1 to 11. Default: ${DEFAULT-VALUE}.")
        int years;

        @Mixin
        Output output;

        @Override
        public Integer call() {
            return measure(output, "capacity-fill", dir -> {
                CapacityFill.Size size = new CapacityFill.Size(resources, years);
                CapacityFillResult r = new CapacityFill(SchemaLoader.loadDefault(), progress(output.noProgress), System.err::println).run(size, dir);
                return new Printable(r.toText(), r.toJson());
            });
        }
    }

    @Command(name = "plan-save", mixinStandardHelpOptions = true,
            description = "A demo emulator on a random port; resource-plan saves over HTTP as the Resource Manager (fresh projects: "
                    + "creates; one plan re-saved with other hours: updates), each paired with one ChronicleStore.apply of the "
                    + "same rows into a fresh journaled store; before and after a plan load builds the demand table's query "
                    + "index. Reports min, median, p95 and the HTTP/raw ratios (target at most 3×).")
    public static final class PlanSaveCommand implements Callable<Integer> {
        @Option(names = "--saves", defaultValue = "10", description = "Measured saves per series (creates, updates; in each phase). Default: ${DEFAULT-VALUE}.")
        int saves;

        @Option(names = "--warmups", defaultValue = "3", description = "Warm-up saves and raw applies before the first phase. Default: ${DEFAULT-VALUE}.")
        int warmups;

        @Option(names = "--resources", defaultValue = "90", description = "Resources in each save. Default: ${DEFAULT-VALUE}.")
        int resources;

        @Option(names = "--months", defaultValue = "6", description = "Months of 2027 from January in each save, daily rows. Default: ${DEFAULT-VALUE} "
                + "(90 × 6 = 45 resource-years, the save limit).")
        int months;

        @Mixin
        Output output;

        @Override
        public Integer call() {
            return measure(output, "plan-save", dir -> {
                PlanSaveBench.Size size = new PlanSaveBench.Size(resources, months, saves, warmups);
                PlanSaveResult r = new PlanSaveBench(SchemaLoader.loadDefault(), progress(output.noProgress)).run(size, dir);
                return new Printable(r.toText(), r.toJson());
            });
        }
    }

    /** The options every measurement shares: where it runs, where its JSON goes, whether a bar shows. */
    static final class Output {
        @Option(names = "--data-dir", description = "Empty directory for the measurement's stores (the plan save's emulator and raw "
                + "store), kept afterwards, e.g. for `lab meter`. Default: a temporary directory, removed afterwards.")
        Path dataDir;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
        Path json;

        @Option(names = "--no-progress", description = "No progress bar.")
        boolean noProgress;
    }

    private record Printable(String text, String json) {}

    private interface Measurement {
        Printable run(Path dir) throws Exception;
    }

    /** Runs in the given empty directory (kept) or a temporary one (removed); prints the text, writes the JSON. */
    private static int measure(Output output, String name, Measurement measurement) {
        Path given = output.dataDir;
        Path json = output.json;
        Path dir;
        try {
            if (given != null && ScratchDirectories.holdsFiles(given)) {
                System.err.println("--data-dir " + given + " is not empty: give an empty or new directory");
                return 2;
            }
            dir = given != null ? Files.createDirectories(given) : Files.createTempDirectory("lab-measure-" + name);
        } catch (IOException e) {
            System.err.println("cannot create the data directory: " + e.getMessage());
            return 1;
        }
        try {
            Printable out = measurement.run(dir);
            System.out.print(out.text());
            if (json != null) {
                Files.writeString(json, out.json());
                System.out.println("JSON: " + json.toAbsolutePath());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println(name + " failed: " + e);
            return 1;
        } finally {
            if (given == null) delete(dir);
        }
    }

    private static void delete(Path dir) {
        try {
            DataSnapshot.deleteTree(dir);
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }

    private static Progress progress(boolean off) {
        return off || System.console() == null ? Progress.none() : new Bar();
    }

    /** A progress bar on the terminal for the measurement's long part. */
    private static final class Bar implements Progress {
        private ProgressBar bar;

        @Override
        public void start(String task, long total, String unit) {
            finish();
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, total)).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).showSpeed().setUnit(unit, 1).build();
        }

        @Override
        public void advance(long done) { if (bar != null) bar.stepBy(done); }

        @Override
        public void finish() {
            if (bar == null) return;
            bar.stepTo(Math.max(bar.getCurrent(), bar.getMax()));
            bar.close();
            bar = null;
        }
    }
}
