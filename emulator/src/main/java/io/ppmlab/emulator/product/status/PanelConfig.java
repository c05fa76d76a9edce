package io.ppmlab.emulator.product.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The information-panel configuration of status updates (the product shows it only as screens; this is the
 * lab's JSON shape of the same fields, see the README): which lookups name the parent, the overall KPI, and
 * per panel field its display overrides, KPI, one calculation per parent table, and its warnings.
 */
public record PanelConfig(List<String> parentFields, String overallKpi, List<Field> fields) {

    public Optional<Field> field(String logicalName) {
        return fields.stream().filter(f -> f.logicalName().equals(logicalName)).findFirst();
    }

    /**
     * One panel field: a column of {@code sensei_statusupdate}. {@code kpi} names the KPI column this field sets
     * the default of ({@code kpiDefault} when no warning is breached); null when it sets none.
     */
    public record Field(String logicalName, String valueSuffix, String labelOverride, String tooltipOverride,
                        TypeOverride typeOverride, String defaultColour, String kpi, Integer kpiDefault,
                        List<Calculation> calculations, List<Warning> warnings) {
        /** The calculation for a parent table, if this field is calculated under it. */
        public Optional<Calculation> under(String parentTable) {
            return calculations.stream().filter(c -> c.parent().equals(parentTable)).findFirst();
        }
    }

    /** How a value is converted before it is coerced to the column's type (the documented "Type Override"). */
    public enum TypeOverride { DATE_ONLY, DATE_AND_TIME, CURRENCY, DECIMAL, INTEGER }

    /** One way of calculating a field under one parent table; {@code drillThroughUrl} is shown, never followed. */
    public sealed interface Calculation {
        String parent();

        String drillThroughUrl();
    }

    /** "Fixed value from parent": the parent row's {@code field}. */
    public record FixedFromParent(String parent, String drillThroughUrl, String field) implements Calculation {}

    /** "OData aggregate": the rows {@code query} returns (every page), counted when {@code field} is null, else the sum of {@code field}. */
    public record ODataAggregate(String parent, String drillThroughUrl, String query, String field) implements Calculation {}

    /** "OData query": {@code field} of the response (of its first row when it returns a collection). */
    public record ODataQuery(String parent, String drillThroughUrl, String query, String field) implements Calculation {}

    /** "Variance": {@code minuend} − {@code subtrahend}, two other panels on the form; numeric, or a difference of dates in days. */
    public record Variance(String parent, String drillThroughUrl, String minuend, String subtrahend, boolean dates) implements Calculation {}

    /**
     * A warning: breached when the panel's value compared with {@code compareTo} by {@code operator} holds; the
     * bound is the comparison value, or {@code percent} % of it. First breached warning, top to bottom, wins.
     */
    public record Warning(Operator operator, Comparison compareTo, BigDecimal percent, String colourOverride, Integer kpiDefault) {}

    public enum Operator { EQUAL, NOT_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, VARIANCE_PLUS_MINUS }

    /** What a warning compares with. */
    public sealed interface Comparison {}

    /** "Compare to static value". */
    public record Static(BigDecimal value) implements Comparison {}

    /** "Compare to another information panel on this form". */
    public record Panel(String field) implements Comparison {}

    /**
     * "Duration comparison": the duration from panel {@code start} to this panel's value, against the duration from
     * {@code start} to panel {@code end}, in days. The compared value is the difference of the two durations and
     * the comparison value the second duration (so "more than 10 % over" is {@code GREATER_THAN} with percent 10).
     */
    public record Duration(String start, String end) implements Comparison {}
}
