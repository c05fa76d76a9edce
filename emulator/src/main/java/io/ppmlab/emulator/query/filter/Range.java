package io.ppmlab.emulator.query.filter;

import java.util.List;
import java.util.function.Function;

/**
 * "The value lies between two bounds": {@code Between} and the date functions ({@code Today},
 * {@code LastXDays}, {@code OnOrAfter}, ...), whose bounds are computed once per request from its clock.
 */
record Range(PropertyPath operand, Function<EvalContext, Bounds> bounds, boolean negate) implements Cond {

    /** A null bound is open. */
    record Bounds(Object low, boolean lowInclusive, Object high, boolean highInclusive) {
        static Bounds halfOpen(Object low, Object high) { return new Bounds(low, true, high, false); }

        static Bounds closed(Object low, Object high) { return new Bounds(low, true, high, true); }

        boolean contains(Object v) {
            if (low != null) {
                int c = Values.compare(v, low);
                if (c < 0 || (c == 0 && !lowInclusive)) return false;
            }
            if (high != null) {
                int c = Values.compare(v, high);
                return c < 0 || (c == 0 && highInclusive);
            }
            return true;
        }
    }

    /** A closed range on a date-only column (Between, On, ThisMonth, ...) is an index hint by itself: its days. */
    @Override
    public void hints(List<IndexHint> out) { DayRangeHints.add(List.of(this), 1, out); }

    @Override
    public Pred bind(EvalContext ctx) {
        Bounds b = bounds.apply(ctx);
        Operand.Getter g = operand.bind(ctx);
        return frame -> {
            Object v = g.get(frame);
            if (v == null || v == Values.UNREADABLE) return Pred.UNKNOWN;
            return Pred.of(b.contains(v) != negate);
        };
    }
}
