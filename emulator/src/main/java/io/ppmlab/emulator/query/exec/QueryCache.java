package io.ppmlab.emulator.query.exec;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded cache of compiled query parts (filters, orders, parsed $apply and FetchXML): the same few hundred
 * query shapes repeat under load. Past its size it is simply emptied: cheaper than LRU bookkeeping on every hit.
 */
public final class QueryCache<K, V> {
    private final int capacity;
    private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();

    public QueryCache(int capacity) { this.capacity = capacity; }

    public V get(K key, Function<K, V> compute) {
        V v = map.get(key);
        if (v != null) return v;
        v = compute.apply(key);
        if (map.size() >= capacity) map.clear();
        map.putIfAbsent(key, v);
        return v;
    }

    public int size() { return map.size(); }
}
