package io.ppmlab.harness.measure;

import io.ppmlab.datasets.Ids;
import io.ppmlab.emulator.resourcing.ResourcePlanSave;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The plan a bench saves: every resource ({@code "Measured <i>"}) for every day from {@code first} to {@code last},
 * as a {@code sensei_SaveResourcePlan} body and as the demand rows such a save leaves in the store.
 */
record MeasuredPlan(List<UUID> resources, LocalDate first, LocalDate last) {
    MeasuredPlan {
        resources = List.copyOf(resources);
    }

    static String resourceName(int i) { return "Measured " + i; }

    static String projectName(int i) { return "Measured project " + i; }

    /** Whole months: the plan always runs from the first of a month to the last of one. */
    int months() { return (last.getYear() - first.getYear()) * 12 + last.getMonthValue() - first.getMonthValue() + 1; }

    int rows() { return resources.size() * (int) (last.toEpochDay() - first.toEpochDay() + 1); }

    /** The save's body: one daily row per resource and day, all with the same hours. */
    String body(UUID project, String hours) {
        StringBuilder b = new StringBuilder(rows() * 85 + 100).append("{\"Target\":{\"@odata.id\":\"sensei_projects(").append(project)
                .append(")\"},\"Demand\":[");
        boolean comma = false;
        for (UUID r : resources) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (comma) b.append(',');
                b.append("{\"ResourceId\":\"").append(r).append("\",\"Date\":\"").append(d).append("\",\"Hours\":").append(hours).append('}');
                comma = true;
            }
        }
        return b.append("]}").toString();
    }

    /** The rows a save of this plan into the project wrote, read back by their ids (the generator's project/resource/date). */
    List<Row> savedRows(Store store, String project) {
        List<Row> rows = new ArrayList<>(rows());
        for (int r = 0; r < resources.size(); r++) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                UUID id = Ids.of(ResourcePlanSave.TABLE, project + "/" + resourceName(r) + "/" + d);
                rows.add(store.get(ResourcePlanSave.TABLE, id).orElseThrow(() -> new IllegalStateException("not saved: " + id)));
            }
        }
        return rows;
    }
}
