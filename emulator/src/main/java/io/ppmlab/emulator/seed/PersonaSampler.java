package io.ppmlab.emulator.seed;

import io.ppmlab.datasets.ShippedRoles;
import io.ppmlab.emulator.access.RowFacts;
import io.ppmlab.emulator.access.SecurityModelLoader;
import io.ppmlab.emulator.security.Decision;
import io.ppmlab.emulator.security.Principal;
import io.ppmlab.emulator.security.ReferenceEvaluator;
import io.ppmlab.emulator.security.RoleAssignment;
import io.ppmlab.emulator.security.SecurityModel;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.roles.Privilege;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Picks personas from a loaded store (for every shipped role a few of its holders, from different
 * business units, plus admin@) and, for each, samples rows they can read, can write and cannot read.
 * Every verdict comes from the slow {@link ReferenceEvaluator} over a {@link SecurityModel} loaded from the
 * store, never from the emulator's fast evaluator: the persona file is what the fast path is tested against.
 */
final class PersonaSampler {
    /** A sampled row and the reference evaluator's reason (or denial) for it. */
    record Sample(String table, String entitySet, UUID id, String name, String reason) {}

    record Persona(String upn, UUID userId, String businessUnit, List<String> roles, int teams,
                   List<Sample> canRead, List<Sample> canWrite, List<Sample> cannotRead) {}

    private static final int READ_SAMPLES = 10;
    private static final int WRITE_SAMPLES = 6;
    private static final int DENIED_SAMPLES = 10;
    /** Candidates per persona, kept small: each check of the reference evaluator scans every membership and share. */
    private static final int TEAMS_LOOKED_AT = 3;
    private static final int ROWS_PER_TEAM = 2;
    private static final int UNIT_ROWS_PER_TABLE = 1;
    private static final int RANDOM_PER_TABLE = 1;

    private final Store store;
    private final Schema schema;
    private final RowSampler rows;
    private final RowFacts facts;
    private final Random random;
    private final SecurityModel model;

    PersonaSampler(Store store, Schema schema, RowSampler rows, long seed) {
        this.store = store;
        this.schema = schema;
        this.rows = rows;
        this.facts = new RowFacts(schema);
        this.random = new Random(seed);
        this.model = new SecurityModelLoader(RoleCatalog.loadDefault()).load(store, 1);
    }

    List<Persona> sample(int perRole) {
        Map<UUID, Row> users = new HashMap<>();
        store.scan("systemuser", u -> {
            if (u.get("applicationid") == null && u.get("domainname") != null) users.put(u.id(), u);
        });
        Map<UUID, String> unitNames = new HashMap<>();
        store.scan("businessunit", b -> unitNames.put(b.id(), String.valueOf(b.get("name"))));
        Map<UUID, List<String>> roles = new LinkedHashMap<>();
        for (RoleAssignment a : model.principals().assignments()) {
            if (!a.principal().table().equals(Principal.USER_TABLE) || !users.containsKey(a.principal().id())) continue;
            List<String> mine = roles.computeIfAbsent(a.principal().id(), k -> new ArrayList<>());
            if (!mine.contains(a.roleName())) mine.add(a.roleName());
        }
        List<UUID> chosen = choose(users, roles, perRole);
        // Candidates are drawn in order (the random draws make the file reproducible); verdicts are then
        // computed on two threads, since the reference evaluator is slow by design.
        List<List<EntityRef>> candidates = new ArrayList<>();
        chosen.forEach(id -> candidates.add(candidates(id)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Persona>> futures = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                UUID id = chosen.get(i);
                List<EntityRef> mine = candidates.get(i);
                Row user = users.get(id);
                UUID unit = model.user(id).orElseThrow().businessUnit();
                futures.add(pool.submit(() -> persona(id, String.valueOf(user.get("domainname")), unitNames.getOrDefault(unit, unit.toString()),
                        roles.getOrDefault(id, List.of()), mine)));
            }
            List<Persona> out = new ArrayList<>();
            for (java.util.concurrent.Future<Persona> f : futures) out.add(f.get());
            return out;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("persona sampling failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sampling personas", e);
        } finally {
            pool.shutdown();
        }
    }

