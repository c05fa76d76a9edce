package io.ppmlab.harness.limits;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A limit's verdict. Only {@link #PASS} says the limit holds; {@link #NOT_EMULATED} (the emulator does not implement
 * what the limit is about yet) and {@link #NOT_MEASURED} (this suite's organisation is too small to test it, e.g. 120
 * projects in smoke) are never passes, and the table says which.
 */
public enum Verdict {
    PASS("pass"), FAIL("fail"), NOT_EMULATED("not-emulated"), NOT_MEASURED("not-measured");

    private final String label;

    Verdict(String label) { this.label = label; }

    @JsonValue
    public String label() { return label; }
}
