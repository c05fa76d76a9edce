package io.ppmlab.schema;

/** How a table's rows are owned; fixed when the table is created. */
public enum Ownership { USER_OR_TEAM, ORGANIZATION }
