package io.ppmlab.harness.crash;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * What each crash project's plan should hold (no rows, or every cell at one save's hours): the expectation every
 * check after a restart compares against, updated from what each check found.
 */
final class PlanBook {
    private final Map<UUID, PlanReading> plans = new LinkedHashMap<>();

    PlanBook(List<UUID> projects) {
        for (UUID p : projects) plans.put(p, new PlanReading.Empty());
    }

    List<UUID> projects() { return List.copyOf(plans.keySet()); }

    PlanReading expected(UUID project) { return plans.get(project); }

    void record(UUID project, PlanReading reading) {
        if (!plans.containsKey(project)) throw new IllegalArgumentException("not a crash project: " + project);
        plans.put(project, reading);
    }

    List<UUID> withPlan() { return plans.keySet().stream().filter(p -> !(plans.get(p) instanceof PlanReading.Empty)).toList(); }

    List<UUID> withoutPlan() { return plans.keySet().stream().filter(p -> plans.get(p) instanceof PlanReading.Empty).toList(); }

    /**
     * A round's saves, alternating a new plan and a re-save, each on a different project so that every save can be
     * judged on its own; numbered from {@code firstNumber}.
     */
    List<PlanSave> nextRound(int count, int firstNumber, Random random) {
        List<UUID> fresh = new ArrayList<>(withoutPlan());
        List<UUID> existing = new ArrayList<>(withPlan());
        Collections.shuffle(fresh, random);
        Collections.shuffle(existing, random);
        int creates = (count + 1) / 2;
        if (fresh.size() < creates || existing.size() < count - creates) {
            throw new IllegalStateException("the pool has " + fresh.size() + " projects without a plan and " + existing.size()
                    + " with one: too few for " + count + " saves");
        }
        List<PlanSave> saves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean create = i % 2 == 0;
            UUID project = create ? fresh.get(i / 2) : existing.get(i / 2);
            saves.add(new PlanSave(firstNumber + i, create ? PlanSave.Kind.CREATE : PlanSave.Kind.RESAVE, project, plans.get(project),
                    PlanSave.hoursOf(firstNumber + i)));
        }
        return saves;
    }
}
