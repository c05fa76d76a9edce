package io.ppmlab.emulator.security;

/** Dataverse team types. Only access teams can neither own rows nor hold roles; they only receive shares. */
public enum TeamType {
    OWNER, AAD_SECURITY, AAD_OFFICE, ACCESS;

    public boolean canOwnRows() { return this != ACCESS; }

    public boolean canHoldRoles() { return this != ACCESS; }
}
