package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The in-memory twin of {@link ChronicleStore}, for tests. It keeps rows in their encoded form so that it
 * refuses, truncates and round-trips exactly what the persisted store does.
 */
public final class MemoryStore implements Store {
    private static final int KEY_BYTES = 16;

    private final TableCodecs codecs;
    private final Map<String, ConcurrentHashMap<UUID, byte[]>> tables = new HashMap<>();
    private volatile boolean closed;

    public MemoryStore(Schema schema) {
        codecs = new TableCodecs(schema);
        codecs.all().forEach(c -> tables.put(c.table().logicalName(), new ConcurrentHashMap<>()));
    }

    @Override
    public Optional<Row> get(String table, UUID id) {
        RowCodec codec = open(table);
        byte[] bytes = tables.get(table).get(id);
        return bytes == null ? Optional.empty() : Optional.of(codec.decode(id, bytes));
    }

    @Override
    public void apply(List<Mutation> mutations) { write(codecs.encode(mutations)); }

    /** As the persisted store: the old values come from the writes themselves. */
    @Override
    public List<Row> applyReturningPrevious(List<Mutation> mutations, Function<String, Set<String>> columnsOf) {
        List<EncodedMutation> batch = codecs.encode(mutations);
        return codecs.previous(batch, write(batch), columnsOf);
    }

    private byte[][] write(List<EncodedMutation> batch) {
        checkOpen();
        byte[][] before = new byte[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            EncodedMutation m = batch.get(i);
            before[i] = m.isDelete() ? tables.get(m.table()).remove(m.id()) : tables.get(m.table()).put(m.id(), m.value());
        }
        return before;
    }

    @Override
    public void scan(String table, Consumer<Row> visitor) {
        RowCodec codec = open(table);
        tables.get(table).forEach((id, bytes) -> visitor.accept(codec.decode(id, bytes)));
    }

    @Override
    public long count(String table) {
        open(table);
        return tables.get(table).size();
    }

    /** Key and value bytes, as a persisted store would hold them before its own overhead. */
    @Override
    public long bytesUsed(String table) {
        open(table);
        return tables.get(table).values().stream().mapToLong(v -> KEY_BYTES + v.length).sum();
    }

    @Override
    public void close() { closed = true; }

    private RowCodec open(String table) {
        checkOpen();
        return codecs.codec(table);
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("store is closed");
    }
}
