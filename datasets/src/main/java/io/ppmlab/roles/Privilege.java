package io.ppmlab.roles;

/**
 * The eight record privileges Dataverse defines per table, with the names the Web API and the
 * platform's messages use for them.
 */
public enum Privilege {
    CREATE("Create", "CreateAccess", 32),
    READ("Read", "ReadAccess", 1),
    WRITE("Write", "WriteAccess", 2),
    DELETE("Delete", "DeleteAccess", 65536),
    APPEND("Append", "AppendAccess", 4),
    APPEND_TO("AppendTo", "AppendToAccess", 16),
    ASSIGN("Assign", "AssignAccess", 524288),
    SHARE("Share", "ShareAccess", 262144);

    private final String operation;
    private final String accessRight;
    private final int mask;

    Privilege(String operation, String accessRight, int mask) {
        this.operation = operation;
        this.accessRight = accessRight;
        this.mask = mask;
    }

    /** The operation as it appears in privilege names: {@code prv<operation><table>}. */
    public String operation() { return operation; }

    /** The AccessRights enum member name ({@code ReadAccess}, ...) used by GrantAccess and errors. */
    public String accessRight() { return accessRight; }

    /** The AccessRights enum value. */
    public int mask() { return mask; }

    /** The privilege for an AccessRights member name such as {@code WriteAccess}. */
    public static Privilege fromAccessRight(String name) {
        for (Privilege p : values()) {
            if (p.accessRight.equalsIgnoreCase(name.trim())) return p;
        }
        throw new IllegalArgumentException("unknown access right '" + name + "'");
    }
}
