package io.ppmlab.emulator.acceptance;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.product.GroupSyncSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic group sync runs on the lab clock: moving the clock past the interval (default one hour)
 * applies pending group changes without anyone signing in. Access is checked by impersonation, because a
 * new token for the member would itself be a sign-in.
 */
class ProductGroupSyncScheduleAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final UUID TEAM = DemoOrganisation.teamId("HR Project 3");
    static final UUID PROJECT = DemoOrganisation.recordId("sensei_project", "HR Project 3");

    static int editAsYellow() {
        return lab.http().patch(lab.adminToken(), "sensei_projects(" + PROJECT + ")", "{\"sensei_description\":\"edited " + UUID.randomUUID() + "\"}",
                "MSCRMCallerID", DemoOrganisation.userId("yellow").toString()).status();
    }

    static LabHttp.Reply state() { return lab.http().get(lab.adminToken(), lab.http().root() + "/lab/groups/" + TEAM); }

    @Test
    void aGroupChangeReachesTheTeamWhenTheLabClockPassesTheSyncInterval() throws InterruptedException {
        assertThat(editAsYellow()).isEqualTo(403);
        LabHttp.Reply changed = lab.http().post(lab.adminToken(), lab.http().root() + "/lab/groups/" + TEAM + "/members", "{\"add\":[\"yellow@contoso.test\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        lab.emulator().clock().advance(GroupSyncSettings.DEFAULT_INTERVAL.minusMinutes(5));
        Thread.sleep(GroupSyncSettings.DEFAULT_POLL.multipliedBy(3).toMillis());
        assertThat(state().json().path("pendingAdd").toString()).as("not due yet").contains("yellow@");
        assertThat(editAsYellow()).isEqualTo(403);

        lab.emulator().clock().advance(Duration.ofMinutes(6));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (state().json().path("pendingAdd").size() > 0 && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(state().json().path("pendingAdd")).isEmpty();
        assertThat(editAsYellow()).isEqualTo(204);
    }
}
