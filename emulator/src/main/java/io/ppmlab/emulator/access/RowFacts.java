package io.ppmlab.emulator.access;

import io.ppmlab.emulator.security.RowSecurity;
import io.ppmlab.schema.Cascade;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Extracts a row's {@link RowSecurity}: owner, owning business unit and parental parents (for inherited shares). */
public final class RowFacts {
    private final Map<String, List<String>> parentalLookups = new HashMap<>();

    public RowFacts(Schema schema) {
        for (Relationship r : schema.relationships()) {
            if (r.cascade() == Cascade.PARENTAL) {
                parentalLookups.computeIfAbsent(r.referencingTable(), t -> new ArrayList<>()).add(r.lookupColumn());
            }
        }
    }

    public RowSecurity of(Row row) {
        EntityRef owner = row.ref("ownerid");
        EntityRef bu = row.ref("owningbusinessunit");
        List<EntityRef> parents = List.of();
        List<String> lookups = parentalLookups.get(row.table());
        if (lookups != null) {
            parents = new ArrayList<>(lookups.size());
            for (String lookup : lookups) {
                EntityRef parent = row.ref(lookup);
                if (parent != null) parents.add(parent);
            }
        }
        UUID owningBu = bu == null ? null : bu.id();
        return new RowSecurity(row.table(), row.id(), owner, owningBu, parents);
    }
}
