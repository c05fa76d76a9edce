package io.ppmlab.emulator.security;

import java.util.List;

/** Users, teams, who is in which team, and who holds which role: the directory half of a {@link SecurityModel}. */
public record Principals(List<Principal.User> users, List<Principal.Team> teams, List<Membership> memberships,
                         List<RoleAssignment> assignments) {
    public Principals {
        users = List.copyOf(users);
        teams = List.copyOf(teams);
        memberships = List.copyOf(memberships);
        assignments = List.copyOf(assignments);
    }
}
