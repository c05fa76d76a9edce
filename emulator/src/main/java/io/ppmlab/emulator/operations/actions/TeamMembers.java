package io.ppmlab.emulator.operations.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.datasets.Ids;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Direct team membership: {@code AddMembersTeam}/{@code RemoveMembersTeam} and associate/disassociate through
 * {@code teammembership_association/$ref}, as {@code teammembership} rows written in one apply (the security
 * model sees them on the next request). The caller needs Write on the team. Entra ID group teams take their
 * members from the group and a business unit's default team from the unit, so both refuse direct changes.
 */
public final class TeamMembers {
    private static final String MEMBERSHIP = "teammembership";
    private static final int OWNER_TEAM = 0;
    private static final int ACCESS_TEAM = 1;

    private final Store store;
    private final SystemColumns system;
    private final ActionSecurity security;
    private final ActionJson json;
    private final Table membership;

    public TeamMembers(Schema schema, Store store, SystemColumns system, ActionSecurity security) {
        this.store = store;
        this.system = system;
        this.security = security;
        this.json = new ActionJson(schema);
        this.membership = schema.table(MEMBERSHIP).orElseThrow(() -> new IllegalArgumentException("the schema has no " + MEMBERSHIP));
    }

    ApiResponse add(Caller caller, UUID teamId, String action, byte[] body) { return change(caller, teamId, members(action, body), true); }

    ApiResponse remove(Caller caller, UUID teamId, String action, byte[] body) { return change(caller, teamId, members(action, body), false); }

    /** {@code POST teams(<id>)/teammembership_association/$ref} or the same from the user's side. */
    ApiResponse associate(Caller caller, EntityRef from, EntityRef other) {
        return change(caller, teamOf(from, other), List.of(userOf(from, other)), true);
    }

    /** {@code DELETE teams(<id>)/teammembership_association(<userId>)/$ref} or the same from the user's side. */
    ApiResponse disassociate(Caller caller, EntityRef from, EntityRef other) {
        return change(caller, teamOf(from, other), List.of(userOf(from, other)), false);
    }

    private ApiResponse change(Caller caller, UUID teamId, List<UUID> users, boolean add) {
        Row team = store.get("team", teamId).orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error("team", teamId));
        security.require(caller, team, Privilege.WRITE);
        requireManaged(team);
        for (UUID user : users) {
            if (store.get("systemuser", user).isEmpty()) throw ErrorCode.OBJECT_DOES_NOT_EXIST.error("systemuser", user);
        }
        Map<UUID, List<UUID>> current = currentMembers(teamId);
        List<Mutation> changes = new ArrayList<>();
        for (UUID user : new LinkedHashSet<>(users)) {
            List<UUID> rows = current.getOrDefault(user, List.of());
            if (add && rows.isEmpty()) {
                UUID id = Ids.of(MEMBERSHIP, teamId + "|" + user);
                Map<String, Object> values = Map.of("systemuserid", new EntityRef("systemuser", user), "teamid", new EntityRef("team", teamId));
                changes.add(new Mutation.Put(system.forCreate(membership, id, values, caller)));
            } else if (!add) {
                rows.forEach(id -> changes.add(new Mutation.Delete(MEMBERSHIP, id)));
            }
        }
        if (!changes.isEmpty()) store.apply(changes);
        return ApiResponse.noContent(Map.of());
    }

    private static void requireManaged(Row team) {
        int type = team.get("teamtype") instanceof Integer t ? t : OWNER_TEAM;
        if (Boolean.TRUE.equals(team.get("isdefault"))) {
            throw ErrorCode.TEAM_MEMBERS_NOT_EDITABLE.error(team.id(), "it is its business unit's default team, whose members are the unit's users.");
        }
        if (type != OWNER_TEAM && type != ACCESS_TEAM) {
            throw ErrorCode.TEAM_MEMBERS_NOT_EDITABLE.error(team.id(), "it is a Microsoft Entra ID group team; its members come from the group.");
        }
    }

    /** User → the ids of the membership rows that put the user in the team. */
    private Map<UUID, List<UUID>> currentMembers(UUID teamId) {
        Map<UUID, List<UUID>> members = new HashMap<>();
        store.scan(MEMBERSHIP, m -> {
            EntityRef team = m.ref("teamid");
            EntityRef user = m.ref("systemuserid");
            if (team != null && user != null && team.id().equals(teamId)) members.computeIfAbsent(user.id(), k -> new ArrayList<>()).add(m.id());
        });
        return members;
    }

    private List<UUID> members(String action, byte[] body) {
        ObjectNode b = json.body(action, body);
        JsonNode list = ActionJson.required(b, action, "Members");
        if (!list.isArray()) throw ErrorCode.BAD_REQUEST.error("The parameter 'Members' of " + action + " must be an array of systemusers.");
        List<UUID> users = new ArrayList<>();
        for (JsonNode m : list) {
            EntityRef user = json.principal(m, "Members");
            if (!user.table().equals("systemuser")) throw ErrorCode.BAD_REQUEST.error("Only users can be members of a team, not " + user.table() + ".");
            users.add(user.id());
        }
        return users;
    }

    /** The two ends of the association are a team and a user, in either order (the router checks the tables). */
    private static UUID teamOf(EntityRef from, EntityRef other) { return (from.table().equals("team") ? from : other).id(); }

    private static UUID userOf(EntityRef from, EntityRef other) { return (from.table().equals("systemuser") ? from : other).id(); }
}
