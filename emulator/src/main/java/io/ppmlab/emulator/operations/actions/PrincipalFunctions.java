package io.ppmlab.emulator.operations.actions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.util.Map;
import java.util.Set;

/**
 * The functions bound to a principal: {@code RetrievePrincipalAccess} (a user's or a team's rights on a row;
 * the caller needs Read on both rows, as Dataverse asks prvRead of the target's table) and
 * {@code RetrieveUserPrivileges} (a user's role privileges with depth and business unit).
 */
public final class PrincipalFunctions {
    private final Store store;
    private final ActionSecurity security;
    private final ActionJson json;

    public PrincipalFunctions(Schema schema, Store store, ActionSecurity security) {
        this.store = store;
        this.security = security;
        this.json = new ActionJson(schema);
    }

    ApiResponse principalAccess(Caller caller, EntityRef principal, Map<String, String> params, String baseUrl) {
        Row principalRow = existing(principal);
        security.require(caller, principalRow, Privilege.READ);
        Row target = existing(json.aliasRow(params.get("Target"), "Target"));
        security.require(caller, target, Privilege.READ);
        Set<Privilege> rights = principal.table().equals("team")
                ? security.rightsOfTeam(principal.id(), target) : security.rightsOfUser(principal.id(), target);
        ObjectNode out = ActionJson.MAPPER.createObjectNode();
        out.put("@odata.context", baseUrl + "$metadata#Microsoft.Dynamics.CRM.RetrievePrincipalAccessResponse");
        out.put("AccessRights", AccessMasks.format(rights));
        return ApiResponse.json(200, out.toString(), Map.of());
    }

    ApiResponse userPrivileges(Caller caller, EntityRef user, String baseUrl) {
        security.require(caller, existing(user), Privilege.READ);
        ObjectNode out = ActionJson.MAPPER.createObjectNode();
        out.put("@odata.context", baseUrl + "$metadata#Microsoft.Dynamics.CRM.RetrieveUserPrivilegesResponse");
        ArrayNode list = out.putArray("RolePrivileges");
        for (ActionSecurity.RolePrivilege p : security.privilegesOf(user.id())) {
            ObjectNode entry = list.addObject();
            entry.put("Depth", p.depth().dataverseName());
            entry.put("PrivilegeId", p.privilegeId().toString());
            entry.put("BusinessUnitId", p.businessUnitId().toString());
            entry.put("PrivilegeName", p.privilegeName());
        }
        return ApiResponse.json(200, out.toString(), Map.of());
    }

    private Row existing(EntityRef ref) {
        return store.get(ref.table(), ref.id()).orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error(ref.table(), ref.id()));
    }
}
