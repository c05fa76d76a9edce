package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One table of a {@link ChronicleStore}. Its map file is created on the first write, so a table nobody
 * has written costs neither a file nor creation time; until then reads see it empty.
 */
final class ChronicleTable {
    private final RowCodec codec;
    private final DataDir dir;
    private final MapOpener opener;
    private volatile ChronicleMap<byte[], byte[]> map;

    ChronicleTable(RowCodec codec, DataDir dir, MapOpener opener, ChronicleMap<byte[], byte[]> existing) {
        this.codec = codec;
        this.dir = dir;
        this.opener = opener;
        this.map = existing;
    }

    String name() { return codec.table().logicalName(); }

    Optional<Row> get(UUID id) {
        ChronicleMap<byte[], byte[]> m = map;
        byte[] bytes = m == null ? null : m.get(UuidKey.of(id));
        return bytes == null ? Optional.empty() : Optional.of(codec.decode(id, bytes));
    }

    /**
     * Writes one mutation and returns what the row held before (null when absent), so that a batch failing
     * half-way can be {@link #restore restored}. The old value is copied inside the same lookup as the write.
     */
    byte[] write(EncodedMutation mutation) {
        if (mutation.isDelete()) {
            ChronicleMap<byte[], byte[]> m = map;
            return m == null ? null : remove(m, UuidKey.of(mutation.id()));
        }
        return put(mapForWrite(), UuidKey.of(mutation.id()), mutation.value());
    }

    /** Puts back a value {@link #write} returned: the row's bytes, or null for "was absent". */
    void restore(UUID id, byte[] before) {
        write(new EncodedMutation(name(), id, before));
    }

    /** Forces the map's dirty pages to disk (for {@link Durability#FSYNC} checkpoints). */
    void force() {
        ChronicleMap<byte[], byte[]> m = map;
        if (m instanceof VanillaChronicleHash<?, ?, ?, ?> hash) hash.msync();
    }

    /**
     * Chronicle's iterator copies one segment at a time and visits outside the segment lock, so a slow
     * visitor does not block writers and a visitor may itself read or write the store.
     */
    void scan(Consumer<Row> visitor) {
        ChronicleMap<byte[], byte[]> m = map;
        if (m == null) return;
        Iterator<Map.Entry<byte[], byte[]>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<byte[], byte[]> e = it.next();
            visitor.accept(codec.decode(UuidKey.toUuid(e.getKey()), e.getValue()));
        }
    }

    long count() {
        ChronicleMap<byte[], byte[]> m = map;
        return m == null ? 0 : m.longSize();
    }

    /** The chunks the entries occupy (key, value, headers, rounded up to Chronicle's chunk size). */
    long bytesUsed() {
        ChronicleMap<byte[], byte[]> m = map;
        if (m == null) return 0;
        long used = 0;
        for (ChronicleMap.SegmentStats s : m.segmentStats()) used += s.usedBytes();
        return used;
    }

    synchronized void close() {
        if (map != null) map.close();
        map = null;
    }

    private ChronicleMap<byte[], byte[]> mapForWrite() {
        ChronicleMap<byte[], byte[]> m = map;
        if (m != null) return m;
        synchronized (this) {
            if (map == null) map = opener.create(name(), dir.creatingFile(name()), dir.mapFile(name()));
            return map;
        }
    }

    // One query context per key: the previous value (kept for undo) is copied out and the new one written
    // under the same segment lock, in one lookup.
    private static byte[] put(ChronicleMap<byte[], byte[]> m, byte[] key, byte[] value) {
        try (ExternalMapQueryContext<byte[], byte[], ?> q = m.queryContext(key)) {
            q.updateLock().lock();
            MapEntry<byte[], byte[]> entry = q.entry();
            if (entry == null) {
                q.absentEntry().doInsert(q.wrapValueAsData(value));
                return null;
            }
            byte[] before = entry.value().getUsing(null);
            entry.doReplaceValue(q.wrapValueAsData(value));
            return before;
        }
    }

    private static byte[] remove(ChronicleMap<byte[], byte[]> m, byte[] key) {
        try (ExternalMapQueryContext<byte[], byte[], ?> q = m.queryContext(key)) {
            q.updateLock().lock();
            MapEntry<byte[], byte[]> entry = q.entry();
            if (entry == null) return null;
            byte[] before = entry.value().getUsing(null);
            entry.doRemove();
            return before;
        }
    }
}
