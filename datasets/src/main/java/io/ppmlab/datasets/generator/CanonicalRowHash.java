package io.ppmlab.datasets.generator;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
    private final MessageDigest sha;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private final DataOutputStream data = new DataOutputStream(buffer);
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
        try {
            buffer.reset();
            data.writeUTF(row.table());
            uuid(row.id());
            data.writeShort(row.values().size());
            for (int i = 0; i < cols.size(); i++) {
                Object v = row.values().get(cols.get(i).name());
                if (v == null) continue;
                data.writeShort(i);
                value(v);
            }
            data.flush();
            sha.update(buffer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hex digest; finishes the hash. */
    public String hex() {
        if (digest == null) digest = HexFormat.of().formatHex(sha.digest());
        return digest;
    }

    private void value(Object v) throws IOException {
        if (v instanceof String s) {
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            data.writeByte('s');
            data.writeInt(b.length);
            data.write(b);
        } else if (v instanceof Integer i) {
            data.writeByte('i');
            data.writeInt(i);
        } else if (v instanceof Long l) {
            data.writeByte('l');
            data.writeLong(l);
        } else if (v instanceof BigDecimal d) {
            byte[] b = d.unscaledValue().toByteArray();
            data.writeByte('d');
            data.writeInt(d.scale());
            data.writeByte(b.length);
            data.write(b);
        } else if (v instanceof Instant t) {
            data.writeByte('t');
            data.writeLong(t.getEpochSecond());
            data.writeInt(t.getNano());
        } else if (v instanceof LocalDate d) {
            data.writeByte('D');
            data.writeLong(d.toEpochDay());
        } else if (v instanceof Boolean b) {
            data.writeByte('b');
            data.writeBoolean(b);
        } else if (v instanceof EntityRef r) {
            data.writeByte('r');
            data.writeUTF(r.table());
            uuid(r.id());
        } else if (v instanceof UUID u) {
            data.writeByte('u');
            uuid(u);
        } else {
            throw new IllegalArgumentException("no canonical form for " + v.getClass().getName());
        }
    }

    private void uuid(UUID u) throws IOException {
        data.writeLong(u.getMostSignificantBits());
        data.writeLong(u.getLeastSignificantBits());
    }
}
