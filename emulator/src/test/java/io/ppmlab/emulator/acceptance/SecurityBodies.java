package io.ppmlab.emulator.acceptance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Request bodies and URLs of the security actions and functions, as a Dataverse client writes them. */
final class SecurityBodies {
    private SecurityBodies() {}

    static String target(String table, UUID id) {
        return "{\"" + table + "id\":\"" + id + "\",\"@odata.type\":\"Microsoft.Dynamics.CRM." + table + "\"}";
    }

    static String principal(String table, UUID id) {
        return "{\"" + table + "id\":\"" + id + "\",\"@odata.type\":\"Microsoft.Dynamics.CRM." + table + "\"}";
    }

    /** GrantAccess / ModifyAccess body: share {@code table(id)} with a principal. */
    static String access(String table, UUID id, String principalTable, UUID principalId, String mask) {
        return "{\"Target\":" + target(table, id) + ",\"PrincipalAccess\":{\"Principal\":" + principal(principalTable, principalId)
                + ",\"AccessMask\":\"" + mask + "\"}}";
    }

    static String revoke(String table, UUID id, String principalTable, UUID principalId) {
        return "{\"Target\":" + target(table, id) + ",\"Revokee\":" + principal(principalTable, principalId) + "}";
    }

    static String members(UUID... users) {
        StringBuilder sb = new StringBuilder("{\"Members\":[");
        for (int i = 0; i < users.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(principal("systemuser", users[i]));
        }
        return sb.append("]}").toString();
    }

    /** {@code @t={'@odata.id':'<set>(<id>)'}}, percent-encoded as a client sends it. */
    static String targetAlias(String name, String entitySet, UUID id) {
        return name + "=" + URLEncoder.encode("{'@odata.id':'" + entitySet + "(" + id + ")'}", StandardCharsets.UTF_8);
    }
}
