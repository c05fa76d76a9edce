package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one privilege on one table reaches for one caller, compiled from its grants so that a row check
 * is a few hash lookups: owners whose rows count, units in reach (each mapped to the first grant that
 * reaches it), and the first Organization grant if any.
 *
 * @param grants        every grant of the privilege, in model order; empty means the privilege is missing
 * @param ownerIds      the user (unless only team-only roles grant it) and the teams whose rows count
 * @param businessUnits units in reach by Local or Deep depth → the first grant reaching each
 * @param organization  the first Organization grant, or null
 */
public record PrivilegeReach(List<Grant> grants, Set<UUID> ownerIds, Map<UUID, Grant> businessUnits, Grant organization) {
    public static final PrivilegeReach NOT_HELD = new PrivilegeReach(List.of(), Set.of(), Map.of(), null);

    public boolean held() { return !grants.isEmpty(); }

    public Depth maxDepth() {
        return grants.stream().map(Grant::depth).reduce(Depth.NONE, Depth::max);
    }

    /**
     * @param owningTeams the caller's teams that can own rows (so count for Basic depth)
     */
    static PrivilegeReach compile(List<Grant> grants, UUID userId, List<UUID> owningTeams, BusinessUnitTree units) {
        if (grants.isEmpty()) return NOT_HELD;
        Set<UUID> owners = new HashSet<>();
        Map<UUID, Grant> reach = new HashMap<>();
        Grant organization = null;
        for (Grant g : grants) {
            if (g.teamOnly()) {
                owners.add(g.via().id());
            } else {
                owners.add(userId);
                owners.addAll(owningTeams);
            }
            switch (g.depth()) {
                case NONE, USER -> { }
                case BUSINESS_UNIT -> reach.putIfAbsent(g.fromBusinessUnit(), g);
                case PARENT_CHILD -> units.subtree(g.fromBusinessUnit()).forEach(u -> reach.putIfAbsent(u, g));
                case ORGANIZATION -> { if (organization == null) organization = g; }
            }
        }
        return new PrivilegeReach(List.copyOf(grants), Collections.unmodifiableSet(owners),
                Collections.unmodifiableMap(reach), organization);
    }
}
