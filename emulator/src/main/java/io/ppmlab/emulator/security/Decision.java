package io.ppmlab.emulator.security;

import java.util.Objects;

/** The outcome of one access check: allowed with the first reason found, or denied with a Dataverse-shaped message. */
public sealed interface Decision {
    boolean allowed();

    record Allowed(Reason reason) implements Decision {
        public Allowed { Objects.requireNonNull(reason, "reason"); }

        public boolean allowed() { return true; }
    }

    record Denied(DenialKind kind, String message) implements Decision {
        public boolean allowed() { return false; }
    }

    /** Which of Dataverse's two checks failed. */
    enum DenialKind {
        /** No role of the caller or its teams holds the privilege at any depth: 0x80040220 PrivilegeDenied. */
        MISSING_PRIVILEGE,
        /** The privilege is held but no owner, depth or share covers this row: 0x80048306. */
        OUT_OF_REACH
    }
}
