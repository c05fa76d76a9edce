package io.ppmlab.roles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The product's shipped security roles, loaded from {@code roles/catalog.json} and the role files it
 * lists. Roles are looked up by their product name ({@code Sensei IQ - Portfolio Manager}) or by the
 * short name the documentation also uses ({@code Portfolio Manager}).
 */
public final class RoleCatalog {
    /** Where {@link #loadDefault()} reads from on the class path. */
    public static final String DEFAULT_DIRECTORY = "roles";

    private final Map<String, RoleDefinition> byName = new LinkedHashMap<>();
    private final Set<String> knownTables;

    public RoleCatalog(List<RoleDefinition> roles, Set<String> knownTables) {
        for (RoleDefinition role : roles) {
            if (byName.put(role.name(), role) != null) throw new IllegalArgumentException("duplicate role " + role.name());
        }
        this.knownTables = Collections.unmodifiableSet(new LinkedHashSet<>(knownTables));
    }

    /** The 15 roles the product ships (5 basic, 9 modular, 1 add-on). */
    public static RoleCatalog loadDefault() {
        return load(DEFAULT_DIRECTORY, RoleCatalog.class.getClassLoader());
    }

    /** Reads {@code <directory>/catalog.json} and its role files from the class path. */
    public static RoleCatalog load(String directory, ClassLoader loader) {
        return new RoleJson(directory, loader).read();
    }

    public List<RoleDefinition> roles() { return List.copyOf(byName.values()); }

    /** Every table name the role files may mention (the union of the catalogue's table groups). */
    public Set<String> knownTables() { return knownTables; }

    /** A role by product name or short name, ignoring case. */
    public Optional<RoleDefinition> find(String name) {
        RoleDefinition exact = byName.get(name);
        if (exact != null) return Optional.of(exact);
        String wanted = shortName(name);
        return byName.values().stream().filter(r -> shortName(r.name()).equalsIgnoreCase(wanted)).findFirst();
    }

    /** Like {@link #find} but fails, listing the known names, when there is no such role. */
    public RoleDefinition get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "no role '" + name + "'; known: " + new ArrayList<>(byName.keySet())));
    }

    /** {@code Sensei IQ - Program Manager} and {@code Sensei IQ Project User} → {@code Program Manager}, {@code Project User}. */
    public static String shortName(String name) {
        String n = name.trim();
        if (n.startsWith("Sensei IQ - ")) return n.substring("Sensei IQ - ".length());
        if (n.startsWith("Sensei IQ ")) return n.substring("Sensei IQ ".length());
        return n;
    }
}
