package io.ppmlab.emulator.product.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the panel configuration's JSON (README "Status updates" shows the shape) and checks it against the
 * status update table, so a mistake is refused with its place named instead of producing wrong snapshots.
 * A field may hold one calculation flat ({@code parent}, {@code mode}, ...) or several in {@code configurations}.
 */
final class PanelConfigJson {
    static final Set<Integer> KPI_VALUES = Set.of(955000000, 955000001, 955000002);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A configuration the lab cannot use; the message names the setting and the field. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) { super(message, null, false, false); }
    }

    private final Table statusUpdate;

    PanelConfigJson(Table statusUpdate) { this.statusUpdate = statusUpdate; }

    PanelConfig parse(String setting, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new Invalid(setting + " is not valid JSON.");
        }
        if (root == null || !root.isObject()) throw new Invalid(setting + " must be a JSON object with parentFields, overallKpi and fields.");
        List<String> parents = new ArrayList<>();
        root.path("parentFields").forEach(p -> parents.add(lookup(setting, p.asText())));
        String overall = root.hasNonNull("overallKpi") ? kpi(setting, root.get("overallKpi").asText()) : null;
        List<PanelConfig.Field> fields = new ArrayList<>();
        for (JsonNode f : root.path("fields")) fields.add(field(setting, f));
        return new PanelConfig(parents, overall, fields);
    }

    private PanelConfig.Field field(String setting, JsonNode f) {
        String name = f.path("logicalName").asText("");
        String where = setting + ", field '" + name + "'";
        if (statusUpdate.column(name).isEmpty()) throw new Invalid(where + ": sensei_statusupdate has no such column.");
        if (FinancePanels.FIELDS.contains(name)) throw new Invalid(where + ": the finance panels are fixed by the product and cannot be configured.");
        List<PanelConfig.Calculation> calculations = new ArrayList<>();
        if (f.has("mode")) calculations.add(calculation(where, f));
        for (JsonNode c : f.path("configurations")) calculations.add(calculation(where, c));
        List<PanelConfig.Warning> warnings = new ArrayList<>();
        for (JsonNode w : f.path("warnings")) warnings.add(warning(where, w));
        String kpi = f.hasNonNull("kpi") ? kpi(where, f.get("kpi").asText()) : null;
        return new PanelConfig.Field(name, text(f, "valueSuffix"), text(f, "labelOverride"), text(f, "tooltipOverride"),
                type(where, text(f, "typeOverride")), text(f, "defaultColour"), kpi, kpiValue(where, f.get("kpiDefault")),
                List.copyOf(calculations), List.copyOf(warnings));
    }

    private PanelConfig.Calculation calculation(String where, JsonNode c) {
        String parent = c.path("parent").asText("");
        if (!parent.equals("sensei_project") && !parent.equals("sensei_program")) {
            throw new Invalid(where + ": parent must be sensei_project or sensei_program, not '" + parent + "'.");
        }
        String drill = text(c, "drillThroughUrl");
        String mode = c.path("mode").asText("");
        return switch (mode) {
            case "FixedValueFromParent" -> new PanelConfig.FixedFromParent(parent, drill, required(where, c, "field"));
            case "ODataAggregate" -> new PanelConfig.ODataAggregate(parent, drill, required(where, c, "query"), text(c, "field"));
            case "ODataQuery" -> new PanelConfig.ODataQuery(parent, drill, required(where, c, "query"), required(where, c, "field"));
            case "Variance", "DateVariance" -> {
                JsonNode pair = c.path("fields");
                if (!pair.isArray() || pair.size() != 2) throw new Invalid(where + ": a variance names two panel fields in \"fields\".");
                for (JsonNode p : pair) if (statusUpdate.column(p.asText()).isEmpty()) throw new Invalid(where + ": variance field '" + p.asText() + "' is not a column.");
                yield new PanelConfig.Variance(parent, drill, pair.get(0).asText(), pair.get(1).asText(), mode.equals("DateVariance"));
            }
            case "DateDiffFromParent" -> throw new Invalid(where + ": \"Date diff based on values from parent\" is documented as coming soon and is not available.");
            default -> throw new Invalid(where + ": unknown mode '" + mode + "' (FixedValueFromParent, ODataAggregate, ODataQuery, Variance, DateVariance).");
        };
    }

    private PanelConfig.Warning warning(String where, JsonNode w) {
        PanelConfig.Operator op = switch (w.path("operator").asText("")) {
            case "Equal" -> PanelConfig.Operator.EQUAL;
            case "NotEqual" -> PanelConfig.Operator.NOT_EQUAL;
            case "GreaterThan" -> PanelConfig.Operator.GREATER_THAN;
            case "GreaterThanOrEqual" -> PanelConfig.Operator.GREATER_THAN_OR_EQUAL;
            case "LessThan" -> PanelConfig.Operator.LESS_THAN;
            case "LessThanOrEqual" -> PanelConfig.Operator.LESS_THAN_OR_EQUAL;
            case "VariancePlusMinus" -> PanelConfig.Operator.VARIANCE_PLUS_MINUS;
            default -> throw new Invalid(where + ": unknown warning operator '" + w.path("operator").asText("") + "'.");
        };
        PanelConfig.Comparison to = switch (w.path("compareTo").asText("")) {
            case "Static" -> new PanelConfig.Static(number(where, w.get("value")));
            case "Panel" -> new PanelConfig.Panel(column(where, required(where, w, "field")));
            case "Duration" -> new PanelConfig.Duration(column(where, required(where, w, "start")), column(where, required(where, w, "end")));
            default -> throw new Invalid(where + ": compareTo must be Static, Panel or Duration.");
        };
        BigDecimal percent = w.hasNonNull("percent") ? number(where, w.get("percent")) : null;
        return new PanelConfig.Warning(op, to, percent, text(w, "colourOverride"), kpiValue(where, w.get("kpiDefault")));
    }

    private String lookup(String where, String name) {
        if (statusUpdate.column(name).filter(c -> c.type() == ColumnType.LOOKUP).isEmpty()) throw new Invalid(where + ": parent field '" + name + "' is not a lookup of sensei_statusupdate.");
        return name;
    }

    private String kpi(String where, String name) {
        if (statusUpdate.column(name).filter(c -> c.type() == ColumnType.CHOICE).isEmpty()) throw new Invalid(where + ": KPI '" + name + "' is not a choice column of sensei_statusupdate.");
        return name;
    }

    private String column(String where, String name) {
        if (statusUpdate.column(name).isEmpty()) throw new Invalid(where + ": '" + name + "' is not a column of sensei_statusupdate.");
        return name;
    }

    private static Integer kpiValue(String where, JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (!v.canConvertToInt() || !KPI_VALUES.contains(v.intValue())) {
            throw new Invalid(where + ": KPI default " + v + " is not one of 955000000 (On Track), 955000001 (On Watch), 955000002 (Troubled).");
        }
        return v.intValue();
    }

    private static PanelConfig.TypeOverride type(String where, String t) {
        if (t == null) return null;
        return switch (t.replace(" ", "").toLowerCase(Locale.ROOT)) {
            case "dateonly" -> PanelConfig.TypeOverride.DATE_ONLY;
            case "dateandtime" -> PanelConfig.TypeOverride.DATE_AND_TIME;
            case "currency" -> PanelConfig.TypeOverride.CURRENCY;
            case "decimal" -> PanelConfig.TypeOverride.DECIMAL;
            case "integer" -> PanelConfig.TypeOverride.INTEGER;
            default -> throw new Invalid(where + ": type override '" + t + "' is not Date Only, Date and Time, Currency, Decimal or Integer.");
        };
    }

    private static BigDecimal number(String where, JsonNode v) {
        if (v == null || !v.isNumber()) throw new Invalid(where + ": a warning's value and percent must be numbers.");
        return v.decimalValue();
    }

    private static String required(String where, JsonNode n, String name) {
        String v = text(n, name);
        if (v == null || v.isBlank()) throw new Invalid(where + ": \"" + name + "\" is required.");
        return v;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
