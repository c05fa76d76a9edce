package io.ppmlab.emulator.operations.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.datasets.Ids;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.SecurityOperations;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.query.index.Children;
import io.ppmlab.emulator.query.index.IndexSource;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.Cascade;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Sharing, as rows of {@code principalobjectaccess} written through the store in one apply (so the security
 * model rebuilds before the next request): GrantAccess adds rights to the principal's share, ModifyAccess
 * sets them, RevokeAccess removes every direct share of the row with that principal. All three need Share on
 * the row, and a share never carries a right the grantor lacks on the row. Shares the product's Assigned-To
 * rule made have ids of their own; ModifyAccess and RevokeAccess replace them too, as Dataverse keeps one
 * share per principal and row.
 */
public final class SharingActions {
    static final String POA = "principalobjectaccess";

    private final Schema schema;
    private final Store store;
    private final SystemColumns system;
    private final ActionSecurity security;
    private final ActionJson json;
    private final Table poa;
    private final Children children;

    public SharingActions(Schema schema, Store store, SystemColumns system, ActionSecurity security, IndexSource indexes) {
        this.schema = schema;
        this.store = store;
        this.children = new Children(store, indexes);
        this.system = system;
        this.security = security;
        this.json = new ActionJson(schema);
        this.poa = schema.table(POA).orElseThrow(() -> new IllegalArgumentException("the schema has no " + POA));
    }

    /** The id of the share the Web API actions keep for a row and a principal. */
    public static UUID shareId(UUID rowId, UUID principalId) { return Ids.of(POA, rowId + "|" + principalId + "|shared"); }

    ApiResponse grant(Caller caller, byte[] body) { return share(caller, body, SecurityOperations.GRANT_ACCESS, false); }

    ApiResponse modify(Caller caller, byte[] body) { return share(caller, body, SecurityOperations.MODIFY_ACCESS, true); }

    private ApiResponse share(Caller caller, byte[] body, String action, boolean replace) {
        ObjectNode b = json.body(action, body);
        Row target = shareable(json.row(ActionJson.required(b, action, "Target"), "Target"));
        JsonNode access = ActionJson.required(b, action, "PrincipalAccess");
        EntityRef principal = existing(json.principal(required(access, "PrincipalAccess.Principal", "Principal"), "PrincipalAccess.Principal"));
        Set<Privilege> rights = AccessMasks.parse(access.get("AccessMask"), "PrincipalAccess.AccessMask");
        if (rights.contains(Privilege.CREATE)) {
            throw ErrorCode.BAD_REQUEST.error("CreateAccess cannot be shared: it applies to no existing row.");
        }
        if (rights.isEmpty() && !replace) throw ErrorCode.BAD_REQUEST.error("The AccessMask of " + action + " grants no right.");
        security.require(caller, target, Privilege.SHARE);
        for (Privilege p : rights) security.require(caller, target, p); // a share never exceeds the grantor's own rights

        UUID ownId = shareId(target.id(), principal.id());
        List<Row> direct = direct(target.id(), principal.id());
        Row own = direct.stream().filter(r -> r.id().equals(ownId)).findFirst().orElse(null);
        List<Mutation> changes = new ArrayList<>();
        Set<Privilege> wanted = EnumSet.noneOf(Privilege.class);
        wanted.addAll(rights);
        if (replace) {
            for (Row r : direct) if (!r.id().equals(ownId)) changes.add(new Mutation.Delete(POA, r.id()));
        } else if (own != null) {
            wanted.addAll(AccessMasks.of(mask(own)));
        }
        if (wanted.isEmpty()) {
            if (own != null) changes.add(new Mutation.Delete(POA, ownId));
        } else if (own == null) {
            changes.add(new Mutation.Put(system.forCreate(poa, ownId, shareValues(target, principal, wanted), caller)));
        } else if (mask(own) != AccessMasks.mask(wanted)) {
            changes.add(new Mutation.Put(system.forUpdate(poa, own, Map.of("accessrightsmask", AccessMasks.mask(wanted)), caller)));
        }
        if (!changes.isEmpty()) store.apply(changes);
        return ApiResponse.noContent(Map.of());
    }

