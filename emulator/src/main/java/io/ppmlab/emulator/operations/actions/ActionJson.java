package io.ppmlab.emulator.operations.actions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.payload.Guids;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads operation parameters: JSON action bodies (strict, as row bodies are) and the entity references
 * Dataverse passes in them ({@code {"accountid":"<id>","@odata.type":"Microsoft.Dynamics.CRM.account"}} or
 * {@code {"@odata.id":"accounts(<id>)"}}) and in function parameter aliases ({@code {'@odata.id':'accounts(<id>)'}},
 * single quotes allowed as Dataverse allows them in URLs).
 */
final class ActionJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper URL_MAPPER = MAPPER.copy().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES);
    private static final Pattern ENTITY_ID = Pattern.compile("(?:.*/)?([A-Za-z_][A-Za-z0-9_]*)\\((\\{?[0-9a-fA-F-]{36}}?)\\)$");
    private static final List<String> PRINCIPAL_TABLES = List.of("systemuser", "team", "organization");
    private static final List<String> TYPE_PREFIXES = List.of("#Microsoft.Dynamics.CRM.", "Microsoft.Dynamics.CRM.", "#mscrm.", "mscrm.");

    private final Schema schema;

    ActionJson(Schema schema) { this.schema = schema; }

    /** An action's body: a JSON object. */
    ObjectNode body(String action, byte[] body) {
        if (body.length == 0) throw ErrorCode.BAD_REQUEST.error("The request body of " + action + " is empty; its parameters are sent as a JSON object.");
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ErrorCode.BAD_REQUEST.error("The body of " + action + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ErrorCode.BAD_REQUEST.error("The body of " + action + " could not be read: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) throw ErrorCode.BAD_REQUEST.error("The body of " + action + " must be a JSON object.");
        return object;
    }

    /** A required parameter of an action body. */
    static JsonNode required(ObjectNode body, String action, String parameter) {
        JsonNode value = body.get(parameter);
        if (value == null || value.isNull()) throw missing(action, parameter);
        return value;
    }

    /** A row named by an entity object: {@code @odata.type} plus its primary key, or {@code @odata.id}. */
    EntityRef row(JsonNode node, String parameter) {
        if (!node.isObject()) throw ErrorCode.BAD_REQUEST.error("The parameter '" + parameter + "' must be an entity object.");
        if (node.hasNonNull("@odata.id")) return fromId(node.get("@odata.id").asText(), parameter);
        Table table = typeOf(node, parameter).orElseThrow(() -> ErrorCode.BAD_REQUEST.error(
                "The parameter '" + parameter + "' needs '@odata.type' (e.g. Microsoft.Dynamics.CRM.sensei_project) or '@odata.id'."));
        return new EntityRef(table.logicalName(), key(node, table.primaryIdColumn(), parameter));
    }

    /** A user, team or the organization: typed by {@code @odata.type}, or recognised by its key column. */
    EntityRef principal(JsonNode node, String parameter) {
        if (!node.isObject()) throw ErrorCode.BAD_REQUEST.error("The parameter '" + parameter + "' must be a principal object.");
        Optional<Table> typed = typeOf(node, parameter);
        if (typed.isPresent()) {
            String table = typed.get().logicalName();
            if (!PRINCIPAL_TABLES.contains(table)) throw ErrorCode.BAD_REQUEST.error("The parameter '" + parameter
                    + "' must be a systemuser, team or organization, not " + table + ".");
            String column = node.has(table + "id") ? table + "id" : "ownerid";
            return new EntityRef(table, key(node, column, parameter));
        }
        for (String table : PRINCIPAL_TABLES) {
            if (node.has(table + "id")) return new EntityRef(table, key(node, table + "id", parameter));
        }
        throw ErrorCode.BAD_REQUEST.error("The parameter '" + parameter + "' needs '@odata.type' and the principal's id "
                + "(systemuserid, teamid or organizationid).");
    }

    /** A function parameter given through an alias: {@code {'@odata.id':'sensei_projects(<id>)'}}. */
    EntityRef aliasRow(String value, String parameter) {
        if (value == null) throw ErrorCode.BAD_REQUEST.error("The parameter '" + parameter + "' is required.");
        String text = value.trim();
        if (!text.startsWith("{")) return fromId(text.startsWith("'") && text.endsWith("'") ? text.substring(1, text.length() - 1) : text, parameter);
        try {
            return row(URL_MAPPER.readTree(text), parameter);
        } catch (JsonProcessingException e) {
            throw ErrorCode.BAD_REQUEST.error("The value of parameter '" + parameter + "' is not an entity reference: " + e.getOriginalMessage());
        }
    }

    /** A user given as a bare GUID or as an entity reference. */
    UUID aliasUser(String value, String parameter) {
        Optional<UUID> bare = value == null ? Optional.empty() : Guids.parse(value.replace("'", ""));
        if (bare.isPresent()) return bare.get();
        EntityRef ref = aliasRow(value, parameter);
        if (!ref.table().equals("systemuser")) throw ErrorCode.BAD_REQUEST.error("The parameter '" + parameter + "' must be a systemuser.");
        return ref.id();
    }

    private EntityRef fromId(String text, String parameter) {
        Matcher m = ENTITY_ID.matcher(text.trim());
        if (!m.matches()) throw ErrorCode.BAD_REQUEST.error("'" + text + "' in parameter '" + parameter
                + "' is not an entity reference; expected <entityset>(<guid>).");
        Table table = schema.tableBySet(m.group(1)).orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(m.group(1)));
        UUID id = Guids.parse(m.group(2)).orElseThrow(() -> ErrorCode.BAD_REQUEST.error("'" + m.group(2) + "' is not a valid GUID."));
        return new EntityRef(table.logicalName(), id);
    }

    private Optional<Table> typeOf(JsonNode node, String parameter) {
        JsonNode type = node.get("@odata.type");
        if (type == null || type.isNull()) return Optional.empty();
        String name = type.asText();
        for (String prefix : TYPE_PREFIXES) {
            if (name.startsWith(prefix)) {
                String logical = name.substring(prefix.length());
                return Optional.of(schema.table(logical).orElseThrow(() -> ErrorCode.BAD_REQUEST.error(
                        "The type '" + name + "' in parameter '" + parameter + "' is not a table of this organization.")));
            }
        }
        throw ErrorCode.BAD_REQUEST.error("The type '" + name + "' in parameter '" + parameter + "' is not a Microsoft.Dynamics.CRM type.");
    }

    private static UUID key(JsonNode node, String column, String parameter) {
        JsonNode id = node.get(column);
        if (id == null || id.isNull()) throw ErrorCode.BAD_REQUEST.error("The parameter '" + parameter + "' needs its '" + column + "'.");
        return Guids.parse(id.asText()).orElseThrow(() -> ErrorCode.BAD_REQUEST.error(
                "'" + id.asText() + "' in '" + parameter + "." + column + "' is not a valid GUID."));
    }

    private static RuntimeException missing(String action, String parameter) {
        return ErrorCode.BAD_REQUEST.error("The parameter '" + parameter + "' of " + action + " is required.");
    }
}
