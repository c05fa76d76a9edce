package io.ppmlab.schema;

/** The entity set name Dataverse derives from a logical name when a table does not set its own. */
public final class EntitySetNames {
    private EntitySetNames() {}

    /** English plural of the last word: capacity → capacities, process → processes, project → projects. */
    public static String plural(String logicalName) {
        String n = logicalName;
        if (n.endsWith("y") && n.length() > 1 && "aeiou".indexOf(n.charAt(n.length() - 2)) < 0) {
            return n.substring(0, n.length() - 1) + "ies";
        }
        if (n.endsWith("s") || n.endsWith("x") || n.endsWith("z") || n.endsWith("ch") || n.endsWith("sh")) return n + "es";
        return n + "s";
    }
}
