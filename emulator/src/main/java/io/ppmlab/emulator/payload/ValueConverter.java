package io.ppmlab.emulator.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Converts one JSON value to the Java value a column holds, or fails with a Dataverse-shaped 400. */
final class ValueConverter {
    private ValueConverter() {}

    static Object convert(Table table, Column column, JsonNode node) {
        if (node == null || node.isNull()) return null;
        return ColumnRanges.check(table, column, parse(table, column, node));
    }

    private static Object parse(Table table, Column column, JsonNode node) {
        return switch (column.type()) {
            case STRING, MEMO -> text(table, column, node);
            case INT -> intValue(table, column, node);
            case CHOICE -> choice(table, column, node);
            case BIGINT -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong()) throw wrong(table, node, "Edm.Int64");
                yield node.longValue();
            }
            case DECIMAL, MONEY -> {
                if (!node.isNumber()) throw wrong(table, node, "Edm.Decimal");
                BigDecimal d = node.decimalValue();
                // out-of-range values are refused by ColumnRanges before any digits are expanded
                if (d.scale() < 0 && d.precision() - d.scale() > 40) yield d;
                yield d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d;
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) throw wrong(table, node, "Edm.Boolean");
                yield node.booleanValue();
            }
            case DATETIME -> dateTime(table, node);
            case DATEONLY -> dateOnly(table, node);
            case UNIQUEIDENTIFIER -> guid(table, node);
            case LOOKUP -> throw ErrorCode.BAD_BIND.error(table.logicalName(),
                    "A lookup is set with '" + column.name() + "@odata.bind', not with a plain value.");
        };
    }

    private static String text(Table table, Column column, JsonNode node) {
        if (!node.isTextual()) throw wrong(table, node, "Edm.String");
        String s = node.textValue();
        if (column.maxLength() > 0 && s.length() > column.maxLength()) {
            throw ErrorCode.VALUE_TOO_LONG.error(column.name(), table.logicalName(), column.maxLength());
        }
        return s;
    }

    private static Integer intValue(Table table, Column column, JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) throw wrong(table, node, "Edm.Int32");
        return node.intValue();
    }

    private static Integer choice(Table table, Column column, JsonNode node) {
        Integer value = intValue(table, column, node);
        if (!column.choices().isEmpty() && column.label(value).isEmpty()) {
            throw ErrorCode.INVALID_CHOICE.error(column.name(), value, table.logicalName());
        }
        return value;
    }

    private static Instant dateTime(Table table, JsonNode node) {
        if (!node.isTextual()) throw wrong(table, node, "Edm.DateTimeOffset");
        String s = node.textValue();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw wrong(table, node, "Edm.DateTimeOffset");
            }
        }
    }

    private static LocalDate dateOnly(Table table, JsonNode node) {
        if (!node.isTextual()) throw wrong(table, node, "Edm.Date");
        try {
            return LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw wrong(table, node, "Edm.Date");
        }
    }

    private static UUID guid(Table table, JsonNode node) {
        if (!node.isTextual()) throw wrong(table, node, "Edm.Guid");
        return Guids.parse(node.textValue()).orElseThrow(() -> wrong(table, node, "Edm.Guid"));
    }

    private static RuntimeException wrong(Table table, JsonNode node, String edmType) {
        String literal = node.isTextual() ? node.textValue() : node.toString();
        return ErrorCode.WRONG_TYPE.error(table.logicalName(), literal, edmType);
    }
}
