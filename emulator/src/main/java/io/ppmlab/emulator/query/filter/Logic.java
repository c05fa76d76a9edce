package io.ppmlab.emulator.query.filter;

import java.util.List;

/** {@code and}, {@code or} and {@code not} in three-valued logic. */
final class Logic {
    private Logic() {}

    record And(List<Cond> parts) implements Cond {
        @Override public Pred bind(EvalContext ctx) {
            Pred[] ps = parts.stream().map(p -> p.bind(ctx)).toArray(Pred[]::new);
            return frame -> {
                int result = Pred.TRUE;
                for (Pred p : ps) {
                    int v = p.test(frame);
                    if (v == Pred.FALSE) return Pred.FALSE;
                    if (v == Pred.UNKNOWN) result = Pred.UNKNOWN;
                }
                return result;
            };
        }

        /** Each part's hints, and the days between the bounds that two or more parts put on one date-only column. */
        @Override public void hints(List<IndexHint> out) {
            parts.forEach(p -> p.hints(out));
            DayRangeHints.add(parts, 2, out);
        }
    }

    record Or(List<Cond> parts) implements Cond {
        @Override public Pred bind(EvalContext ctx) {
            Pred[] ps = parts.stream().map(p -> p.bind(ctx)).toArray(Pred[]::new);
            return frame -> {
                int result = Pred.FALSE;
                for (Pred p : ps) {
                    int v = p.test(frame);
                    if (v == Pred.TRUE) return Pred.TRUE;
                    if (v == Pred.UNKNOWN) result = Pred.UNKNOWN;
                }
                return result;
            };
        }

        /** An or of equalities on one indexed column is still an index hint: the union of their values. */
        @Override public void hints(List<IndexHint> out) {
            String column = null;
            List<IndexHint> each = new java.util.ArrayList<>();
            for (Cond p : parts) {
                List<IndexHint> mine = new java.util.ArrayList<>();
                p.hints(mine);
                if (mine.size() != 1) return;
                if (column != null && !column.equals(mine.get(0).column())) return;
                column = mine.get(0).column();
                each.add(mine.get(0));
            }
            if (column == null) return;
            out.add(new IndexHint(column, ctx -> {
                java.util.Set<Object> all = new java.util.LinkedHashSet<>();
                for (IndexHint h : each) all.addAll(h.values().apply(ctx));
                return all;
            }));
        }
    }

    record Not(Cond operand) implements Cond {
        @Override public Pred bind(EvalContext ctx) {
            Pred p = operand.bind(ctx);
            return frame -> {
                int v = p.test(frame);
                return v == Pred.UNKNOWN ? Pred.UNKNOWN : 1 - v;
            };
        }
    }
}
