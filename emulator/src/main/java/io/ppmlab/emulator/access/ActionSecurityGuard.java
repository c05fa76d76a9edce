package io.ppmlab.emulator.access;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.operations.actions.ActionSecurity;
import io.ppmlab.emulator.security.AccessEvaluator;
import io.ppmlab.emulator.security.CallerReach;
import io.ppmlab.emulator.security.Decision;
import io.ppmlab.emulator.security.Explanation;
import io.ppmlab.emulator.security.Grant;
import io.ppmlab.emulator.security.Impersonation;
import io.ppmlab.emulator.security.Membership;
import io.ppmlab.emulator.security.Principal;
import io.ppmlab.emulator.security.Principals;
import io.ppmlab.emulator.security.RowSecurity;
import io.ppmlab.emulator.security.SecurityMessages;
import io.ppmlab.emulator.security.SecurityModel;
import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Answers the actions' security questions ({@link ActionSecurity}) with the same evaluator and model as every
 * CRUD check, so a share, a membership or an explanation never disagrees with what a GET or PATCH would do.
 */
public final class ActionSecurityGuard implements ActionSecurity {
    private final SecurityState state;
    private final RowFacts facts;

    public ActionSecurityGuard(Schema schema, SecurityState state) {
        this.state = state;
        this.facts = new RowFacts(schema);
    }

    @Override
    public void require(Caller caller, Row row, Privilege privilege) {
        Decision decision = AccessEvaluator.check(state.reach(caller), facts.of(row), privilege);
        if (decision instanceof Decision.Denied denied) {
            throw (denied.kind() == Decision.DenialKind.MISSING_PRIVILEGE ? ErrorCode.PRIVILEGE_DENIED : ErrorCode.ACCESS_DENIED)
                    .error(denied.message());
        }
    }

    @Override
    public Set<Privilege> rightsOfUser(UUID userId, Row row) { return rights(userReach(userId), row); }

    /**
     * A team's rights are those of a stand-in member who belongs to that team alone, holds no role of its own
     * and owns nothing: exactly the team's roles (from the team's unit), the team's rows and its shares.
     */
    @Override
    public Set<Privilege> rightsOfTeam(UUID teamId, Row row) {
        SecurityModel m = state.model();
        Principal.Team team = m.team(teamId).orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error("team", teamId));
        UUID standIn = UUID.nameUUIDFromBytes(("lab-team-member|" + teamId).getBytes(StandardCharsets.UTF_8));
        List<Principal.User> users = new ArrayList<>(m.principals().users());
        users.add(new Principal.User(standIn, team.businessUnit()));
        List<Membership> memberships = new ArrayList<>(m.principals().memberships());
        memberships.add(new Membership(teamId, standIn));
        SecurityModel withStandIn = new SecurityModel(m.version(), m.organizationId(), m.units(),
                new Principals(users, m.principals().teams(), memberships, m.principals().assignments()), m.roles().values(), m.shares());
        return rights(CallerReach.of(withStandIn, standIn), row);
    }

    @Override
    public List<RolePrivilege> privilegesOf(UUID userId) {
        CallerReach reach = userReach(userId);
        Set<RolePrivilege> out = new LinkedHashSet<>();
        for (String table : reach.tables()) {
            for (Privilege p : Privilege.values()) {
                for (Grant g : reach.privilege(table, p).grants()) {
                    out.add(new RolePrivilege(g.depth(), SecurityMessages.privilegeId(p, table), g.fromBusinessUnit(),
                            AccessEvaluator.privilegeName(p, table)));
                }
            }
        }
        for (String task : reach.taskPrivileges()) {
            out.add(new RolePrivilege(Depth.ORGANIZATION, UUID.nameUUIDFromBytes(task.getBytes(StandardCharsets.UTF_8)),
                    reach.identity().businessUnit(), task));
        }
        List<RolePrivilege> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(RolePrivilege::privilegeName).thenComparing(RolePrivilege::depth)
                .thenComparing(r -> r.businessUnitId().toString()));
        return sorted;
    }

    @Override
    public Explanation explain(Caller caller, UUID userId, Row row) {
        CallerReach reach = userId.equals(caller.userId()) ? state.reach(caller) : userReach(userId);
        return AccessEvaluator.explain(reach, facts.of(row));
    }

    /** Explaining others needs what impersonating them needs, plus reading every user: such a caller sees what they see. */
    @Override
    public boolean mayExplainOthers(Caller caller) {
        CallerReach reach = state.reach(caller);
        return Impersonation.canActOnBehalf(reach) && reach.privilege(Principal.USER_TABLE, Privilege.READ).organization() != null;
    }

    private CallerReach userReach(UUID userId) {
        if (state.model().user(userId).isEmpty()) throw ErrorCode.OBJECT_DOES_NOT_EXIST.error("systemuser", userId);
        return state.reachOf(userId);
    }

    private Set<Privilege> rights(CallerReach reach, Row row) {
        RowSecurity security = facts.of(row);
        Set<Privilege> rights = EnumSet.noneOf(Privilege.class);
        for (Privilege p : Privilege.values()) if (AccessEvaluator.allows(reach, security, p)) rights.add(p);
        return rights;
    }
}