    ApiResponse revoke(Caller caller, byte[] body) {
        String action = SecurityOperations.REVOKE_ACCESS;
        ObjectNode b = json.body(action, body);
        Row target = shareable(json.row(ActionJson.required(b, action, "Target"), "Target"));
        EntityRef revokee = json.principal(ActionJson.required(b, action, "Revokee"), "Revokee");
        security.require(caller, target, Privilege.SHARE);
        List<Mutation> changes = new ArrayList<>();
        for (Row r : direct(target.id(), revokee.id())) changes.add(new Mutation.Delete(POA, r.id()));
        if (!changes.isEmpty()) store.apply(changes);
        return ApiResponse.noContent(Map.of());
    }

    /**
     * Every principal the row is shared with, directly or through a parental parent (one level, as the evaluator
     * inherits), with the union of its rights. The caller needs Read on the row.
     */
    ApiResponse retrieveShared(Caller caller, Map<String, String> params, String baseUrl) {
        Row target = existingRow(json.aliasRow(params.get("Target"), "Target"));
        security.require(caller, target, Privilege.READ);
        Set<UUID> rows = new java.util.HashSet<>();
        rows.add(target.id());
        rows.addAll(parentalParents(target));
        Map<String, Set<Privilege>> byPrincipal = new TreeMap<>();
        Map<String, EntityRef> principals = new LinkedHashMap<>();
        for (Row r : children.referencing(POA, "objectid", rows)) {
            if (!(r.get("principalid") instanceof UUID principalId) || r.get("principaltypecode") == null) continue;
            EntityRef principal = new EntityRef(r.get("principaltypecode").toString(), principalId);
            String key = principal.table() + "|" + principal.id();
            principals.put(key, principal);
            Set<Privilege> rights = byPrincipal.computeIfAbsent(key, k -> EnumSet.noneOf(Privilege.class));
            rights.addAll(AccessMasks.of(mask(r)));
        }
        ObjectNode out = ActionJson.MAPPER.createObjectNode();
        out.put("@odata.context", baseUrl + "$metadata#Microsoft.Dynamics.CRM.RetrieveSharedPrincipalsAndAccessResponse");
        ArrayNode list = out.putArray("PrincipalAccesses");
        byPrincipal.forEach((key, rights) -> {
            rights.remove(Privilege.CREATE);
            if (rights.isEmpty()) return;
            EntityRef p = principals.get(key);
            ObjectNode entry = list.addObject();
            entry.put("AccessMask", AccessMasks.format(rights));
            ObjectNode principal = entry.putObject("Principal");
            principal.put("@odata.type", "#Microsoft.Dynamics.CRM." + p.table());
            principal.put("ownerid", p.id().toString());
        });
        return ApiResponse.json(200, out.toString(), Map.of());
    }

    private List<UUID> parentalParents(Row row) {
        List<UUID> out = new ArrayList<>();
        for (Relationship r : schema.parentsOf(row.table())) {
            if (r.cascade() == Cascade.PARENTAL && row.get(r.lookupColumn()) instanceof EntityRef parent) out.add(parent.id());
        }
        return out;
    }

    /** The direct shares stored for a row and a principal (the actions' own and any other, e.g. the Assigned-To rule's). */
    private List<Row> direct(UUID rowId, UUID principalId) {
        List<Row> found = new ArrayList<>();
        for (Row r : children.referencing(POA, "objectid", rowId)) if (principalId.equals(r.get("principalid"))) found.add(r);
        return found;
    }

    private Row shareable(EntityRef ref) {
        Table table = schema.table(ref.table()).orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(ref.table()));
        if (!table.userOwned()) {
            throw ErrorCode.BAD_REQUEST.error("Rows of " + table.logicalName() + " cannot be shared: the table is organization-owned.");
        }
        return existingRow(ref);
    }

    private Row existingRow(EntityRef ref) {
        return store.get(ref.table(), ref.id()).orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error(ref.table(), ref.id()));
    }

    /** Shares go to principals that exist: the security model refuses a share with an unknown principal. */
    private EntityRef existing(EntityRef principal) {
        existingRow(principal);
        return principal;
    }

    private static JsonNode required(JsonNode parent, String path, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) throw ErrorCode.BAD_REQUEST.error("The parameter '" + path + "' is required.");
        return value;
    }

    private static Map<String, Object> shareValues(Row target, EntityRef principal, Set<Privilege> rights) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("objectid", target.id());
        v.put("objecttypecode", target.table());
        v.put("principalid", principal.id());
        v.put("principaltypecode", principal.table());
        v.put("accessrightsmask", AccessMasks.mask(rights));
        v.put("inheritedaccessrightsmask", 0);
        return v;
    }

    private static int mask(Row share) { return share.get("accessrightsmask") instanceof Integer m ? m : 0; }
}
