package io.ppmlab.datasets.generator;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SHA-256 over the canonical form of a row stream: for each row in stream order its table, id and each
 * present column in schema order with a typed value (strings as UTF-8, decimals as unscaled value and scale,
 * dates as epoch days, lookups as table and id). Independent of map orders and of the storage encoding,
 * so two runs with the same profile, knobs and seed must give the same digest.
 */
public final class CanonicalRowHash implements RowSink {
    private final Schema schema;
    private final Map<String, List<Column>> columns = new HashMap<>();
    /** UTF-8 of table names, which every row and lookup repeats. */
    private final Map<String, byte[]> names = new HashMap<>();
    private final MessageDigest sha;
    private byte[] buf = new byte[1024];
    private int pos;
    private String digest;

    public CanonicalRowHash(Schema schema) {
        this.schema = schema;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public void accept(Row row) {
        if (digest != null) throw new IllegalStateException("hash already finished");
        List<Column> cols = columns.computeIfAbsent(row.table(), t -> schema.table(t).map(Table::columns)
                .orElseThrow(() -> new IllegalArgumentException("unknown table " + t)));
        pos = 0;
        name(row.table());
        uuid(row.id());
        putInt(row.values().size());
        Map<String, Object> values = row.values();
        for (int i = 0; i < cols.size(); i++) {
            Object v = values.get(cols.get(i).name());
            if (v == null) continue;
            putInt(i);
            value(v);
        }
        sha.update(buf, 0, pos);
    }

    /** The hex digest; finishes the hash. */
    public String hex() {
        if (digest == null) digest = HexFormat.of().formatHex(sha.digest());
        return digest;
    }

    private void value(Object v) {
        if (v instanceof String s) {
            putByte('s');
            bytes(s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof Integer i) {
            putByte('i');
            putInt(i);
        } else if (v instanceof Long l) {
            putByte('l');
            putLong(l);
        } else if (v instanceof BigDecimal d) {
            putByte('d');
            putInt(d.scale());
            bytes(d.unscaledValue().toByteArray());
        } else if (v instanceof Instant t) {
            putByte('t');
            putLong(t.getEpochSecond());
            putInt(t.getNano());
        } else if (v instanceof LocalDate d) {
            putByte('D');
            putLong(d.toEpochDay());
        } else if (v instanceof Boolean b) {
            putByte('b');
            putByte(b ? 1 : 0);
        } else if (v instanceof EntityRef r) {
            putByte('r');
            name(r.table());
            uuid(r.id());
        } else if (v instanceof UUID u) {
            putByte('u');
            uuid(u);
        } else {
            throw new IllegalArgumentException("no canonical form for " + v.getClass().getName());
        }
    }

    private void name(String table) { bytes(names.computeIfAbsent(table, t -> t.getBytes(StandardCharsets.UTF_8))); }

    private void uuid(UUID u) {
        putLong(u.getMostSignificantBits());
        putLong(u.getLeastSignificantBits());
    }

    private void bytes(byte[] b) {
        putInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void putByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    private void putInt(int v) {
        ensure(4);
        for (int s = 24; s >= 0; s -= 8) buf[pos++] = (byte) (v >>> s);
    }

    private void putLong(long v) {
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) buf[pos++] = (byte) (v >>> s);
    }

    private void ensure(int n) {
        if (pos + n > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
}
