package io.ppmlab.emulator.query.exec;

import java.util.UUID;

/** The position after the last row of a page: its order keys and id. Rows strictly after it make the next page. */
public record Cursor(Object[] keys, UUID id) {}
