package io.ppmlab.roles;

/**
 * How far a role's privilege reaches, narrowest first; declaration order is the ordering a union of
 * roles maximises over ("the broadest depth wins").
 */
public enum Depth {
    NONE("None"),
    /** Basic: rows owned by the user or the user's teams, plus shares. */
    USER("Basic"),
    /** Local: every row of the business unit the role comes from. */
    BUSINESS_UNIT("Local"),
    /** Deep: that business unit and every unit below it. */
    PARENT_CHILD("Deep"),
    /** Global: every row. */
    ORGANIZATION("Global");

    private final String dataverseName;

    Depth(String dataverseName) { this.dataverseName = dataverseName; }

    /** The name RetrieveUserPrivileges reports ({@code Basic}, {@code Local}, {@code Deep}, {@code Global}). */
    public String dataverseName() { return dataverseName; }

    public Depth max(Depth other) { return compareTo(other) >= 0 ? this : other; }

    public Depth min(Depth other) { return compareTo(other) <= 0 ? this : other; }
}
