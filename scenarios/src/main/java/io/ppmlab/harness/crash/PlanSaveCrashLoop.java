package io.ppmlab.harness.crash;

import io.ppmlab.harness.measure.MachineFacts;
import io.ppmlab.harness.run.EmulatorProcess;
import io.ppmlab.harness.run.ProcessRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The acceptance test of the journal from the outside: a real emulator process, large resource-plan saves over
 * HTTP, {@code kill -9} at a random moment, restart, read back.
 *
 * <p>Once: the demo organisation with the crash resources and projects ({@link CrashFixture}), and the first
 * plans, whose saves (in a process that has not saved yet, like every restarted one) give the first estimate of
 * how long each save of a round takes ({@link SaveTimes}). Then each round:
 * <ol>
 *   <li>picks its saves ({@link PlanBook#nextRound}): new plans and re-saves of existing plans, alternating, each
 *       giving every cell an hours value no other save uses;</li>
 *   <li>draws the kill moment (seeded) uniformly within the expected duration of {@code savesPerRound} saves, so the
 *       kill lands while a save is under way: in its body, checks, journal write, apply or reply;</li>
 *   <li>sends the saves back to back and kills the process with SIGKILL at that moment ({@link SaveSender}): one save
 *       answered before the kill clock starts, then the timed saves and as many again behind them, so that saves
 *       faster than expected still leave one under way;</li>
 *   <li>restarts the emulator on the same directory: it must open its store (the recovery line is kept);</li>
 *   <li>reads every project's plan back and judges it ({@link RoundCheck}): acknowledged saves whole, the save
 *       under way whole or absent, never mixed; nothing else changed;</li>
 *   <li>clears plans beyond a few (acknowledged saves of {@code Hours: null}), so a long run stays small. The
 *       restarted process is the next round's.</li>
 * </ol>
 * Each emulator process's output goes to its own file in {@link #logDir()}.
 */
public final class PlanSaveCrashLoop {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String SAVE = "sensei_SaveResourcePlan";

    private final CrashSettings settings;
    private final PrintStream out;

    public PlanSaveCrashLoop(CrashSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Where the emulator processes' output goes, one file per process ({@code start.log}, {@code round-1.log}, ...): next to the data directory. */
    public Path logDir() { return settings.dataDir().resolveSibling(settings.dataDir().getFileName() + "-emulator-logs"); }

    /** The state one run carries from round to round. */
    private record Run(List<String> command, ProcessRegistry processes, Random random, CrashFixture fixture, PlanBook book, SaveTimes times) {}

    /**
     * Runs every round, stopping early only when the store does not open or a check cannot run; a failed check is
     * reported in the result, not thrown.
     *
     * @throws IllegalStateException when the preparation fails (no emulator, a refused save before any kill)
     */
    public CrashReport run() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        double loadBefore = load();
        Files.createDirectories(settings.dataDir());
        Files.createDirectories(logDir());
        List<CrashRound> rounds = new ArrayList<>();
        int rowsPerSave;
        // --dataset demo is loaded only while the directory is empty, i.e. by the first process
        List<String> command = EmulatorProcess.command(settings.emulatorJar(), settings.dataDir(), settings.childHeap(),
                Path.of(System.getProperty("java.io.tmpdir")), List.of("--dataset", "demo"));
        ProcessRegistry processes = new ProcessRegistry(); // Ctrl-C leaves no emulator behind
        ChildEmulator child = start(command, processes, "start");
        try {
            out.printf(Locale.ROOT, "crash: preparing %d resources and %d projects in %s (emulator started in %,d ms)%n", settings.resources(),
                    settings.projects(), settings.dataDir(), child.startMillis());
            CrashFixture fixture = CrashFixture.prepare(new WebApiClient(child.baseUrl()), settings);
            rowsPerSave = fixture.grid().cells();
            Run run = new Run(command, processes, new Random(settings.seed()), fixture, new PlanBook(fixture.projects()),
                    new SaveTimes(settings.savesPerRound()));
            firstPlans(run, child);
            for (int r = 1; r <= settings.rounds(); r++) {
                child = round(run, r, child, rounds);
                if (child == null) break;
            }
        } finally {
            if (child != null) child.stop();
        }
        CrashReport.Setup setup = new CrashReport.Setup(settings.rounds(), settings.resources(), settings.months(), rowsPerSave,
                settings.savesPerRound(), settings.seed(), settings.childHeap());
        CrashReport.Machine machine = new CrashReport.Machine(Runtime.getRuntime().availableProcessors(), loadBefore, load());
        return CrashReport.of(setup, machine, (System.nanoTime() - t0) / 1_000_000_000, rounds);
    }

    /**
     * The first {@code livePlans} plans, so the first round has plans to re-save; each save timed by its place. The
     * plans are read once before (all empty), as every round's check reads them before its saves.
     */
    private void firstPlans(Run run, ChildEmulator child) {
        WebApiClient client = new WebApiClient(child.baseUrl());
        PlanGrid grid = run.fixture().grid();
        RoundCheck.Result empty = RoundCheck.run(client, client.token(CrashFixture.ADMIN), grid, run.book(), List.of(), 0, 0, -1);
        if (!empty.problems().isEmpty()) throw new IllegalStateException("new projects with plans: " + empty.problems());
        String manager = client.token(CrashFixture.RESOURCE_MANAGER);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < settings.livePlans(); i++) {
            PlanSave s = new PlanSave(i + 1, PlanSave.Kind.CREATE, run.fixture().projects().get(i), new PlanReading.Empty(), PlanSave.hoursOf(i + 1));
            long t0 = System.nanoTime();
            String reply = client.postExpecting(manager, SAVE, grid.body(s.project(), s.hours()), 200).toString();
            millis.add((System.nanoTime() - t0) / 1_000_000);
            String problem = RoundCheck.replyProblem(grid, s, reply);
            if (problem != null) throw new IllegalStateException(problem);
            // a process's first save is left out of the kill window (SaveSender), so it is left out of its estimate
            int place = i - CrashSettings.UNTIMED;
            if (place >= 0 && place < settings.savesPerRound()) run.times().add(place, millis.get(i));
            run.book().record(s.project(), s.after());
        }
        out.printf(Locale.ROOT, "crash: %d rounds, kill within %d saves of %,d rows (%d resources × %d months), seed %d; first plans saved in %s ms%n",
                settings.rounds(), settings.savesPerRound(), grid.cells(), settings.resources(), settings.months(), settings.seed(), millis);
    }

    /** One round: saves, kill, restart, check, clears. Returns the restarted process, or null when the run cannot go on. */
    private ChildEmulator round(Run run, int r, ChildEmulator child, List<CrashRound> rounds) throws InterruptedException {
        PlanGrid grid = run.fixture().grid();
        List<PlanSave> saves = run.book().nextRound(settings.queuedPerRound(), nextNumber(r), run.random());
        List<String> bodies = saves.stream().map(s -> grid.body(s.project(), s.hours())).toList();
        long expected = run.times().expectedMillis();
        long planned = (long) (run.random().nextDouble() * expected);
        WebApiClient client = new WebApiClient(child.baseUrl());
        SaveWindow window = new SaveSender(client, client.token(CrashFixture.RESOURCE_MANAGER), bodies, CrashSettings.UNTIMED)
                .runAndKill(child, planned);
        int untimed = CrashSettings.UNTIMED;
        for (int i = untimed; i < Math.min(window.acknowledged(), untimed + settings.savesPerRound()); i++) {
            run.times().add(i - untimed, window.ackMillis().get(i));
        }
        int place = window.inFlight() - untimed;
        if (place >= 0 && place < settings.savesPerRound()) run.times().underWay(place, window.inFlightElapsedMillis());
        List<String> problems = new ArrayList<>(RoundCheck.windowProblems(grid, saves, window));
        ChildEmulator restarted;
        try {
            restarted = start(run.command(), run.processes(), "round-" + r);
        } catch (IllegalStateException | UncheckedIOException e) {
            problems.add("the emulator did not start after the kill: " + e.getMessage());
            report(rounds, CrashRound.of(r, window, saves, expected, planned, null, false, -1, "did not open", List.of(), problems), window);
            return null;
        }
        try {
            WebApiClient after = new WebApiClient(restarted.baseUrl());
            String admin = after.token(CrashFixture.ADMIN);
            RoundCheck.Result result = RoundCheck.run(after, admin, grid, run.book(), saves, window.sent(), window.acknowledged(), window.inFlight());
            problems.addAll(result.problems());
            keepPlansBounded(run, after, admin);
            report(rounds, CrashRound.of(r, window, saves, expected, planned, result.inFlightOutcome(), true, restarted.startMillis(),
                    restarted.recovery(), restarted.repairedMaps(), problems), window);
            return restarted;
        } catch (RuntimeException e) {
            problems.add("the check could not run: " + e);
            report(rounds, CrashRound.of(r, window, saves, expected, planned, null, true, restarted.startMillis(), restarted.recovery(),
                    restarted.repairedMaps(), problems), window);
            restarted.stop();
            return null;
        }
    }

    /** Save numbers: the first plans, then {@code queuedPerRound} a round (sent or not). */
    private int nextNumber(int round) {
        return settings.livePlans() + (round - 1) * settings.queuedPerRound() + 1;
    }

    /** Clears random plans (one acknowledged save of {@code Hours: null} each) until only {@code livePlans} remain. */
    private void keepPlansBounded(Run run, WebApiClient client, String admin) {
        while (run.book().withPlan().size() > settings.livePlans()) {
            List<UUID> live = run.book().withPlan();
            UUID project = live.get(run.random().nextInt(live.size()));
            client.postExpecting(admin, SAVE, run.fixture().grid().body(project, null), 200);
            run.book().record(project, new PlanReading.Empty());
        }
    }

    private void report(List<CrashRound> rounds, CrashRound r, SaveWindow w) {
        rounds.add(r);
        String kill = r.killedMidSave()
                ? String.format(Locale.ROOT, "during save %d (%s, %,d ms in)", r.inFlightSave(), r.inFlightKind(), r.inFlightElapsedMillis())
                : "with no save under way";
        String after = !r.storeOpened() ? "store DID NOT OPEN"
                : String.format(Locale.ROOT, "restarted in %,d ms, %s%s; save under way: %s", r.restartMillis(), r.recovery(),
                r.repairedSegments() == 0 ? "" : ", Chronicle repaired " + r.repairedSegments() + " segments of " + r.repairedMaps(),
                r.inFlightOutcome() == null ? "none" : r.inFlightOutcome());
        out.printf(Locale.ROOT, "round %d: %d of %d saves answered (%s ms); killed %,d ms after the first timed one (window %,d ms) %s, exit %d; %s; %s%n",
                r.round(), r.savesAcknowledged(), r.savesSent(), w.ackMillis(), r.killOffsetMillis(), r.expectedMillis(), kill, r.exitStatus(), after,
                r.problems().isEmpty() ? "all plans whole" : "PROBLEMS: " + r.problems());
    }

    private ChildEmulator start(List<String> command, ProcessRegistry processes, String name) {
        ChildEmulator child = ChildEmulator.start(command, logDir().resolve(name + ".log"), START_TIMEOUT);
        processes.track(child.process());
        return child;
    }

    private static double load() { return MachineFacts.currentLoadAverage(); }
}
