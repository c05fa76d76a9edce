package io.ppmlab.emulator.security;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The business-unit tree: one root, every other unit with one parent. Each unit's subtree (itself and
 * every unit below it) is computed once, because Deep depth asks "is this row's unit under that one?"
 * for every row of a list.
 */
public final class BusinessUnitTree {
    private final UUID root;
    private final Map<UUID, UUID> parents;
    private final Map<UUID, Set<UUID>> subtrees = new HashMap<>();

    /** @param parents child unit → parent unit, for every unit except the root */
    public BusinessUnitTree(UUID root, Map<UUID, UUID> parents) {
        this.root = Objects.requireNonNull(root, "root");
        if (parents.containsKey(root)) throw new IllegalArgumentException("the root business unit has no parent");
        this.parents = Map.copyOf(parents);
        Set<UUID> units = new LinkedHashSet<>();
        units.add(root);
        units.addAll(parents.keySet());
        for (UUID unit : units) subtrees.put(unit, new HashSet<>());
        for (UUID unit : units) {
            // Walking up from each unit both checks the tree (no cycle, no stray parent) and fills subtrees.
            UUID at = unit;
            for (int steps = 0; at != null; steps++) {
                if (steps > units.size()) throw new IllegalArgumentException("business units form a cycle at " + unit);
                Set<UUID> subtree = subtrees.get(at);
                if (subtree == null) throw new IllegalArgumentException("unknown parent business unit " + at);
                subtree.add(unit);
                at = this.parents.get(at);
            }
        }
        subtrees.replaceAll((unit, set) -> Collections.unmodifiableSet(set));
    }

    /** A tree of the root alone. */
    public static BusinessUnitTree single(UUID root) { return new BusinessUnitTree(root, Map.of()); }

    public UUID root() { return root; }

    public Set<UUID> units() { return Collections.unmodifiableSet(subtrees.keySet()); }

    public boolean contains(UUID unit) { return subtrees.containsKey(unit); }

    public Optional<UUID> parent(UUID unit) { return Optional.ofNullable(parents.get(unit)); }

    /** The unit and every unit below it. */
    public Set<UUID> subtree(UUID unit) {
        Set<UUID> subtree = subtrees.get(unit);
        if (subtree == null) throw new IllegalArgumentException("unknown business unit " + unit);
        return subtree;
    }

    /** True when {@code unit} is {@code ancestor} or lies below it. */
    public boolean isUnder(UUID unit, UUID ancestor) { return subtree(ancestor).contains(unit); }

    /** True when {@code unit} is {@code descendant} or lies above it. */
    public boolean isAbove(UUID unit, UUID descendant) { return isUnder(descendant, unit); }
}
