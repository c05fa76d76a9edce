package io.ppmlab.harness.crash;

import java.util.List;

/**
 * One round of the crash loop: what was sent, when the kill came, what was under way, how the restart went and
 * what the check after it found.
 *
 * @param expectedMillis        the window the kill moment was drawn from: the expected duration of the round's saves ({@link SaveTimes})
 * @param plannedKillMillis     the drawn moment, after the first timed save was sent (the one after the untimed save, see {@link SaveSender})
 * @param killOffsetMillis      when the kill came (earlier than planned when every save was already answered)
 * @param inFlightSave          number of the save under way at the kill ({@link PlanSave#number}), 0 if none was
 * @param inFlightKind          "create" (a new plan) or "resave", null if none was under way
 * @param inFlightElapsedMillis how long it had been under way, -1 if none was
 * @param inFlightOutcome       whole or absent after the restart (mixed is a failure), null if none was under way
 * @param exitStatus            of the killed process: 137 (128 + SIGKILL)
 * @param storeOpened           the restarted emulator listened (its store opened, journal replayed)
 * @param restartMillis         process start to listening
 * @param recovery              the recovery summary it printed ({@code journal: ...})
 * @param repairedMaps          tables whose map Chronicle's recovery repaired at that start (a kill during a map write)
 * @param repairedSegments      how many segments it repaired
 * @param problems              everything the check found wrong; empty when the round passed
 */
public record CrashRound(int round, int savesSent, int savesAcknowledged, long expectedMillis, long plannedKillMillis, long killOffsetMillis,
                         int inFlightSave, String inFlightKind, long inFlightElapsedMillis, SaveOutcome inFlightOutcome, int exitStatus,
                         boolean storeOpened, long restartMillis, String recovery, List<String> repairedMaps, int repairedSegments,
                         List<String> problems) {
    public CrashRound {
        repairedMaps = List.copyOf(repairedMaps);
        problems = List.copyOf(problems);
    }

    /** @param repairedMaps one entry per repaired segment, as {@link ChildEmulator#repairedMaps} */
    static CrashRound of(int round, SaveWindow w, List<PlanSave> saves, long expected, long planned, SaveOutcome inFlight, boolean opened,
                         long restartMillis, String recovery, List<String> repairedMaps, List<String> problems) {
        PlanSave underWay = w.inFlight() < 0 ? null : saves.get(w.inFlight());
        return new CrashRound(round, w.sent(), w.acknowledged(), expected, planned, w.killOffsetMillis(), underWay == null ? 0 : underWay.number(),
                underWay == null ? null : underWay.kind().label(), w.inFlightElapsedMillis(), inFlight, w.exitStatus(), opened, restartMillis,
                recovery, repairedMaps.stream().distinct().sorted().toList(), repairedMaps.size(), problems);
    }

    public boolean killedMidSave() { return inFlightSave > 0; }

    public boolean passed() { return storeOpened && problems.isEmpty(); }
}
