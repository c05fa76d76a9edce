package io.ppmlab.emulator.access;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.security.SecurityModel;
import io.ppmlab.emulator.security.Share;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.SchemaLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A sharing write is applied as a delta, and the delta model always equals what a full load would build. */
class SecurityStateTest {
    private final SecurityModelLoader loader = new SecurityModelLoader(RoleCatalog.loadDefault());
    private final UUID project = DemoOrganisation.recordId("sensei_project", "IT Project 1");
    private MemoryStore raw;
    private SecurityTablesWatch store;
    private SecurityState state;

    @BeforeEach
    void demo() {
        raw = new MemoryStore(SchemaLoader.loadDefault());
        raw.apply(DemoOrganisation.build(SchemaLoader.loadDefault()).rows().stream().<Mutation>map(Mutation.Put::new).toList());
        store = new SecurityTablesWatch(raw);
        state = new SecurityState(store, loader);
        store.notify(state);
        state.model();
    }

    private UUID anyUser() {
        List<UUID> users = new ArrayList<>();
        raw.scan("systemuser", u -> users.add(u.id()));
        return users.get(users.size() / 2);
    }

    private static Row poa(UUID id, UUID row, String principalTable, UUID principal, int mask) {
        return new Row("principalobjectaccess", id, Map.of("objectid", row, "objecttypecode", "sensei_project",
                "principalid", principal, "principaltypecode", principalTable, "accessrightsmask", mask));
    }

    /** What a full load says, as a set: the delta may order new shares differently. */
    private Set<Share> fullLoadShares() { return new HashSet<>(loader.load(raw, 99).shares()); }

    @Test
    void aShareWriteIsAppliedAsADeltaThatEqualsAFullLoad() {
        long full = state.fullRebuilds();
        long versionBefore = state.model().version();
        UUID poaId = UUID.randomUUID();
        UUID user = anyUser();

        store.apply(List.of(new Mutation.Put(poa(poaId, project, "systemuser", user, 1))));
        SecurityModel after = state.model();

        assertThat(after.version()).isGreaterThan(versionBefore);
        assertThat(state.fullRebuilds()).isEqualTo(full);
        assertThat(state.shareRebuilds()).isEqualTo(1);
        assertThat(new HashSet<>(after.shares())).isEqualTo(fullLoadShares());
        assertThat(state.reachOf(user).sharesOn("sensei_project", project)).hasSize(1);

        store.apply(List.of(new Mutation.Put(poa(poaId, project, "systemuser", user, 1 | 2))));
        assertThat(new HashSet<>(state.model().shares())).isEqualTo(fullLoadShares());
        assertThat(state.reachOf(user).sharesOn("sensei_project", project).get(0).rights()).hasSize(2);

        store.apply(List.of(new Mutation.Delete("principalobjectaccess", poaId)));
        assertThat(new HashSet<>(state.model().shares())).isEqualTo(fullLoadShares());
        assertThat(state.reachOf(user).sharesOn("sensei_project", project)).isEmpty();
        assertThat(state.fullRebuilds()).isEqualTo(full);
        assertThat(state.shareRebuilds()).isEqualTo(3);
    }

    @Test
    void aShareToAnUnknownPrincipalOrWithNoRightsIsSkippedAsInAFullLoad() {
        int before = state.model().shares().size();
        store.apply(List.of(
                new Mutation.Put(poa(UUID.randomUUID(), project, "systemuser", UUID.randomUUID(), 1)),
                new Mutation.Put(poa(UUID.randomUUID(), project, "organization", UUID.randomUUID(), 1)),
                new Mutation.Put(poa(UUID.randomUUID(), project, "sensei_project", UUID.randomUUID(), 1)),
                new Mutation.Put(poa(UUID.randomUUID(), project, "systemuser", anyUser(), 0))));
        assertThat(state.model().shares()).hasSize(before);
        assertThat(new HashSet<>(state.model().shares())).isEqualTo(fullLoadShares());
    }

    @Test
    void anyOtherSecurityWriteMakesTheNextRebuildAFullOne() {
        long full = state.fullRebuilds();
        Row team = new ArrayList<Row>() {{ raw.scan("team", this::add); }}.get(0);
        store.apply(List.of(new Mutation.Put(team.with("name", "renamed"))));
        state.model();
        assertThat(state.fullRebuilds()).isEqualTo(full + 1);

        store.apply(List.of(new Mutation.Put(poa(UUID.randomUUID(), project, "systemuser", anyUser(), 1)),
                new Mutation.Put(team.with("name", "renamed again"))));
        state.model();
        assertThat(state.fullRebuilds()).isEqualTo(full + 2);
        assertThat(state.shareRebuilds()).isZero();
    }

    @Test
    void concurrentShareWritersAndReadersEndOnTheModelAFullLoadBuilds() throws Exception {
        List<UUID> users = new ArrayList<>();
        raw.scan("systemuser", u -> users.add(u.id()));
        List<UUID> poaIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) poaIds.add(UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                start.await();
                ThreadLocalRandom r = ThreadLocalRandom.current();
                for (int i = 0; i < 400; i++) {
                    UUID id = poaIds.get(r.nextInt(poaIds.size()));
                    if (r.nextInt(3) == 0) store.apply(List.of(new Mutation.Delete("principalobjectaccess", id)));
                    else store.apply(List.of(new Mutation.Put(poa(id, project, "systemuser", users.get(r.nextInt(users.size())), 1 + r.nextInt(3)))));
                    state.model();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) f.get();
        pool.shutdown();
        assertThat(new HashSet<>(state.model().shares())).isEqualTo(fullLoadShares());
        assertThat(state.shareRebuilds()).isPositive();
    }
}
