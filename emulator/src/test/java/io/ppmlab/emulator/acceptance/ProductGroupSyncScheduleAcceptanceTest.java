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

    /** A Dataverse-side edit of the project as Yellow: the admin impersonating Yellow (no sign-in by Yellow). */
    static int editAsYellow(String admin) {
        return lab.http().patch(admin, "sensei_projects(" + PROJECT + ")", "{\"sensei_description\":\"edited " + UUID.randomUUID() + "\"}",
                "MSCRMCallerID", DemoOrganisation.userId("yellow").toString()).status();
    }

    static LabHttp.Reply state(String admin) { return lab.http().get(admin, lab.http().root() + "/lab/groups/" + TEAM); }

    @Test
    void aGroupChangeReachesTheTeamWhenTheLabClockPassesTheSyncInterval() throws InterruptedException {
        String admin = lab.adminToken();
        assertThat(editAsYellow(admin)).isEqualTo(403);
        LabHttp.Reply changed = lab.http().post(admin, lab.http().root() + "/lab/groups/" + TEAM + "/members", "{\"add\":[\"yellow@contoso.test\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        lab.emulator().clock().advance(GroupSyncSettings.DEFAULT_INTERVAL.minusMinutes(5));
        Thread.sleep(GroupSyncSettings.DEFAULT_POLL.multipliedBy(3).toMillis());
        assertThat(state(admin).json().path("pendingAdd").toString()).as("not due yet").contains("yellow@");
        assertThat(editAsYellow(admin)).isEqualTo(403);

        lab.emulator().clock().advance(Duration.ofMinutes(6));
        String later = lab.adminToken(); // the first token has expired on the lab clock
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (state(later).json().path("pendingAdd").size() > 0 && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(state(later).json().path("pendingAdd")).isEmpty();
        assertThat(editAsYellow(later)).isEqualTo(204);
    }
}
