package io.ppmlab.emulator.query.filter;

import java.util.Collection;
import java.util.function.Function;

/**
 * "Every matching row has one of these values in {@code column}": what the planner can start from instead of a
 * scan. Values may depend on the request ({@code EqualUserId} needs the caller), hence the function.
 * {@code column} is the table's primary key column for id conditions. The function may answer null: no hint for
 * this request (a range too wide to list its days, say), which is not the same as an empty collection (nothing matches).
 */
public record IndexHint(String column, Function<EvalContext, Collection<?>> values) {}
