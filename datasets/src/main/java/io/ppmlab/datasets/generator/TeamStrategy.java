package io.ppmlab.datasets.generator;

import java.util.Locale;

/** The two ways the product documents for giving headline records (portfolio, program, project) their M365 groups. */
public enum TeamStrategy {
    /** "Unique Groups": one group per headline record, its members the people of that initiative. */
    UNIQUE,
    /** "Reusable Groups" (recommended): functional groups per business unit, each owning many headline records. */
    REUSABLE;

    public static TeamStrategy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("team strategy must be unique or reusable, not '" + text + "'");
        }
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
