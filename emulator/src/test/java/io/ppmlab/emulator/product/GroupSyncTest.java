package io.ppmlab.emulator.product;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.errors.DataverseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.ppmlab.emulator.product.DemoLab.ref;
import static io.ppmlab.emulator.product.DemoLab.user;
import static io.ppmlab.emulator.product.DemoLab.vals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entra group → team membership: nothing moves until a sign-in, a sync run or the schedule on the lab clock. */
class GroupSyncTest {
    static final UUID IT_PROJECT_1 = DemoOrganisation.teamId("IT Project 1");
    static final UUID IT_PROGRAM_3 = DemoOrganisation.teamId("IT Program 3");

    DemoLab lab;
    GroupDirectory directory;
    GroupSync sync;
    GroupAdmin admin;

    @BeforeEach
    void demo() {
        lab = new DemoLab(false);
        directory = GroupDirectory.inMemory();
        sync = new GroupSync(DemoLab.SCHEMA, lab.store, lab.system, lab.children, directory);
        admin = new GroupAdmin(lab.store, lab.security, directory, sync);
    }

    boolean member(String upn, UUID team) {
        return lab.security.model().teamsOf(DemoOrganisation.userId(upn)).stream().anyMatch(t -> t.id().equals(team));
    }

    void addBlueRemoveGreen() {
        admin.change(lab.admin, IT_PROJECT_1, new GroupAdmin.Change(List.of("Blue@Contoso.test"), List.of()));
        admin.change(lab.admin, IT_PROGRAM_3, new GroupAdmin.Change(List.of(), List.of("green@contoso.test")));
    }

    @Test
    void aGroupChangeWaitsAndASignInAppliesItForThatUserOnly() {
        addBlueRemoveGreen();
        assertThat(member("blue", IT_PROJECT_1)).isFalse();
        assertThat(member("green", IT_PROGRAM_3)).isTrue();
        assertThat(sync.signedIn(DemoOrganisation.userId("green"), "green@contoso.test")).isEqualTo(new GroupSync.Result(0, 1));
        assertThat(member("green", IT_PROGRAM_3)).isFalse();
        assertThat(member("blue", IT_PROJECT_1)).isFalse();
        assertThat(sync.signedIn(DemoOrganisation.userId("blue"), "blue@contoso.test")).isEqualTo(new GroupSync.Result(1, 0));
        assertThat(member("blue", IT_PROJECT_1)).isTrue();
        assertThat(sync.signedIn(DemoOrganisation.userId("blue"), "blue@contoso.test")).isEqualTo(new GroupSync.Result(0, 0));
    }

    @Test
    void aSyncRunAppliesEveryGroup() {
        addBlueRemoveGreen();
        assertThat(admin.syncNow(lab.admin)).isEqualTo(new GroupSync.Result(1, 1));
        assertThat(member("blue", IT_PROJECT_1)).isTrue();
        assertThat(member("green", IT_PROGRAM_3)).isFalse();
        // Red stays in IT Project 2's team: its group was never changed here, so it is taken as in step.
        assertThat(member("red", DemoOrganisation.teamId("IT Project 2"))).isTrue();
    }

    @Test
    void theScheduleRunsWhenTheLabClockPassesTheInterval() {
        GroupSyncSchedule schedule = new GroupSyncSchedule(sync, lab.clock, Duration.ofHours(1));
        addBlueRemoveGreen();
        assertThat(schedule.tick()).isFalse();
        lab.clock.advance(Duration.ofMinutes(59));
        assertThat(schedule.tick()).isFalse();
        assertThat(member("blue", IT_PROJECT_1)).isFalse();
        lab.clock.advance(Duration.ofMinutes(2));
        assertThat(schedule.tick()).isTrue();
        assertThat(member("blue", IT_PROJECT_1)).isTrue();
        assertThat(member("green", IT_PROGRAM_3)).isFalse();
        assertThat(schedule.tick()).isFalse();
        assertThat(schedule.nextDue()).isEqualTo(lab.clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void theStateShowsWhatTheNextSyncWillChange() {
        addBlueRemoveGreen();
        GroupAdmin.GroupState state = admin.show(lab.admin, IT_PROGRAM_3);
        assertThat(state.name()).isEqualTo("IT Program 3");
        assertThat(state.team()).contains("green@contoso.test");
        assertThat(state.group()).doesNotContain("green@contoso.test");
        assertThat(state.pendingRemove()).containsExactly("green@contoso.test");
        assertThat(state.pendingAdd()).isEmpty();
        GroupAdmin.GroupState untouched = admin.show(lab.admin, DemoOrganisation.teamId("HR Project 2"));
        assertThat(untouched.group()).isEqualTo(untouched.team()).contains("yellow@contoso.test");
    }

    @Test
    void onlyAdminUsersAdministerGroupsAndOnlyGroupTeamsHaveGroups() {
        assertThatThrownBy(() -> admin.syncNow(DemoLab.caller("pmo"))).isInstanceOfSatisfying(DataverseException.class,
                e -> assertThat(e.code()).isEqualTo("0x80040220"));
        assertThatThrownBy(() -> admin.change(lab.admin, IT_PROJECT_1, new GroupAdmin.Change(List.of("nobody@contoso.test"), List.of())))
                .isInstanceOfSatisfying(DataverseException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> admin.show(lab.admin, DemoOrganisation.teamId("IT"))).isInstanceOfSatisfying(DataverseException.class,
                e -> assertThat(e.getMessage()).contains("not a Microsoft Entra ID group team"));
        assertThatThrownBy(() -> admin.show(lab.admin, UUID.randomUUID())).isInstanceOfSatisfying(DataverseException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void anAdminThroughATeamCounts() {
        UUID owner = lab.create(lab.admin, "team", vals("name", "Admins", "teamtype", 0,
                "businessunitid", ref("businessunit", DemoOrganisation.businessUnitId("IT")))).id();
        lab.create(lab.admin, "teammembership", vals("systemuserid", user("blue"), "teamid", ref("team", owner)));
        lab.create(lab.admin, "teamroles", vals("teamid", ref("team", owner),
                "roleid", ref("role", DemoOrganisation.roleId("IT", io.ppmlab.datasets.ShippedRoles.ADMIN_USER))));
        assertThat(admin.syncNow(DemoLab.caller("blue"))).isEqualTo(new GroupSync.Result(0, 0));
    }

    @Test
    void theDirectoryKeepsItsGroupsAcrossRestarts(@TempDir Path dataDir) {
        GroupDirectory first = GroupDirectory.open(dataDir);
        first.change(IT_PROJECT_1, List.of("a@contoso.test"), List.of("B@contoso.test"), List.of("a@contoso.test"));
        Map<UUID, Set<String>> reread = GroupDirectory.open(dataDir).all();
        assertThat(reread).containsExactly(Map.entry(IT_PROJECT_1, Set.of("b@contoso.test")));
        assertThat(GroupDirectory.open(dataDir).members(IT_PROGRAM_3)).isEqualTo(Optional.empty());
    }

    @Test
    void theIntervalIsConfigurable() {
        assertThat(GroupSyncSettings.from(k -> null, k -> null)).isEqualTo(GroupSyncSettings.defaults());
        assertThat(GroupSyncSettings.from(k -> null, k -> "PT15M").interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(GroupSyncSettings.from(k -> "PT5M", k -> "PT15M").interval()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> GroupSyncSettings.from(k -> "soon", k -> null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupSyncSettings.from(k -> "PT0S", k -> null)).isInstanceOf(IllegalArgumentException.class);
    }
}
