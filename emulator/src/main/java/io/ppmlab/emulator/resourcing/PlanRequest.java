package io.ppmlab.emulator.resourcing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.payload.Guids;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of {@code sensei_SaveResourcePlan}, read with a streaming parser (a 45 resource-year daily plan is
 * ~16,000 rows, ~1 MB):
 * <pre>{@code
 * {"Target": {"@odata.id": "sensei_projects(<id>)"},          // or {"@odata.type": "Microsoft.Dynamics.CRM.sensei_proposal", "sensei_proposalid": "<id>"}
 *  "Demand": [{"ResourceId": "<bookableresourceid>", "Date": "2025-01-06", "Hours": 8},
 *             {"ResourceId": "<id>", "Date": "2025-02-01", "EndDate": "2025-02-28", "Hours": 160},  // a period row
 *             {"ResourceId": "<id>", "Date": "2025-01-07", "Hours": null}]}                           // clears that cell
 * }</pre>
 */
record PlanRequest(EntityRef target, List<Cell> cells) {
    static final Set<String> TARGETS = Set.of("sensei_project", "sensei_proposal");
    private static final JsonFactory JSON = new JsonFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern ENTITY_ID = Pattern.compile("(?:.*/)?([A-Za-z_][A-Za-z0-9_]*)\\((\\{?[0-9a-fA-F-]{36}}?)\\)$");
    private static final String ACTION = "sensei_SaveResourcePlan";

    /**
     * One demand row: hours of a resource in the period from {@code date} to {@code endDate} (both included;
     * a single day when {@code endDate} is null). {@code hours} null clears the cell.
     */
    record Cell(int index, UUID resource, LocalDate date, LocalDate endDate, BigDecimal hours) {
        LocalDate last() { return endDate == null ? date : endDate; }
    }

