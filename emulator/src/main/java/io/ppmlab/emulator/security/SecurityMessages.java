package io.ppmlab.emulator.security;

import io.ppmlab.roles.Privilege;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Privilege names, ids and object type codes, and the two denial texts worded as Dataverse words them
 * (clients and support scripts grep for "is missing prv" and "SecLib::AccessCheckEx").
 */
public final class SecurityMessages {
    /** The HRESULT the platform prints for an access check that fails on depth (0x80048306 as a signed int). */
    public static final int ACCESS_CHECK_HRESULT = -2147187962;

    // Platform tables keep their real codes; product tables get stable codes in the custom range (>= 10000).
    private static final Map<String, Integer> PLATFORM_CODES = Map.of(
            "systemuser", 8, "team", 9, "businessunit", 10, "systemuserroles", 15, "teammembership", 23,
            "principalobjectaccess", 42, "organization", 1019, "role", 1036, "bookableresource", 1150, "teamroles", 1203);

    private SecurityMessages() {}

    /** {@code prvReadsensei_project}: Dataverse names privileges {@code prv<Operation><entity>}. */
    public static String privilegeName(Privilege privilege, String table) { return "prv" + privilege.operation() + table; }

    /** A stable id per privilege name, so the same privilege always reports the same Id. */
    public static UUID privilegeId(Privilege privilege, String table) {
        return UUID.nameUUIDFromBytes(privilegeName(privilege, table).getBytes(StandardCharsets.UTF_8));
    }

    public static int objectTypeCode(String table) {
        Integer code = PLATFORM_CODES.get(table);
        return code != null ? code : 10000 + Math.floorMod(table.hashCode(), 10000);
    }

    /** The 0x80040220 text: the privilege check failed. */
    public static String missingPrivilege(CallerReach.Identity caller, int privilegeCount, String table, Privilege privilege) {
        return "Principal user (Id=" + caller.userId() + ", type=8, roleCount=" + caller.roleCount()
                + ", privilegeCount=" + privilegeCount + ", accessMode=0), is missing " + privilegeName(privilege, table)
                + " privilege (Id=" + privilegeId(privilege, table) + ") on OTC=" + objectTypeCode(table)
                + " for entity '" + table + "'. context.Caller=" + caller.contextCallerId();
    }

    /** The 0x80048306 text: the privilege is held but does not reach this row. */
    public static String outOfReach(CallerReach.Identity caller, RowSecurity row, Privilege privilege) {
        String ownerId = row.owner() == null ? "" : row.owner().id().toString();
        int ownerType = row.owner() == null ? 0 : objectTypeCode(row.owner().table());
        String unit = row.owningBusinessUnit() == null ? "" : row.owningBusinessUnit().toString();
        return "SecLib::AccessCheckEx failed. Returned hr = " + ACCESS_CHECK_HRESULT + ", ObjectID: " + row.rowId()
                + ", OwnerId: " + ownerId + ",  OwnerIdType: " + ownerType + " and CallingUser: " + caller.userId()
                + ". ObjectTypeCode: " + objectTypeCode(row.table()) + ", objectBusinessUnitId: " + unit
                + ", AccessRights: " + privilege.accessRight();
    }
}
