package io.ppmlab.emulator.query.filter;

import java.util.Collection;
import java.util.function.Function;

/**
 * "Every matching row has one of these values in {@code column}": what the planner can start from instead of a
 * scan. Values may depend on the request ({@code EqualUserId} needs the caller), hence the function.
 * {@code column} is the table's primary key column for id conditions.
 */
public record IndexHint(String column, Function<EvalContext, Collection<?>> values) {}
