package io.ppmlab.emulator.security;

import io.ppmlab.roles.RoleDefinition;
import io.ppmlab.schema.EntityRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An immutable snapshot of everything security depends on except the rows themselves: business units,
 * principals, role definitions, shares. A change builds a new snapshot with a higher {@link #version()},
 * which is what invalidates every cached {@link CallerReach}. Entries keep their list order; that order
 * is the tie-break when several roles or shares grant the same right.
 */
public final class SecurityModel {
    private final long version;
    private final UUID organizationId;
    private final BusinessUnitTree units;
    private final Principals principals;
    private final Map<String, RoleDefinition> roles;
    private final Map<UUID, Principal.User> users;
    private final Map<UUID, Principal.Team> teams;
    private final Map<UUID, List<Principal.Team>> teamsOfUser;
    private final Map<UUID, List<Integer>> assignmentsByPrincipal;
    /** Each principal's shares in model order; lists are never changed once built. */
    private final Map<UUID, List<OrderedShare>> sharesByPrincipal;
    private volatile List<Share> allShares;

    public SecurityModel(long version, UUID organizationId, BusinessUnitTree units, Principals principals,
                         Collection<RoleDefinition> roles, List<Share> shares) {
        this.version = version;
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.units = Objects.requireNonNull(units, "units");
        this.principals = Objects.requireNonNull(principals, "principals");
        this.roles = new LinkedHashMap<>();
        this.users = new HashMap<>();
        this.teams = new HashMap<>();
        this.teamsOfUser = new HashMap<>();
        this.assignmentsByPrincipal = new HashMap<>();
        roles.forEach(r -> this.roles.put(r.name(), r));
        for (Principal.User u : principals.users()) {
            requireUnit(u.businessUnit(), "user " + u.id());
            if (users.put(u.id(), u) != null) throw new IllegalArgumentException("duplicate user " + u.id());
        }
        for (Principal.Team t : principals.teams()) {
            requireUnit(t.businessUnit(), "team " + t.id());
            if (teams.put(t.id(), t) != null || users.containsKey(t.id())) throw new IllegalArgumentException("duplicate principal " + t.id());
        }
        for (Membership m : principals.memberships()) {
            Principal.Team team = teams.get(m.teamId());
            if (team == null || !users.containsKey(m.userId())) throw new IllegalArgumentException("membership of unknown team or user: " + m);
            List<Principal.Team> mine = teamsOfUser.computeIfAbsent(m.userId(), k -> new ArrayList<>());
            if (!mine.contains(team)) mine.add(team);
        }
        List<RoleAssignment> assignments = principals.assignments();
        for (int i = 0; i < assignments.size(); i++) {
            RoleAssignment a = assignments.get(i);
            validate(a);
            assignmentsByPrincipal.computeIfAbsent(a.principal().id(), k -> new ArrayList<>()).add(i);
        }
        Map<UUID, List<OrderedShare>> byPrincipal = new HashMap<>();
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            requirePrincipal(s);
            byPrincipal.computeIfAbsent(s.principal().id(), k -> new ArrayList<>()).add(new OrderedShare(i, s));
        }
        byPrincipal.replaceAll((k, list) -> List.copyOf(list));
        this.sharesByPrincipal = byPrincipal;
        this.allShares = List.copyOf(shares);
    }

    /** {@code base} with other shares: everything but the shares is immutable, so it is shared, not rebuilt. */
    private SecurityModel(SecurityModel base, long version, Map<UUID, List<OrderedShare>> sharesByPrincipal) {
        this.version = version;
        this.organizationId = base.organizationId;
        this.units = base.units;
        this.principals = base.principals;
        this.roles = base.roles;
        this.users = base.users;
        this.teams = base.teams;
        this.teamsOfUser = base.teamsOfUser;
        this.assignmentsByPrincipal = base.assignmentsByPrincipal;
        this.sharesByPrincipal = sharesByPrincipal;
    }

    private void requirePrincipal(Share s) {
        if (!isPrincipal(s.principal())) throw new IllegalArgumentException("share with unknown principal " + s.principal());
    }

    private void validate(RoleAssignment a) {
        if (!roles.containsKey(a.roleName())) throw new IllegalArgumentException("unknown role '" + a.roleName() + "'");
        requireUnit(a.businessUnit(), "role assignment " + a);
        if (a.principal().table().equals(Principal.USER_TABLE)) {
            if (!users.containsKey(a.principal().id())) throw new IllegalArgumentException("role for unknown user " + a);
            return;
        }
        Principal.Team team = teams.get(a.principal().id());
        if (team == null) throw new IllegalArgumentException("role for unknown team " + a);
        if (!team.type().canHoldRoles()) throw new IllegalArgumentException("an access team cannot hold roles: " + a);
        // Dataverse gives a team the role copy of the team's own unit; only users get roles from other units.
        if (!team.businessUnit().equals(a.businessUnit())) throw new IllegalArgumentException("a team's role comes from the team's unit: " + a);
    }

    private boolean isPrincipal(EntityRef ref) {
        return switch (ref.table()) {
            case Principal.USER_TABLE -> users.containsKey(ref.id());
            case Principal.TEAM_TABLE -> teams.containsKey(ref.id());
            case Principal.ORGANIZATION_TABLE -> organizationId.equals(ref.id());
            default -> false;
        };
    }

    private void requireUnit(UUID unit, String who) {
        if (!units.contains(unit)) throw new IllegalArgumentException(who + " is in unknown business unit " + unit);
    }

    public long version() { return version; }

    public UUID organizationId() { return organizationId; }

    public EntityRef organizationRef() { return new EntityRef(Principal.ORGANIZATION_TABLE, organizationId); }

    public BusinessUnitTree units() { return units; }

    public Principals principals() { return principals; }

    public Map<String, RoleDefinition> roles() { return Collections.unmodifiableMap(roles); }

    /** Every share in model order (built once per model on first use: the reference evaluator and tools ask). */
    public List<Share> shares() {
        List<Share> all = allShares;
        if (all == null) {
            List<OrderedShare> ordered = new ArrayList<>();
            sharesByPrincipal.values().forEach(ordered::addAll);
            ordered.sort(Comparator.comparingLong(OrderedShare::order));
            all = ordered.stream().map(OrderedShare::share).toList();
            allShares = all;
        }
        return all;
    }

    public Optional<Principal.User> user(UUID id) { return Optional.ofNullable(users.get(id)); }

    public Optional<Principal.Team> team(UUID id) { return Optional.ofNullable(teams.get(id)); }

    /** The teams a user is a member of, of every type. */
    public List<Principal.Team> teamsOf(UUID userId) { return List.copyOf(teamsOfUser.getOrDefault(userId, List.of())); }

    /** Positions in {@code principals().assignments()} of the roles held directly by a user or team. */
    List<Integer> assignmentPositions(UUID principalId) { return assignmentsByPrincipal.getOrDefault(principalId, List.of()); }

    /** The shares made to a user, team or the organization, in model order. */
    public List<OrderedShare> sharesOf(UUID principalId) { return sharesByPrincipal.getOrDefault(principalId, List.of()); }

    /**
     * A copy with another version number in which the given principals' shares are replaced (an empty list removes
     * them); everything else is shared with this model, so the cost is that of the changed principals, not of every
     * share (sharing changes most often). Each list must be in model order.
     */
    public SecurityModel withSharesOf(long newVersion, Map<UUID, List<OrderedShare>> replaced) {
        Map<UUID, List<OrderedShare>> next = new HashMap<>(sharesByPrincipal);
        replaced.forEach((principal, list) -> {
            list.forEach(o -> requirePrincipal(o.share()));
            if (list.isEmpty()) next.remove(principal); else next.put(principal, List.copyOf(list));
        });
        return new SecurityModel(this, newVersion, next);
    }
}
