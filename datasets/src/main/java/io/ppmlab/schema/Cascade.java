package io.ppmlab.schema;

/** The behaviour preset of a 1:N relationship (Dataverse CascadeConfiguration presets). */
public enum Cascade {
    /** Assign, share, unshare, reparent and delete cascade to the children. */
    PARENTAL,
    /** Nothing cascades; deleting the parent clears the children's lookup. */
    REFERENTIAL,
    /** Nothing cascades; deleting the parent is refused while children exist. */
    REFERENTIAL_RESTRICT
}
