package io.ppmlab.emulator.resourcing;

import io.ppmlab.datasets.Ids;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.cost.WorkScope;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.payload.ColumnRanges;
import io.ppmlab.emulator.operations.AccessGuard;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.operations.VersionSequence;
import io.ppmlab.emulator.operations.WriteRules;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code POST sensei_SaveResourcePlan}: saves cells of a project's or proposal's resource plan all together or
 * not at all. In order:
 * <ol>
 *   <li>the body is read and checked (one row per resource and day: two rows of a resource may not overlap);</li>
 *   <li>the resource-years it touches are counted ({@link ResourceYears}); above the configured limit
 *       (default 45) it is refused with 400 before anything is read or written;</li>
 *   <li>each row is created, updated or (Hours null) deleted with the same system columns, product rules and
 *       security checks as a single write: Create (with AppendTo on the project or proposal and on the resource),
 *       Write or Delete, and any refusal writes nothing;</li>
 *   <li>every change goes to the store in ONE {@code Store.apply}, which the journal makes atomic after a crash.</li>
 * </ol>
 * A cell's row id is the generator's ({@code <target name>/<resource name>/<date>}, name-based), so a save
 * updates generated plans in place; when that id already holds another plan's row (two projects of the same
 * name), the cell uses an id made of the target's and the resource's ids instead.
 */
public final class ResourcePlanSave {
    public static final String TABLE = "sensei_resourcedemand";

    /**
     * What the save reads and writes through; {@code guards} builds the security guard over a store (the save gives
     * it a per-save read cache, so the AppendTo checks of 16,000 rows read the project and each resource once).
     */
    public record Wiring(Schema schema, Store store, VersionSequence versions, Clock clock, Function<Store, AccessGuard> guards,
                         WriteRules rules, ResourcingSettings settings) {}

    private final Wiring w;
    private final Table table;

    public ResourcePlanSave(Wiring wiring) {
        this.w = wiring;
        this.table = wiring.schema().table(TABLE).orElseThrow(() -> new IllegalArgumentException("the schema has no " + TABLE));
    }

    /** What a save did. */
    public record Outcome(ResourceYears resourceYears, int rows, int created, int updated, int deleted, int unchanged) {}

    public ApiResponse handle(Caller caller, ApiRequest request) {
        Outcome o = save(caller, PlanRequest.parse(request.body(), w.schema()));
        String json = "{\"@odata.context\":\"" + request.baseUrl() + "$metadata#Microsoft.Dynamics.CRM."
                + io.ppmlab.emulator.odata.ResourcingOperations.SAVE_RESPONSE + "\",\"ResourceYears\":" + o.resourceYears().years().toPlainString()
                + ",\"Resources\":" + o.resourceYears().resources() + ",\"Rows\":" + o.rows() + ",\"Created\":" + o.created()
                + ",\"Updated\":" + o.updated() + ",\"Deleted\":" + o.deleted() + ",\"Unchanged\":" + o.unchanged() + "}";
        return ApiResponse.json(200, json, Map.of());
    }

