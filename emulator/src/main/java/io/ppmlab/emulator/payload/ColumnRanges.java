package io.ppmlab.emulator.payload;

import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dataverse's value ranges and precisions per column type, applied to every value a write stores: money
 * ±922,337,203,685,477 with 4 decimals, decimal ±100,000,000,000 with 10 decimals, whole numbers 32-bit
 * (Jackson's conversion already refuses the rest), dates from 1753-01-01 to 9999-12-31 (SQL Server's datetime).
 * Decimals beyond the precision are rounded as Dataverse stores them; values out of range are refused.
 */
public final class ColumnRanges {
    public static final BigDecimal MONEY_MAX = new BigDecimal("922337203685477");
    public static final int MONEY_SCALE = 4;
    public static final BigDecimal DECIMAL_MAX = new BigDecimal("100000000000");
    public static final int DECIMAL_SCALE = 10;
    public static final LocalDate FIRST_DAY = LocalDate.of(1753, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST_INSTANT = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private ColumnRanges() {}

    /** The value to store for {@code value} in {@code column}: in range and at the column's precision, or a 400. */
    public static Object check(Table table, Column column, Object value) {
        if (value == null) return null;
        return switch (column.type()) {
            case MONEY -> decimal(table, column, (BigDecimal) value, MONEY_MAX, MONEY_SCALE);
            case DECIMAL -> decimal(table, column, (BigDecimal) value, DECIMAL_MAX, DECIMAL_SCALE);
            case DATETIME -> {
                Instant i = (Instant) value;
                if (i.isBefore(FIRST_INSTANT) || !i.isBefore(AFTER_LAST_INSTANT)) throw outOfRange(table, column, i.toString(), FIRST_DAY, LAST_DAY);
                yield i;
            }
            case DATEONLY -> {
                LocalDate d = (LocalDate) value;
                if (d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY)) throw outOfRange(table, column, d.toString(), FIRST_DAY, LAST_DAY);
                yield d;
            }
            default -> value;
        };
    }

    private static BigDecimal decimal(Table table, Column column, BigDecimal value, BigDecimal max, int scale) {
        // compareTo looks at the exponents first, so 1e999999999 is refused without building its digits
        if (value.abs().compareTo(max) > 0) throw outOfRange(table, column, shortText(value), max.negate(), max);
        if (value.scale() <= scale) return value;
        // a value below the precision rounds to zero; checked first so 1e-999999999 costs no division
        if (value.abs().compareTo(BigDecimal.ONE.movePointLeft(scale + 1)) < 0) return BigDecimal.ZERO.setScale(scale);
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    private static String shortText(BigDecimal value) {
        String s = value.toString(); // scientific notation for large exponents: never thousands of digits
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    private static RuntimeException outOfRange(Table table, Column column, String value, Object min, Object max) {
        return ErrorCode.VALUE_OUT_OF_RANGE.error(value, column.name(), table.logicalName(), min, max);
    }
}
