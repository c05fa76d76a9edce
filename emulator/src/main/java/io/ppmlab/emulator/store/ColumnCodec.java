package io.ppmlab.emulator.store;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.EntityRef;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The binary form of one column's values (format version 1). Forms, by column type:
 * <ul>
 *   <li>STRING, MEMO: varint header {@code length << 1 | form}, then the bytes; form 0 is UTF-8, form 1
 *       (only for strings holding an unpaired surrogate, which UTF-8 cannot carry) is UTF-16BE code units;</li>
 *   <li>INT, CHOICE, BIGINT: zig-zag varint;</li>
 *   <li>DECIMAL, MONEY: varint header {@code zigzag(scale) << 1 | big}, then the unscaled value as a
 *       zig-zag varint, or (big) as a varint length and two's-complement bytes;</li>
 *   <li>DATETIME: epoch milliseconds, zig-zag varint (finer precision is dropped, see {@link #write});</li>
 *   <li>DATEONLY: epoch day, zig-zag varint;</li>
 *   <li>BOOLEAN: one byte, 0 or 1;</li>
 *   <li>LOOKUP: varint index of the target table in {@link Column#targets()}, then the id as below;</li>
 *   <li>UNIQUEIDENTIFIER: the two longs of the UUID, 8 bytes each, big-endian.</li>
 * </ul>
 */
final class ColumnCodec {
    private final Column column;
    private final Map<String, Integer> targetIndex = new HashMap<>();

    ColumnCodec(Column column) {
        this.column = column;
        List<String> targets = column.targets();
        for (int i = 0; i < targets.size(); i++) targetIndex.put(targets.get(i), i);
    }

    Column column() { return column; }

    /**
     * Writes a value, which must be of the column type's Java type. Instants are stored to the
     * millisecond: Dataverse keeps no finer precision, and callers stamping {@code Instant.now()}
     * (microseconds on Linux) must not be refused for it.
     */
    void write(PackedWriter out, Object value) {
        if (!column.type().javaType().isInstance(value)) {
            throw new IllegalArgumentException("column " + column.name() + " (" + column.type() + ") cannot hold a "
                    + value.getClass().getSimpleName());
        }
        switch (column.type()) {
            case STRING, MEMO -> writeString(out, (String) value);
            case INT, CHOICE -> out.writeSignedVarLong((Integer) value);
            case BIGINT -> out.writeSignedVarLong((Long) value);
            case DECIMAL, MONEY -> writeDecimal(out, (BigDecimal) value);
            case DATETIME -> out.writeSignedVarLong(epochMillis((Instant) value));
            case DATEONLY -> out.writeSignedVarLong(((LocalDate) value).toEpochDay());
            case BOOLEAN -> out.writeByte((Boolean) value ? 1 : 0);
            case LOOKUP -> writeRef(out, (EntityRef) value);
            case UNIQUEIDENTIFIER -> writeUuid(out, (UUID) value);
        }
    }

    Object read(PackedReader in) {
        return switch (column.type()) {
            case STRING, MEMO -> readString(in);
            case INT, CHOICE -> toInt(in, in.readSignedVarLong());
            case BIGINT -> in.readSignedVarLong();
            case DECIMAL, MONEY -> readDecimal(in);
            case DATETIME -> Instant.ofEpochMilli(in.readSignedVarLong());
            case DATEONLY -> readDate(in);
            case BOOLEAN -> readBoolean(in);
            case LOOKUP -> readRef(in);
            case UNIQUEIDENTIFIER -> readUuid(in);
        };
    }

    /** Moves past a value without building it, for decoders that want only some columns. */
    void skip(PackedReader in) {
        switch (column.type()) {
            case STRING, MEMO -> {
                long length = in.readVarLong() >>> 1;
                if (length > Integer.MAX_VALUE) throw in.malformed("string length " + length);
                in.skip((int) length);
            }
            case INT, CHOICE, BIGINT, DATETIME, DATEONLY -> in.readVarLong();
            case DECIMAL, MONEY -> {
                if ((in.readVarLong() & 1) == 0) in.readVarLong();
                else in.skip(in.readVarLength());
            }
            case BOOLEAN -> in.readByte();
            case LOOKUP -> {
                in.readVarLength();
                in.skip(16);
            }
            case UNIQUEIDENTIFIER -> in.skip(16);
        }
    }

    private static void writeString(PackedWriter out, String s) {
        if (hasUnpairedSurrogate(s)) {
            out.writeVarLong(((long) s.length() * 2) << 1 | 1);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                out.writeByte(c >>> 8);
                out.writeByte(c);
            }
        } else {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeVarLong((long) utf8.length << 1);
            out.writeBytes(utf8);
        }
    }

    private static String readString(PackedReader in) {
        long header = in.readVarLong();
        long length = header >>> 1;
        if (length > Integer.MAX_VALUE) throw in.malformed("string length " + length);
        int at = in.skip((int) length);
        if ((header & 1) == 0) return new String(in.buffer(), at, (int) length, StandardCharsets.UTF_8);
        if (length % 2 != 0) throw in.malformed("odd UTF-16 length");
        // By hand: the UTF-16 charset decoder would replace the very surrogates this form exists to keep.
        byte[] b = in.buffer();
        char[] chars = new char[(int) length / 2];
        for (int i = 0; i < chars.length; i++) chars[i] = (char) ((b[at + 2 * i] & 0xFF) << 8 | (b[at + 2 * i + 1] & 0xFF));
        return new String(chars);
    }

    /** UTF-8 would replace an unpaired surrogate with '?', silently changing the value. */
    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else {
                return true;
            }
        }
        return false;
    }

    private static void writeDecimal(PackedWriter out, BigDecimal d) {
        long zigScale = ((long) d.scale() << 1) ^ (d.scale() >> 31);
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() < 64) {
            out.writeVarLong(zigScale << 1);
            out.writeSignedVarLong(unscaled.longValue());
        } else {
            byte[] bytes = unscaled.toByteArray();
            out.writeVarLong(zigScale << 1 | 1);
            out.writeVarLong(bytes.length);
            out.writeBytes(bytes);
        }
    }

    private static BigDecimal readDecimal(PackedReader in) {
        long header = in.readVarLong();
        long zigScale = header >>> 1;
        long scale = (zigScale >>> 1) ^ -(zigScale & 1);
        if (scale != (int) scale) throw in.malformed("decimal scale " + scale);
        if ((header & 1) == 0) return BigDecimal.valueOf(in.readSignedVarLong(), (int) scale);
        int length = in.readVarLength();
        if (length == 0) throw in.malformed("empty decimal");
        return new BigDecimal(new BigInteger(in.readBytes(length)), (int) scale);
    }

    private static long epochMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("instant out of storable range: " + instant, e);
        }
    }

    private void writeRef(PackedWriter out, EntityRef ref) {
        Integer index = targetIndex.get(ref.table());
        if (index == null) {
            throw new IllegalArgumentException("lookup " + column.name() + " cannot point at table " + ref.table()
                    + " (targets " + column.targets() + ")");
        }
        out.writeVarLong(index);
        writeUuid(out, ref.id());
    }

    private EntityRef readRef(PackedReader in) {
        int index = in.readVarLength();
        if (index >= column.targets().size()) throw in.malformed("lookup target index " + index);
        return new EntityRef(column.targets().get(index), readUuid(in));
    }

    private static void writeUuid(PackedWriter out, UUID id) {
        out.writeFixedLong(id.getMostSignificantBits());
        out.writeFixedLong(id.getLeastSignificantBits());
    }

    private static UUID readUuid(PackedReader in) { return new UUID(in.readFixedLong(), in.readFixedLong()); }

    private static Integer toInt(PackedReader in, long v) {
        if (v != (int) v) throw in.malformed("int out of range: " + v);
        return (int) v;
    }

    private static LocalDate readDate(PackedReader in) {
        long day = in.readSignedVarLong();
        if (day < LocalDate.MIN.toEpochDay() || day > LocalDate.MAX.toEpochDay()) throw in.malformed("epoch day " + day);
        return LocalDate.ofEpochDay(day);
    }

    private static Boolean readBoolean(PackedReader in) {
        int b = in.readByte();
        if (b > 1) throw in.malformed("boolean byte " + b);
        return b == 1;
    }
}
