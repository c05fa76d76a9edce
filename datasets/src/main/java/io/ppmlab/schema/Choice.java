package io.ppmlab.schema;

/** One option of a choice (option set) column. */
public record Choice(int value, String label) {}
