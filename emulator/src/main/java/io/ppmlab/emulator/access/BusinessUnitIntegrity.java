package io.ppmlab.emulator.access;

import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the business units a tree whatever is written: exactly one root, every other unit under an existing unit,
 * no unit under itself, and every user, team and role in an existing unit. The security model is built from these
 * rows on the next request; a write that broke them would make every later request fail, so such a write is refused
 * (400) before anything of it is stored. Checked on the whole set of mutations of one write, as the store applies it.
 */
final class BusinessUnitIntegrity {
    private static final String UNIT = "businessunit";
    private static final Set<String> PLACED = Set.of("systemuser", "team", "role");

    private BusinessUnitIntegrity() {}

    /** Whether the mutations can change the tree or place a principal in a unit (only those are checked). */
    static boolean concerns(List<Mutation> mutations) {
        for (Mutation m : mutations) {
            if (m.table().equals(UNIT)) return true;
            if (m instanceof Mutation.Put p && PLACED.contains(m.table()) && p.row().ref("businessunitid") != null) return true;
        }
        return false;
    }

    /** Refuses the mutations when the store after them would break the tree; reads {@code store} as it is before. */
    static void check(Store store, List<Mutation> mutations) {
        Map<UUID, Optional<Row>> changed = new HashMap<>();
        for (Mutation m : mutations) {
            if (m.table().equals(UNIT)) changed.put(m.id(), m instanceof Mutation.Put p ? Optional.of(p.row()) : Optional.empty());
        }
        if (!changed.isEmpty()) checkTree(store, changed);
        for (Mutation m : mutations) {
            if (!(m instanceof Mutation.Put p) || !PLACED.contains(m.table())) continue;
            EntityRef unit = p.row().ref("businessunitid");
            if (unit == null) continue;
            boolean exists = changed.containsKey(unit.id()) ? changed.get(unit.id()).isPresent() : store.get(UNIT, unit.id()).isPresent();
            if (!exists) throw ErrorCode.BAD_REQUEST.error("The business unit " + unit.id() + " of " + m.table() + " " + m.id() + " does not exist.");
        }
    }

    private static void checkTree(Store store, Map<UUID, Optional<Row>> changed) {
        Map<UUID, UUID> parents = new HashMap<>();
        List<UUID> roots = new ArrayList<>();
        store.scan(UNIT, bu -> { if (!changed.containsKey(bu.id())) place(bu, parents, roots); });
        changed.values().forEach(bu -> bu.ifPresent(row -> place(row, parents, roots)));
        if (roots.isEmpty()) throw ErrorCode.BAD_REQUEST.error("The root business unit cannot have a parent business unit.");
        if (roots.size() > 1) throw ErrorCode.BAD_REQUEST.error("Every business unit but the root needs a parent business unit.");
        Set<UUID> units = new HashSet<>(parents.keySet());
        units.add(roots.get(0));
        for (Map.Entry<UUID, UUID> e : parents.entrySet()) {
            if (!units.contains(e.getValue())) {
                throw ErrorCode.BAD_REQUEST.error("The parent business unit " + e.getValue() + " of business unit " + e.getKey() + " does not exist.");
            }
        }
        for (UUID unit : changed.keySet()) {
            if (!parents.containsKey(unit)) continue;
            UUID at = parents.get(unit);
            for (int steps = 0; at != null; steps++) {
                if (at.equals(unit) || steps > units.size()) {
                    throw ErrorCode.BAD_REQUEST.error("Business unit " + unit + " cannot be placed under itself or under one of its own business units.");
                }
                at = parents.get(at);
            }
        }
    }

    private static void place(Row bu, Map<UUID, UUID> parents, List<UUID> roots) {
        EntityRef parent = bu.ref("parentbusinessunitid");
        if (parent == null) roots.add(bu.id()); else parents.put(bu.id(), parent.id());
    }
}
