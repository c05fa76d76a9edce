package io.ppmlab.datasets.generator;

import io.ppmlab.schema.Row;

/**
 * Where a generator streams its rows, in load order (a row's non-system lookups point at rows given
 * before it). Rows arrive one at a time so that no one holds millions of them in memory.
 */
public interface RowSink {
    void accept(Row row);

    /** A new phase starts (a group of tables); {@code expectedRows} is exact except where noted by the generator. */
    default void phase(String name, long expectedRows) {}

    /** No more rows. */
    default void finish() {}

    /** A sink that passes every call on to {@code next} after this one. */
    default RowSink then(RowSink next) {
        RowSink first = this;
        return new RowSink() {
            @Override public void accept(Row row) { first.accept(row); next.accept(row); }
            @Override public void phase(String name, long expectedRows) { first.phase(name, expectedRows); next.phase(name, expectedRows); }
            @Override public void finish() { first.finish(); next.finish(); }
        };
    }
}
