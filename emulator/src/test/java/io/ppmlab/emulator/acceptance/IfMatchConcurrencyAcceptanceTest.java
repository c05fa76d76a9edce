package io.ppmlab.emulator.acceptance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optimistic concurrency over real HTTP: clients read a counter and its ETag, then PATCH counter + 1 with
 * {@code If-Match} at the same time. No update may be lost: every acknowledged write shows in the final value,
 * and every other attempt was refused with 412.
 */
class IfMatchConcurrencyAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static final int CLIENTS = 8;
    static final int ATTEMPTS = 25;

    @Test
    void concurrentConditionalUpdatesLoseNothing() throws Exception {
        LabHttp http = lab.http();
        String admin = lab.adminToken();
        LabHttp.Reply created = http.post(admin, "sensei_projects", "{\"sensei_name\":\"counter\",\"sensei_effortremaining\":0}");
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        String row = "sensei_projects(" + created.header("OData-EntityId").replaceAll(".*\\((.*)\\)", "$1") + ")";
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<int[]>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            results.add(pool.submit(() -> {
                int acknowledged = 0;
                int refused = 0;
                for (int i = 0; i < ATTEMPTS; i++) {
                    LabHttp.Reply read = http.get(admin, row + "?$select=sensei_effortremaining");
                    int value = read.json().get("sensei_effortremaining").asInt();
                    LabHttp.Reply write = http.patch(admin, row, "{\"sensei_effortremaining\":" + (value + 1) + "}", "If-Match", read.header("ETag"));
                    if (write.status() == 204) acknowledged++;
                    else if (write.status() == 412) refused++;
                    else throw new AssertionError("unexpected " + write.status() + " " + write.body());
                }
                return new int[]{acknowledged, refused};
            }));
        }
        int acknowledged = 0;
        int refused = 0;
        for (Future<int[]> f : results) {
            int[] r = f.get(120, TimeUnit.SECONDS);
            acknowledged += r[0];
            refused += r[1];
        }
        pool.shutdownNow();
        int finalValue = http.get(admin, row + "?$select=sensei_effortremaining").json().get("sensei_effortremaining").asInt();
        assertThat(acknowledged + refused).isEqualTo(CLIENTS * ATTEMPTS);
        assertThat(finalValue).as("every acknowledged increment is visible, none lost").isEqualTo(acknowledged);
        assertThat(refused).as("with %d clients some attempts must have raced", CLIENTS).isPositive();
    }
}
