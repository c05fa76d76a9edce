package io.ppmlab.emulator.operations.actions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.security.Decision;
import io.ppmlab.emulator.security.Explanation;
import io.ppmlab.emulator.security.Grant;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab's "why can I see this?": {@code GET lab_Explain(Target=@t[,User=@u])} answers, for each of the eight
 * rights, the decision and its reason chain (owner, team ownership, role depth from a business unit, share or
 * inherited share, or which of the two checks failed), with the name of every user, team and business unit
 * next to its id. Anyone may explain themselves; explaining someone else needs what impersonating them needs
 * (see {@link ActionSecurity#mayExplainOthers}), since such a caller can already see whatever they see.
 */
public final class ExplainFunction {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Tables whose rows reasons mention, and the column holding each one's name. */
    private static final List<String[]> NAMED = List.of(new String[]{"team", "name"}, new String[]{"businessunit", "name"},
            new String[]{"systemuser", "fullname"}, new String[]{"organization", "name"});

    private final Schema schema;
    private final Store store;
    private final ActionSecurity security;
    private final ActionJson json;

    public ExplainFunction(Schema schema, Store store, ActionSecurity security) {
        this.schema = schema;
        this.store = store;
        this.security = security;
        this.json = new ActionJson(schema);
    }

    ApiResponse explain(Caller caller, Map<String, String> params, String baseUrl) {
        EntityRef ref = json.aliasRow(params.get("Target"), "Target");
        Row target = store.get(ref.table(), ref.id()).orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error(ref.table(), ref.id()));
        UUID user = params.containsKey("User") ? json.aliasUser(params.get("User"), "User") : caller.userId();
        if (store.get("systemuser", user).isEmpty()) throw ErrorCode.OBJECT_DOES_NOT_EXIST.error("systemuser", user);
        if (!user.equals(caller.userId()) && !security.mayExplainOthers(caller)) {
            throw ErrorCode.PRIVILEGE_DENIED.error("Principal user (Id=" + caller.userId() + ") may explain only its own access: "
                    + "explaining user " + user + " needs prvActOnBehalfOfAnotherUser and Organization-level prvReadsystemuser.");
        }
        Explanation explanation = security.explain(caller, user, target);
        // Self-explanation of a row the caller cannot read tells the caller its own rights and nothing of the row:
        // no name, owner, business unit or parents, and no reason or message that names them.
        boolean withheld = user.equals(caller.userId()) && !explanation.right(Privilege.READ).decision().allowed();
        Names names = new Names();
        ObjectNode out = ActionJson.MAPPER.createObjectNode();
        out.put("@odata.context", baseUrl + "$metadata#Microsoft.Dynamics.CRM.lab_ExplainResponse");
        out.put("UserId", user.toString());
        out.put("User", names.annotate(user.toString()));
        ObjectNode t = out.putObject("Target");
        if (withheld) {
            t.put("@odata.id", baseUrl + schema.table(target.table()).orElseThrow().entitySetName() + "(" + target.id() + ")");
            t.put("Withheld", WITHHELD);
        } else {
            writeTarget(t, target, explanation, names, baseUrl);
        }
        ArrayNode rights = out.putArray("Rights");
        for (Explanation.Right right : explanation.rights()) {
            ObjectNode r = rights.addObject();
            writeRight(r, right, target.table(), names);
            if (withheld) withhold(r, right);
        }
        return ApiResponse.json(200, out.toString(), Map.of());
    }

    private static final String WITHHELD = "the user cannot read this row, so its content, owner, business unit and the reasons that name them are withheld";

    /** Keeps the verdict, the failed check, its error code and the user's own roles; drops whatever describes the row. */
    private static void withhold(ObjectNode r, Explanation.Right right) {
        r.putArray("Reasons");
        if (right.decision().allowed()) {
            r.put("Decision", "allowed (" + WITHHELD + ")");
        } else if (((Decision.Denied) right.decision()).kind() == Decision.DenialKind.OUT_OF_REACH) {
            r.put("Message", "The access check failed (" + WITHHELD + ").");
        }
    }

    /** The row and the facts every decision rests on: owner, owning business unit, parents it inherits shares from. */
    private void writeTarget(ObjectNode t, Row target, Explanation explanation, Names names, String baseUrl) {
        Table table = schema.table(target.table()).orElseThrow();
        t.put("@odata.id", baseUrl + table.entitySetName() + "(" + target.id() + ")");
        Object name = table.primaryNameColumn() == null ? null : target.get(table.primaryNameColumn());
        if (name != null) t.put("Name", name.toString());
        EntityRef owner = explanation.row().owner();
        t.put("Owner", owner == null ? null : names.annotate(owner.table() + " " + owner.id()));
        UUID unit = explanation.row().owningBusinessUnit();
        t.put("OwningBusinessUnit", unit == null ? null : names.annotate(unit.toString()));
        ArrayNode parents = t.putArray("InheritsSharesFrom");
        explanation.row().parents().forEach(p -> parents.add(p.table() + " " + p.id()));
    }

    /** One right: the verdict and its decisive reason, or the failed check with Dataverse's error; then every reason and role. */
    private static void writeRight(ObjectNode r, Explanation.Right right, String table, Names names) {
        String privilege = right.privilege().operation();
        String privilegeName = "prv" + privilege + table;
        r.put("Privilege", privilege);
        r.put("AccessRight", right.privilege().accessRight());
        r.put("Allowed", right.decision().allowed());
        if (right.decision() instanceof Decision.Allowed allowed) {
            r.put("Decision", names.annotate(allowed.reason().describe()));
        } else {
            Decision.Denied denied = (Decision.Denied) right.decision();
            boolean missing = denied.kind() == Decision.DenialKind.MISSING_PRIVILEGE;
            r.put("Decision", missing
                    ? "denied by the privilege check: no role of the user or of the user's teams grants " + privilegeName
                    : "denied by the access check: " + privilegeName + " is held, but no ownership, depth or share reaches this row");
            r.put("FailedCheck", missing ? "PrivilegeCheck" : "AccessCheck");
            r.put("ErrorCode", (missing ? ErrorCode.PRIVILEGE_DENIED : ErrorCode.ACCESS_DENIED).code());
            r.put("Message", denied.message());
        }
        ArrayNode reasons = r.putArray("Reasons");
        right.reasons().forEach(reason -> reasons.add(names.annotate(reason.describe())));
        ArrayNode roles = r.putArray("Roles");
        right.grants().forEach(g -> roles.add(names.annotate(describe(g))));
    }

    private static String describe(Grant g) {
        return "role '" + g.roleName() + "' at " + g.depth().dataverseName() + " depth from business unit " + g.fromBusinessUnit()
                + ", held by " + g.via().table() + " " + g.via().id() + (g.teamOnly() ? " (team privileges only)" : "");
    }

    /** Puts the name of each user, team and business unit after its id, looking each id up once per request. */
    private final class Names {
        private final Map<UUID, Optional<String>> known = new HashMap<>();

        String annotate(String text) {
            Matcher m = GUID.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                UUID id = UUID.fromString(m.group());
                String replacement = nameOf(id).map(n -> m.group() + " (" + n + ")").orElse(m.group());
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        private Optional<String> nameOf(UUID id) {
            return known.computeIfAbsent(id, k -> {
                for (String[] named : NAMED) {
                    Optional<Row> row = store.get(named[0], k);
                    if (row.isPresent() && row.get().get(named[1]) != null) return Optional.of(row.get().get(named[1]).toString());
                }
                return Optional.empty();
            });
        }
    }
}
