package io.ppmlab.emulator.product.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code sensei_SendReminder}: one {@code sensei_notification} per row, to the row's Assigned To user (else its
 * owner), naming the row. The product would send it (e-mail or Teams); the lab records it so that a run can be
 * checked row by row.
 */
final class SendReminder implements WorkflowExtension {
    static final String TABLE = "sensei_notification";

    private final Store store;
    private final SystemColumns system;
    private final Table notifications;

    SendReminder(Store store, SystemColumns system, Table notifications) {
        this.store = store;
        this.system = system;
        this.notifications = notifications;
    }

    @Override
    public String run(Run run) {
        int sent = 0;
        for (JsonNode row : run.rows()) {
            run.clock().checkpoint();
            String id = row.path(run.table() + "id").asText("");
            String name = row.path("sensei_name").asText("(no name)");
            UUID recipient = user(row.path("_sensei_assignedto_value"), ownerUser(row));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("sensei_name", truncate("Reminder: " + name, 200));
            if (recipient != null) v.put("sensei_recipient", new EntityRef("systemuser", recipient));
            v.put("sensei_scheduledprocess", new EntityRef("sensei_scheduledprocess", run.process().id()));
            v.put("sensei_regarding", truncate(run.table() + "(" + id + ")", 200));
            v.put("sensei_message", truncate(run.process().get("sensei_name") + ": " + name + " needs attention.", 4000));
            store.apply(List.of(new Mutation.Put(system.forCreate(notifications, UUID.randomUUID(), v, run.runAs()))));
            if (recipient != null) sent++;
            run.processed().incrementAndGet();
        }
        return "Sent " + sent + " reminders for " + run.rows().size() + " rows.";
    }

    private static UUID user(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            if (c.isTextual()) {
                try { return UUID.fromString(c.asText()); } catch (IllegalArgumentException ignored) { /* next candidate */ }
            }
        }
        return null;
    }

    /** The owner when it is a user (a team owner receives no personal reminder). */
    private static JsonNode ownerUser(JsonNode row) {
        String kind = row.path("_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText("");
        return kind.equals("systemuser") ? row.path("_ownerid_value") : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String truncate(String s, int max) { return s.length() <= max ? s : s.substring(0, max); }
}
