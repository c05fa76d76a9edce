package io.ppmlab.emulator.security;

import io.ppmlab.roles.Privilege;

import java.util.List;
import java.util.UUID;

/**
 * Dataverse's "Check access" for one user and one row: for each of the eight rights, the verdict, the
 * roles through which the user holds the privilege at all, and every reason the row is in reach.
 */
public record Explanation(UUID userId, RowSecurity row, List<Right> rights) {
    public Explanation { rights = List.copyOf(rights); }

    /**
     * @param grants  the roles (and the team they come through) holding the privilege; empty = privilege missing
     * @param reasons every passing reason, the decisive one first; empty when denied
     */
    public record Right(Privilege privilege, Decision decision, List<Grant> grants, List<Reason> reasons) {
        public Right {
            grants = List.copyOf(grants);
            reasons = List.copyOf(reasons);
        }
    }

    public Right right(Privilege privilege) {
        return rights.stream().filter(r -> r.privilege() == privilege).findFirst().orElseThrow();
    }
}
