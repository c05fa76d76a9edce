package io.ppmlab.datasets;

import io.ppmlab.schema.Row;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A whole generated tenant: every row (in load order: a row's non-system lookups point at rows listed
 * before it), the users' plain passwords by UPN (the emulator hashes them) and the app registrations.
 */
public record Organisation(List<Row> rows, Map<String, String> passwords, List<AppRegistration> appRegistrations) {
    public Organisation {
        rows = List.copyOf(rows);
        passwords = Collections.unmodifiableMap(new LinkedHashMap<>(passwords));
        appRegistrations = List.copyOf(appRegistrations);
    }

    public List<Row> rows(String table) { return rows.stream().filter(r -> r.table().equals(table)).toList(); }

    public Optional<Row> row(String table, UUID id) {
        return rows.stream().filter(r -> r.table().equals(table) && r.id().equals(id)).findFirst();
    }
}
