package io.ppmlab.emulator.odata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small bounded least-recently-used map. One lock is enough here: a hit costs far less than the Olingo
 * parse it saves, and the same few hundred query shapes repeat under load.
 */
final class LruCache<K, V> {
    private final Map<K, V> map;

    LruCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.map = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<K, V> eldest) { return size() > capacity; }
        };
    }

    synchronized V get(K key) { return map.get(key); }

    synchronized void put(K key, V value) { map.put(key, value); }

    synchronized int size() { return map.size(); }
}