    static PlanRequest parse(byte[] body, Schema schema) {
        if (body.length == 0) throw bad("The request body of " + ACTION + " is empty; send {\"Target\": ..., \"Demand\": [...]}.");
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw bad("The body of " + ACTION + " must be a JSON object.");
            EntityRef target = null;
            List<Cell> cells = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "Target" -> target = target(p, schema);
                    case "Demand" -> cells = demand(p);
                    default -> {
                        if (!field.startsWith("@")) throw bad("'" + field + "' is not a parameter of " + ACTION + " (parameters: Target, Demand).");
                        p.skipChildren();
                    }
                }
            }
            if (p.nextToken() != null) throw bad("The body of " + ACTION + " has content after its JSON object.");
            if (target == null) throw bad("The parameter 'Target' of " + ACTION + " is required: the project or proposal whose plan this is.");
            if (cells == null || cells.isEmpty()) throw bad("The parameter 'Demand' of " + ACTION + " is required and must hold at least one row.");
            return new PlanRequest(target, cells);
        } catch (JsonParseException e) {
            throw bad("The body of " + ACTION + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad("The body of " + ACTION + " could not be read: " + e.getMessage());
        }
    }

    private static EntityRef target(JsonParser p, Schema schema) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw bad("The parameter 'Target' must be an entity object.");
        String odataId = null;
        String type = null;
        String key = null;
        String keyColumn = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "@odata.id" -> odataId = p.getValueAsString();
                case "@odata.type" -> type = p.getValueAsString();
                default -> {
                    if (field.endsWith("id") && p.currentToken() == JsonToken.VALUE_STRING) {
                        keyColumn = field;
                        key = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
        Table table;
        UUID id;
        if (odataId != null) {
            Matcher m = ENTITY_ID.matcher(odataId.trim());
            if (!m.matches()) throw bad("'" + odataId + "' in parameter 'Target' is not an entity reference; expected sensei_projects(<guid>).");
            table = schema.tableBySet(m.group(1)).orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(m.group(1)));
            id = guid(m.group(2), "Target");
        } else if (type != null) {
            String logical = type.replaceFirst("^#?(Microsoft\\.Dynamics\\.CRM|mscrm)\\.", "");
            String typeName = type;
            table = schema.table(logical).orElseThrow(() -> bad("The type '" + typeName + "' in parameter 'Target' is not a table of this organization."));
            if (key == null || !keyColumn.equals(table.primaryIdColumn())) throw bad("The parameter 'Target' needs its '" + table.primaryIdColumn() + "'.");
            id = guid(key, "Target." + keyColumn);
        } else {
            throw bad("The parameter 'Target' needs '@odata.id' (e.g. sensei_projects(<id>)) or '@odata.type' and its id.");
        }
        if (!TARGETS.contains(table.logicalName())) {
            throw bad("A resource plan belongs to a project or a proposal (sensei_project, sensei_proposal), not to " + table.logicalName() + ".");
        }
        return new EntityRef(table.logicalName(), id);
    }

    private static List<Cell> demand(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw bad("The parameter 'Demand' must be an array of demand rows.");
        List<Cell> cells = new ArrayList<>();
        // A plan repeats few resources, dates and hour values thousands of times: parse each text once.
        Map<String, UUID> guids = new HashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int index = cells.size();
            if (p.currentToken() != JsonToken.START_OBJECT) throw bad(at(index) + " must be an object {ResourceId, Date, EndDate, Hours}.");
            UUID resource = null;
            LocalDate date = null;
            LocalDate end = null;
            BigDecimal hours = null;
            boolean hoursGiven = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "ResourceId" -> {
                        String text = text(p, index, field);
                        resource = guids.get(text);
                        if (resource == null) {
                            resource = Guids.parse(text).orElseThrow(() -> bad("'" + text + "' in " + at(index) + ".ResourceId is not a valid GUID."));
                            guids.put(text, resource);
                        }
                    }
                    case "Date" -> date = date(dates, text(p, index, field), index, field);
                    case "EndDate" -> end = t == JsonToken.VALUE_NULL ? null : date(dates, text(p, index, field), index, field);
                    case "Hours" -> {
                        hoursGiven = true;
                        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) hours = p.getDecimalValue();
                        else if (t != JsonToken.VALUE_NULL) throw bad(at(index) + ".Hours must be a number, or null to clear the cell.");
                    }
                    default -> {
                        if (!field.startsWith("@")) throw bad("'" + field + "' in " + at(index) + " is not a demand row property (ResourceId, Date, EndDate, Hours).");
                        p.skipChildren();
                    }
                }
            }
            if (resource == null) throw bad(at(index) + " needs 'ResourceId' (a bookableresourceid).");
            if (date == null) throw bad(at(index) + " needs 'Date' (the first day of the period, yyyy-MM-dd).");
            if (!hoursGiven) throw bad(at(index) + " needs 'Hours' (a number, or null to clear the cell).");
            if (end != null && end.isBefore(date)) throw bad(at(index) + " ends (" + end + ") before it starts (" + date + ").");
            cells.add(new Cell(index, resource, date, end, hours));
        }
        return cells;
    }

    private static String text(JsonParser p, int index, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) throw bad(at(index) + "." + field + " must be a string.");
        return p.getText();
    }

    private static LocalDate date(Map<String, LocalDate> parsed, String text, int index, String field) {
        LocalDate d = parsed.get(text);
        if (d != null) return d;
        try {
            d = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(at(index) + "." + field + " '" + text + "' is not a date (yyyy-MM-dd).");
        }
        parsed.put(text, d);
        return d;
    }

    private static UUID guid(String text, String where) {
        return Guids.parse(text).orElseThrow(() -> bad("'" + text + "' in " + where + " is not a valid GUID."));
    }

    static String at(int index) { return "Demand[" + index + "]"; }

    private static RuntimeException bad(String message) { return ErrorCode.BAD_REQUEST.error(message); }
}
