package io.ppmlab.harness.crash;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;
import java.util.Locale;

/**
 * What a crash run found: its set-up, the machine, every round, and the totals the summary line prints.
 */
public record CrashReport(Setup setup, Machine machine, long elapsedSeconds, Totals totals, List<CrashRound> rounds) {
    public CrashReport {
        rounds = List.copyOf(rounds);
    }

    /** The run's size and seed (the seed draws the projects and the kill moments; save times still vary). */
    public record Setup(int rounds, int resources, int months, int rowsPerSave, int savesPerRound, long seed, String childHeap) {}

    /** Cores and the one-minute load average before and after the run: kill timings mean little without them. */
    public record Machine(int cores, double loadBefore, double loadAfter) {}

    /**
     * @param inFlightWhole  kills during a save that the restart shows whole
     * @param inFlightAbsent kills during a save that the restart shows absent
     * @param inFlightMixed  kills during a save that left part of it (must be 0)
     * @param notInFlight    kills between or after the saves
     * @param replayedRounds restarts that replayed journal records: the batches since the journal was last emptied (it is emptied
     *                       past 1 MiB), which includes the save under way when its record was complete
     * @param tornRounds     restarts that discarded a torn journal record (the kill came while it was being written)
     * @param repairedRounds restarts where Chronicle's recovery repaired a map segment (the kill came during a map write)
     */
    public record Totals(int roundsRun, int roundsFailed, int acknowledged, int inFlightWhole, int inFlightAbsent, int inFlightMixed,
                         int notInFlight, long restartP50Millis, long restartMaxMillis, int replayedRounds, int tornRounds,
                         int repairedRounds) {}

    static CrashReport of(Setup setup, Machine machine, long elapsedSeconds, List<CrashRound> rounds) {
        int failed = 0, acked = 0, whole = 0, absent = 0, mixed = 0, none = 0, replayed = 0, torn = 0, repaired = 0;
        List<Long> restarts = rounds.stream().filter(CrashRound::storeOpened).map(CrashRound::restartMillis).sorted().toList();
        for (CrashRound r : rounds) {
            if (!r.passed()) failed++;
            acked += r.savesAcknowledged();
            if (!r.killedMidSave()) none++;
            else if (r.inFlightOutcome() == SaveOutcome.WHOLE) whole++;
            else if (r.inFlightOutcome() == SaveOutcome.ABSENT) absent++;
            else mixed++;
            if (r.recovery() != null && r.recovery().startsWith("journal: replayed") && !r.recovery().startsWith("journal: replayed 0 ")) replayed++;
            if (r.recovery() != null && r.recovery().contains("torn record")) torn++;
            if (!r.repairedMaps().isEmpty()) repaired++;
        }
        long p50 = restarts.isEmpty() ? -1 : restarts.get((restarts.size() - 1) / 2);
        long max = restarts.isEmpty() ? -1 : restarts.get(restarts.size() - 1);
        return new CrashReport(setup, machine, elapsedSeconds, new Totals(rounds.size(), failed, acked, whole, absent, mixed, none, p50, max,
                replayed, torn, repaired), rounds);
    }

    /** Every planned round ran, the store opened after every kill, and no check found anything wrong. */
    @JsonProperty("passed")
    public boolean passed() { return rounds.size() == setup.rounds() && totals.roundsFailed() == 0; }

    public String summary() {
        Totals t = totals;
        return String.format(Locale.ROOT, "crash: %s: %d of %d rounds (kill within %d saves of %,d rows, %d resources × %d months, seed %d) in %d s; "
                        + "%d saves acknowledged, %s; kill during a save in %d rounds (whole %d, absent %d, mixed %d), between or after the saves in %d; "
                        + "store opened after %s; restart after a kill p50 %,d ms, max %,d ms; journal replayed a batch in %d restarts, discarded a torn record in %d; "
                        + "Chronicle repaired a map segment in %d; "
                        + "load average %.1f → %.1f on %d cores",
                passed() ? "PASSED" : "FAILED", t.roundsRun(), setup.rounds(), setup.savesPerRound(), setup.rowsPerSave(), setup.resources(), setup.months(),
                setup.seed(), elapsedSeconds, t.acknowledged(), t.roundsFailed() == 0 ? "all whole" : t.roundsFailed() + " rounds with problems",
                t.roundsRun() - t.notInFlight(), t.inFlightWhole(), t.inFlightAbsent(), t.inFlightMixed(), t.notInFlight(),
                rounds.stream().allMatch(CrashRound::storeOpened) ? "every kill" : "NOT every kill", t.restartP50Millis(), t.restartMaxMillis(),
                t.replayedRounds(), t.tornRounds(), t.repairedRounds(), machine.loadBefore(), machine.loadAfter(), machine.cores());
    }

    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the crash report", e);
        }
    }
}
