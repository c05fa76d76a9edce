package io.ppmlab.emulator.product.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.product.ReadAs;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calculates the panels of one status update under one parent row, as the creating user: fixed values from the
 * parent, then the queries (through the Web API's query engine as that user, so a panel never counts a row the
 * user cannot read; a table the user may not read at all leaves the panel empty), then variances of those, then
 * the finance panels. Each value is converted by its type override and coerced to its column.
 */
final class PanelCalculator {
    /** Follows at most this many pages of an aggregate (5,000 rows each): 250,000 rows. */
    private static final int MAX_PAGES = 50;

    private final ReadAs reads;
    private final Clock clock;
    private final Table statusUpdate;
    private final PanelTimings timings;

    PanelCalculator(ReadAs reads, Clock clock, Table statusUpdate, PanelTimings timings) {
        this.reads = reads;
        this.clock = clock;
        this.statusUpdate = statusUpdate;
        this.timings = timings;
    }

    Map<String, Object> compute(Caller caller, PanelConfig config, Row parent) {
        long t0 = System.nanoTime();
        Map<String, Object> values = new LinkedHashMap<>();
        for (PanelConfig.Field f : config.fields()) {
            f.under(parent.table()).filter(c -> !(c instanceof PanelConfig.Variance))
                    .ifPresent(c -> values.put(f.logicalName(), timed(f, () -> calculate(caller, f, c, parent, values))));
        }
        for (PanelConfig.Field f : config.fields()) {
            f.under(parent.table()).filter(c -> c instanceof PanelConfig.Variance)
                    .ifPresent(c -> values.put(f.logicalName(), timed(f, () -> calculate(caller, f, c, parent, values))));
        }
        values.putAll(FinancePanels.values(parent, () -> sum(caller, "sensei_projects?$select=sensei_actualcost&$filter=_sensei_program_value%20eq%20"
                + parent.id(), "sensei_actualcost", "sensei_actualcost")));
        timings.snapshot(System.nanoTime() - t0);
        return values;
    }

    private Object timed(PanelConfig.Field f, java.util.function.Supplier<Object> calculation) {
        long t0 = System.nanoTime();
        try {
            Object raw = calculation.get();
            Object converted = PanelValues.override(raw, f.typeOverride());
            try {
                return PanelValues.coerce(converted, statusUpdate.column(f.logicalName()).orElseThrow());
            } catch (ArithmeticException e) {
                throw new PanelConfigJson.Invalid("Panel " + f.logicalName() + ": the value " + raw + " does not fit its column.");
            }
        } finally {
            timings.panel(f.logicalName(), System.nanoTime() - t0);
        }
    }

    private Object calculate(Caller caller, PanelConfig.Field f, PanelConfig.Calculation c, Row parent, Map<String, Object> values) {
        if (c instanceof PanelConfig.FixedFromParent fixed) return parent.get(fixed.field());
        if (c instanceof PanelConfig.ODataAggregate agg) return sum(caller, tokens(agg.query(), parent), agg.field(), f.logicalName());
        if (c instanceof PanelConfig.ODataQuery q) {
            JsonNode body = read(caller, tokens(q.query(), parent), f.logicalName());
            if (body == null) return null;
            JsonNode rows = body.path("value");
            return PanelValues.of(rows.isArray() ? (rows.isEmpty() ? null : rows.get(0).get(q.field())) : body.get(q.field()));
        }
        PanelConfig.Variance v = (PanelConfig.Variance) c;
        Object a = values.get(v.minuend());
        Object b = values.get(v.subtrahend());
        if (v.dates()) {
            LocalDate da = PanelValues.date(a);
            LocalDate db = PanelValues.date(b);
            return da == null || db == null ? null : BigDecimal.valueOf(ChronoUnit.DAYS.between(db, da));
        }
        BigDecimal na = PanelValues.number(a);
        BigDecimal nb = PanelValues.number(b);
        return na == null || nb == null ? null : na.subtract(nb);
    }

    /** Count of the rows (no field) or sum of {@code field}, over every page. */
    private BigDecimal sum(Caller caller, String url, String field, String panel) {
        BigDecimal total = BigDecimal.ZERO;
        String next = url;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            JsonNode body = read(caller, next, panel);
            if (body == null) return null;
            for (JsonNode row : body.path("value")) {
                if (field == null) total = total.add(BigDecimal.ONE);
                else if (row.path(field).isNumber()) total = total.add(row.get(field).decimalValue());
            }
            next = body.hasNonNull("@odata.nextLink") ? body.get("@odata.nextLink").asText() : null;
        }
        return total;
    }

    /** The response, or null when the user may not read what the query reads (the panel stays empty). */
    private JsonNode read(Caller caller, String url, String panel) {
        try {
            return reads.get(caller, url);
        } catch (ReadAs.Refused e) {
            if (e.status() == 403) return null;
            throw new PanelConfigJson.Invalid("Panel " + panel + ": its query was refused (" + e.status() + " " + e.code() + "): " + e.getMessage());
        }
    }

    /** {@code {parentId}} and {@code {utcNow}} replaced; the rest of the query stays as the administrator encoded it. */
    private String tokens(String query, Row parent) {
        return query.replace("{parentId}", parent.id().toString()).replace("{utcNow}", clock.instant().toString());
    }
}
