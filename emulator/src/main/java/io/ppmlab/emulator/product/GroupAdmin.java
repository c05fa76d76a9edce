package io.ppmlab.emulator.product;

import io.ppmlab.datasets.ShippedRoles;
import io.ppmlab.emulator.access.SecurityState;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.security.Principal;
import io.ppmlab.emulator.security.RoleAssignment;
import io.ppmlab.emulator.security.SecurityModel;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The lab's group administration, behind {@code /lab/groups}: change an Entra group's members, look at a
 * group next to its team, force a sync. Only holders of the Admin User role (directly or through a team).
 */
public final class GroupAdmin {
    /** Team types whose members come from an Entra group: security group (2) and Microsoft 365 group (3). */
    private static final Set<Integer> GROUP_TEAM_TYPES = Set.of(2, 3);

    /** A change to a group's members (UPNs). */
    public record Change(List<String> add, List<String> remove) {
        public Change {
            add = List.copyOf(add);
            remove = List.copyOf(remove);
        }
    }

    /** A group next to its team: members on each side and what the next sync will change. */
    public record GroupState(UUID teamId, String name, List<String> group, List<String> team,
                             List<String> pendingAdd, List<String> pendingRemove) {}

    private final Store store;
    private final SecurityState security;
    private final GroupDirectory directory;
    private final GroupSync sync;

    public GroupAdmin(Store store, SecurityState security, GroupDirectory directory, GroupSync sync) {
        this.store = store;
        this.security = security;
        this.directory = directory;
        this.sync = sync;
    }

    public GroupState change(Caller caller, UUID teamId, Change change) {
        requireAdmin(caller);
        Row team = groupTeam(teamId);
        Map<String, UUID> users = sync.usersByUpn();
        for (String upn : change.add()) {
            if (!users.containsKey(GroupDirectory.normalise(upn))) {
                throw ErrorCode.BAD_REQUEST.error("No user with user principal name '" + upn + "' exists in this organization.");
            }
        }
        directory.change(teamId, sync.teamMembers(teamId), change.add(), change.remove());
        return state(team);
    }

    public GroupState show(Caller caller, UUID teamId) {
        requireAdmin(caller);
        return state(groupTeam(teamId));
    }

    public GroupSync.Result syncNow(Caller caller) {
        requireAdmin(caller);
        return sync.syncAll(Optional.of(caller.userId()));
    }

    private GroupState state(Row team) {
        List<String> members = sync.teamMembers(team.id());
        List<String> group = new ArrayList<>(directory.members(team.id()).orElse(new TreeSet<>(members)));
        Set<String> add = new TreeSet<>(group);
        members.forEach(add::remove);
        Set<String> remove = new TreeSet<>(members);
        group.forEach(remove::remove);
        return new GroupState(team.id(), String.valueOf(team.get("name")), group, members, List.copyOf(add), List.copyOf(remove));
    }

    private Row groupTeam(UUID teamId) {
        Row team = store.get("team", teamId).orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error("team", teamId));
        if (!(team.get("teamtype") instanceof Integer type) || !GROUP_TEAM_TYPES.contains(type)) {
            throw ErrorCode.BAD_REQUEST.error("Team " + teamId + " is not a Microsoft Entra ID group team (teamtype 2 or 3); its members are managed in Dataverse.");
        }
        return team;
    }

    /** Refuses (403) a caller without the Admin User role, directly or through a team: the lab's admin routes use it. */
    public void requireAdmin(Caller caller) {
        SecurityModel model = security.model();
        Set<EntityRef> principals = new HashSet<>();
        principals.add(new EntityRef(Principal.USER_TABLE, caller.userId()));
        model.teamsOf(caller.userId()).forEach(t -> principals.add(t.ref()));
        for (RoleAssignment a : model.principals().assignments()) {
            if (a.roleName().equals(ShippedRoles.ADMIN_USER) && principals.contains(a.principal())) return;
        }
        throw ErrorCode.PRIVILEGE_DENIED.error("Principal user (Id=" + caller.userId() + ") does not hold the "
                + ShippedRoles.ADMIN_USER + " role, which the lab's administration routes require.");
    }
}
