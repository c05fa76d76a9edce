package io.ppmlab.roles;

/** Dataverse's per-role "member's privilege inheritance" setting; it only changes Basic (User) depth. */
public enum TeamInheritance {
    /** Basic privileges a team holds act as each member's own (default for roles made after May 2019). */
    DIRECT_BASIC_AND_TEAM,
    /** Members may use the team's privileges only on rows the team owns. */
    TEAM_ONLY
}
