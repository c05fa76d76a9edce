package io.ppmlab.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dataverse's value ranges and precisions per column type, the one definition every write path and the dataset
 * generator use: money ±922,337,203,685,477 with 4 decimals ({@code MoneyAttributeMetadata.MinSupportedValue},
 * {@code MaxSupportedValue}, {@code MaxSupportedPrecision}), decimal ±100,000,000,000 with 10 decimals
 * ({@code DecimalAttributeMetadata}), whole numbers 32-bit and big integers 64-bit (the row's Java type already
 * holds them to that), dates from 1753-01-01 to 9999-12-31 (SQL Server's {@code datetime}, which Dataverse's
 * date columns are stored in). Sources: learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata.moneyattributemetadata,
 * .../decimalattributemetadata, .../bigintattributemetadata.
 */
public final class ValueRanges {
    public static final BigDecimal MONEY_MAX = new BigDecimal("922337203685477");
    public static final int MONEY_SCALE = 4;
    public static final BigDecimal DECIMAL_MAX = new BigDecimal("100000000000");
    public static final int DECIMAL_SCALE = 10;
    public static final LocalDate FIRST_DAY = LocalDate.of(1753, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST_INSTANT = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private ValueRanges() {}

    /** A value outside its column's range: the value as text (never thousands of digits) and the accepted bounds. */
    public static final class OutOfRange extends RuntimeException {
        private final transient Column column;
        private final String value;
        private final String min;
        private final String max;

        OutOfRange(Column column, String value, Object min, Object max) {
            super("The value " + value + " of '" + column.name() + "' is outside the valid range. Accepted Range: " + min + " to " + max, null, false, false);
            this.column = column;
            this.value = value;
            this.min = String.valueOf(min);
            this.max = String.valueOf(max);
        }

        public Column column() { return column; }
        public String value() { return value; }
        public String min() { return min; }
        public String max() { return max; }
    }

    /**
     * The value Dataverse stores for {@code value} in {@code column}: the same value, or a decimal rounded to the
     * column type's precision (as Dataverse rounds it); {@link OutOfRange} when it is outside the type's range.
     */
    public static Object stored(Column column, Object value) {
        if (value == null) return null;
        return switch (column.type()) {
            case MONEY -> decimal(column, (BigDecimal) value, MONEY_MAX, MONEY_SCALE);
            case DECIMAL -> decimal(column, (BigDecimal) value, DECIMAL_MAX, DECIMAL_SCALE);
            case DATETIME -> {
                Instant i = (Instant) value;
                if (i.isBefore(FIRST_INSTANT) || !i.isBefore(AFTER_LAST_INSTANT)) throw new OutOfRange(column, i.toString(), FIRST_DAY, LAST_DAY);
                yield i;
            }
            case DATEONLY -> {
                LocalDate d = (LocalDate) value;
                if (d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY)) throw new OutOfRange(column, d.toString(), FIRST_DAY, LAST_DAY);
                yield d;
            }
            default -> value;
        };
    }

    /** Decimal places {@code column}'s type keeps, or -1 for a type that is not a decimal number. */
    public static int scale(Column column) {
        return switch (column.type()) {
            case MONEY -> MONEY_SCALE;
            case DECIMAL -> DECIMAL_SCALE;
            default -> -1;
        };
    }

    private static BigDecimal decimal(Column column, BigDecimal value, BigDecimal max, int scale) {
        // compareTo looks at the exponents first, so 1e999999999 is refused without building its digits
        if (value.abs().compareTo(max) > 0) throw new OutOfRange(column, shortText(value), max.negate(), max);
        if (value.scale() <= scale) return value;
        // a value below the precision rounds to zero; checked first so 1e-999999999 costs no division
        if (value.abs().compareTo(BigDecimal.ONE.movePointLeft(scale + 1)) < 0) return BigDecimal.ZERO.setScale(scale);
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    private static String shortText(BigDecimal value) {
        String s = value.toString(); // scientific notation for large exponents: never thousands of digits
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}
