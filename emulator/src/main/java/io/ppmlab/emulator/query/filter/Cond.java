package io.ppmlab.emulator.query.filter;

import java.util.List;

/**
 * A compiled filter condition, independent of any request (so cacheable with the parsed query): binding it to a
 * request pre-computes what depends on the caller and the clock (team ids, date ranges, hierarchy sets) once.
 */
public interface Cond {
    Pred bind(EvalContext ctx);

    /** Index hints this condition gives when it is a top-level conjunct (an equality on an indexed column). */
    default void hints(List<IndexHint> out) {}

    /** Always true: the absence of a filter. */
    Cond TRUE = new Cond() {
        @Override public Pred bind(EvalContext ctx) { return frame -> Pred.TRUE; }
    };
}
