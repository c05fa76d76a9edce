package io.ppmlab.harness.measure;

import io.ppmlab.datasets.Ids;
import io.ppmlab.emulator.resourcing.ResourcePlanSave;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.harness.sim.PlanBodies;
import io.ppmlab.schema.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The plan a bench saves: every resource ({@code "Measured <i>"}) for every day of the first {@code months} months of
 * {@code year}, as a {@code sensei_SaveResourcePlan} body (the Resource Manager journey's, {@link PlanBodies#daily}) and
 * as the demand rows such a save leaves in the store.
 */
record MeasuredPlan(List<UUID> resources, int year, int months) {
    MeasuredPlan {
        resources = List.copyOf(resources);
    }

    static String resourceName(int i) { return "Measured " + i; }

    static String projectName(int i) { return "Measured project " + i; }

    LocalDate first() { return LocalDate.of(year, 1, 1); }

    LocalDate last() { return first().plusMonths(months).minusDays(1); }

    int rows() { return resources.size() * (int) (last().toEpochDay() - first().toEpochDay() + 1); }

    /** The save's body: one daily row per resource and day, all with the same hours. */
    String body(UUID project, int hours) {
        return PlanBodies.daily(project.toString(), resources.stream().map(UUID::toString).toList(), year, months, hours);
    }

    /** The rows a save of this plan into the project wrote, read back by their ids (the generator's project/resource/date). */
    List<Row> savedRows(Store store, String project) {
        List<Row> rows = new ArrayList<>(rows());
        for (int r = 0; r < resources.size(); r++) {
            for (LocalDate d = first(); !d.isAfter(last()); d = d.plusDays(1)) {
                UUID id = Ids.of(ResourcePlanSave.TABLE, project + "/" + resourceName(r) + "/" + d);
                rows.add(store.get(ResourcePlanSave.TABLE, id).orElseThrow(() -> new IllegalStateException("not saved: " + id)));
            }
        }
        return rows;
    }
}