    /** admin@ first, then for each shipped role up to {@code perRole} holders, spread over business units. */
    private List<UUID> choose(Map<UUID, Row> users, Map<UUID, List<String>> roles, int perRole) {
        Set<UUID> chosen = new LinkedHashSet<>();
        users.values().stream().filter(u -> "admin@contoso.test".equals(u.get("domainname"))).findFirst().ifPresent(u -> chosen.add(u.id()));
        Comparator<UUID> byUpn = Comparator.comparing(id -> String.valueOf(users.get(id).get("domainname")));
        for (String role : ShippedRoles.ALL) {
            List<UUID> holders = new ArrayList<>(roles.entrySet().stream().filter(e -> e.getValue().contains(role)).map(Map.Entry::getKey)
                    .sorted(byUpn).toList());
            Collections.shuffle(holders, random);
            Set<UUID> unitsTaken = new LinkedHashSet<>();
            List<UUID> picked = new ArrayList<>();
            for (UUID h : holders) {
                if (picked.size() >= perRole) break;
                if (unitsTaken.add(model.user(h).orElseThrow().businessUnit())) picked.add(h);
            }
            for (UUID h : holders) {
                if (picked.size() >= perRole) break;
                if (!picked.contains(h)) picked.add(h);
            }
            chosen.addAll(picked);
        }
        return new ArrayList<>(chosen);
    }

    /** Rows the user or the user's first teams own, rows shared with the user, rows of the user's unit, random rows. */
    private List<EntityRef> candidates(UUID userId) {
        UUID unit = model.user(userId).orElseThrow().businessUnit();
        Set<EntityRef> candidates = new LinkedHashSet<>(rows.ownedBy(userId));
        model.teamsOf(userId).stream().limit(TEAMS_LOOKED_AT)
                .forEach(t -> rows.ownedBy(t.id()).stream().limit(ROWS_PER_TEAM).forEach(candidates::add));
        candidates.addAll(rows.sharedWith(userId));
        for (String table : rows.tables()) rows.inUnit(unit, table).stream().limit(UNIT_ROWS_PER_TABLE).forEach(candidates::add);
        for (String table : rows.tables()) {
            List<EntityRef> any = rows.random(table);
            for (int i = 0; i < Math.min(RANDOM_PER_TABLE, any.size()); i++) candidates.add(any.get(random.nextInt(any.size())));
        }
        return new ArrayList<>(candidates);
    }

    private Persona persona(UUID userId, String upn, String unitName, List<String> roleNames, List<EntityRef> candidates) {
        List<Principal.Team> teams = model.teamsOf(userId);
        List<Sample> read = new ArrayList<>();
        List<Sample> write = new ArrayList<>();
        List<Sample> denied = new ArrayList<>();
        for (EntityRef ref : candidates) {
            Optional<Row> row = store.get(ref.table(), ref.id());
            if (row.isEmpty()) continue;
            var security = facts.of(row.get());
            Decision r = ReferenceEvaluator.check(model, userId, security, Privilege.READ);
            if (!r.allowed()) {
                denied.add(sample(row.get(), r));
                continue;
            }
            read.add(sample(row.get(), r));
            Decision w = ReferenceEvaluator.check(model, userId, security, Privilege.WRITE);
            if (w.allowed() && row.get().get(primaryName(ref.table())) != null) write.add(sample(row.get(), w));
        }
        // Refusals by row-level reach first: those are what the security model decides row by row.
        denied.sort(Comparator.comparing((Sample x) -> !x.reason().equals(Decision.DenialKind.OUT_OF_REACH.name())));
        return new Persona(upn, userId, unitName, roleNames, teams.size(),
                spread(read, READ_SAMPLES), spread(write, WRITE_SAMPLES), spread(denied, DENIED_SAMPLES));
    }

    private Sample sample(Row row, Decision d) {
        Table t = schema.table(row.table()).orElseThrow();
        Object name = row.get(t.primaryNameColumn());
        String reason = d instanceof Decision.Allowed a ? a.reason().describe() : ((Decision.Denied) d).kind().name();
        return new Sample(row.table(), t.entitySetName(), row.id(), name == null ? null : name.toString(), reason);
    }

    private String primaryName(String table) { return schema.table(table).orElseThrow().primaryNameColumn(); }

    /** Up to {@code n} samples, taking tables in turn so one big table does not crowd out the rest. */
    private static List<Sample> spread(List<Sample> all, int n) {
        Map<String, List<Sample>> byTable = new LinkedHashMap<>();
        all.forEach(s -> byTable.computeIfAbsent(s.table(), k -> new ArrayList<>()).add(s));
        List<Sample> out = new ArrayList<>();
        for (int round = 0; out.size() < n; round++) {
            boolean any = false;
            for (List<Sample> list : byTable.values()) {
                if (round < list.size() && out.size() < n) {
                    out.add(list.get(round));
                    any = true;
                }
            }
            if (!any) break;
        }
        return out;
    }
}