    Outcome save(Caller caller, PlanRequest requested) {
        PlanRequest plan = inRange(requested);
        ResourceYears years = ResourceYears.of(checkedRanges(plan));
        BigDecimal limit = w.settings().saveLimit();
        if (years.exceeds(limit)) {
            throw ErrorCode.RESOURCE_PLAN_TOO_LARGE.error(years.years().toPlainString(), years.resources(), limit.stripTrailingZeros().toPlainString());
        }
        Row target = w.store().get(plan.target().table(), plan.target().id())
                .orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error(plan.target().table(), plan.target().id()));
        Map<UUID, Row> resources = new HashMap<>();
        for (PlanRequest.Cell c : plan.cells()) {
            resources.computeIfAbsent(c.resource(), id -> w.store().get("bookableresource", id)
                    .orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error("bookableresource", id)));
        }

        ReadCache reads = new ReadCache(w.store(), ReadCache.PLAN_PARENTS);
        Map<UUID, String> prefixes = new HashMap<>();
        resources.forEach((id, row) -> prefixes.put(id, cellPrefix(target, row)));
        Context context = new Context(caller, plan.target(), target.ref("ownerid"), prefixes,
                new SystemColumns(reads, w.clock(), w.versions()), w.guards().apply(reads));
        // Cells are independent until the write: a large plan is prepared in slices on the common pool (the
        // calling thread takes part), then written in cell order in one apply. The first refusal in cell order wins.
        List<Slice> slices = slices(plan.cells());
        WorkScope.forEach(slices, slices.size() > 1, slice -> slice.prepare(context)); // counted whichever thread prepares
        List<Mutation> changes = new ArrayList<>(plan.cells().size());
        int created = 0;
        int updated = 0;
        int deleted = 0;
        int unchanged = 0;
        for (Slice slice : slices) {
            if (slice.refusal != null) throw slice.refusal;
            changes.addAll(slice.changes);
            created += slice.created;
            updated += slice.updated;
            deleted += slice.deleted;
            unchanged += slice.unchanged;
        }
        if (!changes.isEmpty()) w.store().apply(changes);
        return new Outcome(years, plan.cells().size(), created, updated, deleted, unchanged);
    }

    /** What every cell of one save shares; each part is safe to use from several threads. */
    private record Context(Caller caller, EntityRef target, EntityRef owner, Map<UUID, String> prefixes, SystemColumns system,
                           AccessGuard guard) {}

    /** Cells per slice: large enough that a slice's set-up is noise, small enough that two cores share a 45 resource-year save. */
    private static final int SLICE = 2_048;

    private List<Slice> slices(List<PlanRequest.Cell> cells) {
        List<Slice> out = new ArrayList<>();
        for (int from = 0; from < cells.size(); from += SLICE) out.add(new Slice(cells.subList(from, Math.min(cells.size(), from + SLICE))));
        return out;
    }

    /** A run of cells prepared together: its mutations in cell order, its counts, or the refusal that stopped it. */
    private final class Slice {
        private final List<PlanRequest.Cell> cells;
        private final List<Mutation> changes;
        private final Map<java.time.LocalDate, String> days = new HashMap<>();
        private int created;
        private int updated;
        private int deleted;
        private int unchanged;
        private RuntimeException refusal;

        Slice(List<PlanRequest.Cell> cells) {
            this.cells = cells;
            this.changes = new ArrayList<>(cells.size());
        }

        void prepare(Context c) {
            try {
                for (PlanRequest.Cell cell : cells) prepare(c, cell);
            } catch (RuntimeException e) {
                refusal = e;
            }
        }

        private void prepare(Context c, PlanRequest.Cell cell) {
            EntityRef resource = new EntityRef("bookableresource", cell.resource());
            UUID id = Ids.of(TABLE, c.prefixes().get(cell.resource()) + days.computeIfAbsent(cell.date(), java.time.LocalDate::toString));
            Optional<Row> current = w.store().get(TABLE, id);
            if (current.isPresent() && !belongs(current.get(), c.target(), resource)) {
                id = Ids.of(TABLE, c.target().id() + "/" + cell.resource() + "/" + cell.date());
                current = w.store().get(TABLE, id);
            }
            if (cell.hours() == null) {
                if (current.isEmpty()) return;
                c.guard().checkDelete(c.caller(), table, current.get());
                changes.add(new Mutation.Delete(TABLE, id));
                changes.addAll(w.rules().onDelete(c.caller(), table, current.get()));
                deleted++;
            } else if (current.isPresent()) {
                Row before = current.get();
                if (sameHours(before.get("sensei_hours"), cell.hours()) && Objects.equals(before.get("sensei_enddate"), cell.endDate())) {
                    unchanged++;
                    return;
                }
                Map<String, Object> v = new LinkedHashMap<>(4);
                v.put("sensei_hours", cell.hours());
                v.put("sensei_enddate", cell.endDate());
                Row after = c.system().forUpdate(table, before, v, c.caller());
                c.guard().checkWrite(c.caller(), table, before, after);
                changes.add(new Mutation.Put(after));
                changes.addAll(w.rules().alongside(c.caller(), table, Optional.of(before), after));
                updated++;
            } else {
                Map<String, Object> v = new LinkedHashMap<>(8);
                v.put(c.target().table(), c.target());
                v.put("sensei_bookableresource", resource);
                v.put("sensei_date", cell.date());
                v.put("sensei_enddate", cell.endDate());
                v.put("sensei_hours", cell.hours());
                if (c.owner() != null) v.put("ownerid", c.owner()); // the plan's rows belong to the project's owner, as the generator writes them
                Row row = w.rules().beforeCreate(c.caller(), table, c.system().forCreate(table, id, v, c.caller()));
                c.guard().checkCreate(c.caller(), table, row);
                changes.add(new Mutation.Put(row));
                changes.addAll(w.rules().alongside(c.caller(), table, Optional.empty(), row));
                created++;
            }
        }
    }

    /**
     * The plan with each cell's dates and hours checked against Dataverse's column ranges and precisions, as every
     * other write path checks them ({@link ColumnRanges}): a date outside 1753..9999 is a 400, hours are rounded to
     * the decimal column's 10 places. Before anything else, so that absurd dates never reach the day arithmetic.
     */
    private PlanRequest inRange(PlanRequest plan) {
        Column date = table.column("sensei_date").orElseThrow();
        Column endDate = table.column("sensei_enddate").orElseThrow();
        Column hours = table.column("sensei_hours").orElseThrow();
        List<PlanRequest.Cell> cells = new ArrayList<>(plan.cells().size());
        for (PlanRequest.Cell c : plan.cells()) {
            ColumnRanges.check(table, date, c.date());
            ColumnRanges.check(table, endDate, c.endDate());
            BigDecimal h = (BigDecimal) ColumnRanges.check(table, hours, c.hours());
            cells.add(h == c.hours() ? c : new PlanRequest.Cell(c.index(), c.resource(), c.date(), c.endDate(), h));
        }
        return new PlanRequest(plan.target(), cells);
    }

    /**
     * The cells' day ranges per resource, refusing rows of one resource that overlap (each day of a resource
     * belongs to one row of the plan) and hours a period cannot hold (more than 24 a day, or negative).
     */
    private static Map<UUID, List<ResourceYears.DayRange>> checkedRanges(PlanRequest plan) {
        Map<UUID, TreeMap<java.time.LocalDate, PlanRequest.Cell>> byResource = new HashMap<>();
        Map<UUID, List<ResourceYears.DayRange>> ranges = new HashMap<>();
        for (PlanRequest.Cell c : plan.cells()) {
            if (c.hours() != null) {
                long days = ChronoUnit.DAYS.between(c.date(), c.last()) + 1;
                if (c.hours().signum() < 0 || c.hours().compareTo(BigDecimal.valueOf(24 * days)) > 0) {
                    throw ErrorCode.BAD_REQUEST.error(PlanRequest.at(c.index()) + ".Hours " + c.hours().toPlainString()
                            + " is not between 0 and " + (24 * days) + " (24 hours a day over " + days + " day(s)).");
                }
            }
            TreeMap<java.time.LocalDate, PlanRequest.Cell> cells = byResource.computeIfAbsent(c.resource(), k -> new TreeMap<>());
            var latest = cells.isEmpty() ? null : cells.lastEntry().getValue();
            if (latest == null || latest.last().isBefore(c.date())) {
                cells.put(c.date(), c); // rows of a resource in date order: nothing before can overlap
            } else {
                var before = cells.floorEntry(c.last());
                if (before != null && !before.getValue().last().isBefore(c.date())) throw overlap(before.getValue(), c);
                cells.put(c.date(), c);
            }
            ranges.computeIfAbsent(c.resource(), k -> new ArrayList<>()).add(new ResourceYears.DayRange(c.date(), c.last()));
        }
        return ranges;
    }

    private static RuntimeException overlap(PlanRequest.Cell a, PlanRequest.Cell b) {
        return ErrorCode.BAD_REQUEST.error(PlanRequest.at(b.index()) + " (" + b.date() + ".." + b.last() + ") overlaps "
                + PlanRequest.at(a.index()) + " (" + a.date() + ".." + a.last() + ") for resource " + b.resource()
                + ": a plan has one row per resource and day.");
    }

    /** The generator's natural key of a cell, without the date: {@code <target name>/<resource name>/}. */
    private static String cellPrefix(Row target, Row resource) {
        Object targetName = target.get("sensei_name");
        Object resourceName = resource.get("name");
        String t = targetName == null ? target.id().toString() : targetName.toString();
        String r = resourceName == null ? resource.id().toString() : resourceName.toString();
        return t + "/" + r + "/";
    }

    private static boolean belongs(Row row, EntityRef target, EntityRef resource) {
        return target.equals(row.ref(target.table())) && resource.equals(row.ref("sensei_bookableresource"));
    }

    private static boolean sameHours(Object stored, BigDecimal hours) {
        return stored instanceof BigDecimal b && b.compareTo(hours) == 0;
    }
}
