package io.ppmlab.emulator.query.filter;

import io.ppmlab.emulator.odata.model.Expr;
import io.ppmlab.schema.ColumnType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A closed range on one date-only column, from the bounds the conjuncts of a filter put on it ({@code OnOrAfter} and
 * {@code OnOrBefore}, {@code Between}, {@code ge} and {@code le}, ...): an index hint listing the days it spans, so that
 * the planner can read the rows of those days, or intersect them with another index start (a heat map's resources and
 * months). The days are a superset of what the bounds allow (exclusive ends and times within a day are kept); every
 * candidate is still tested against the whole filter.
 */
final class DayRangeHints {
    /** Ranges over more days give no hint: a bucket per day would cost more than it saves. */
    static final int MAX_DAYS = 3_700;

    private DayRangeHints() {}

    /** The bounds some conjunct puts on a column, per request: either side may be open (null). */
    private record Bound(String column, Function<EvalContext, Range.Bounds> bounds) {}

    /** Adds one hint per date-only column that the given conjuncts bound, when {@code minBounds} or more of them do. */
    static void add(List<Cond> conjuncts, int minBounds, List<IndexHint> out) {
        Map<String, List<Bound>> byColumn = new LinkedHashMap<>();
        for (Cond c : conjuncts) {
            Bound b = bound(c);
            if (b != null) byColumn.computeIfAbsent(b.column(), k -> new ArrayList<>()).add(b);
        }
        byColumn.forEach((column, bounds) -> {
            if (bounds.size() >= minBounds) out.add(new IndexHint(column, ctx -> days(bounds, ctx)));
        });
    }

    private static Bound bound(Cond c) {
        if (c instanceof Range r) {
            if (r.negate() || !onDateColumn(r.operand())) return null;
            return new Bound(r.operand().column().name(), r.bounds());
        }
        if (c instanceof Compare cmp && !cmp.leftNull() && !cmp.rightNull()) {
            boolean pathLeft = cmp.left() instanceof PropertyPath;
            Operand path = pathLeft ? cmp.left() : cmp.right();
            Operand other = pathLeft ? cmp.right() : cmp.left();
            if (!(path instanceof PropertyPath p) || !onDateColumn(p) || !(other instanceof Operand.Literal lit) || lit.value() == null) return null;
            Object v = lit.value();
            Expr.Op op = cmp.op();
            if (op != Expr.Op.GE && op != Expr.Op.GT && op != Expr.Op.LE && op != Expr.Op.LT) return null;
            boolean lower = (op == Expr.Op.GE || op == Expr.Op.GT) == pathLeft; // column >= v, or v <= column
            Range.Bounds b = lower ? Range.Bounds.closed(v, null) : Range.Bounds.closed(null, v);
            return new Bound(p.column().name(), ctx -> b);
        }
        return null;
    }

    private static boolean onDateColumn(PropertyPath p) {
        return p.slot() == 0 && p.direct() && p.type() == ColumnType.DATEONLY;
    }

    /** The days of the tightest closed range the bounds give; null (no hint) when a side is open or the range too wide. */
    static List<LocalDate> days(List<Bound> bounds, EvalContext ctx) {
        try {
            return tightest(bounds, ctx);
        } catch (RuntimeException e) {
            return null; // a bound that is no date: no hint (the filter itself decides what matches)
        }
    }

    private static List<LocalDate> tightest(List<Bound> bounds, EvalContext ctx) {
        LocalDate low = null;
        LocalDate high = null;
        for (Bound b : bounds) {
            Range.Bounds r = b.bounds().apply(ctx);
            if (r.low() != null) {
                LocalDate d = Values.date(r.low());
                if (low == null || d.isAfter(low)) low = d;
            }
            if (r.high() != null) {
                LocalDate d = Values.date(r.high());
                if (high == null || d.isBefore(high)) high = d;
            }
        }
        if (low == null || high == null) return null;
        if (high.isBefore(low)) return List.of(); // no day lies in both: nothing can match
        if (low.plusDays(MAX_DAYS).isBefore(high)) return null;
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = low; !d.isAfter(high); d = d.plusDays(1)) days.add(d);
        return days;
    }
}
