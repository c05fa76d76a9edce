package io.ppmlab.emulator.query.filter;

import io.ppmlab.schema.Row;

/**
 * A condition bound to one request, evaluated in SQL's three-valued logic. {@code frame[0]} is the row under
 * test; further slots hold lambda variables and FetchXML link-entity rows (null for an outer join's miss).
 */
@FunctionalInterface
public interface Pred {
    int TRUE = 1;
    int FALSE = 0;
    int UNKNOWN = -1;

    int test(Row[] frame);

    default boolean matches(Row[] frame) { return test(frame) == TRUE; }

    static int of(boolean b) { return b ? TRUE : FALSE; }
}
