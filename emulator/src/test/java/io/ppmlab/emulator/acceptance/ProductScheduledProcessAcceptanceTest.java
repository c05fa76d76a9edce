package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.product.process.ProcessLimits;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled-process runner's three documented limits over a real server, through the admin actions the
 * harness calls: at most 500 FetchXML rows handed to a process, a workflow extension stopped at 120 s of
 * lab-clock time (simulated work moves the clock, so this takes milliseconds), logs older than 30 days purged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductScheduledProcessAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final UUID DEMO_PROCESS = DemoOrganisation.recordId("sensei_scheduledprocess", "Overdue risks reminder");
    /** The demo keeps a year and more of daily capacity rows: far more than 500. */
    static final String MANY_ROWS = "<fetch><entity name=\\\"sensei_resourcecapacity\\\"><attribute name=\\\"sensei_resourcecapacityid\\\"/></entity></fetch>";

    static UUID process(String admin, String name, String fetchXml, String extension) {
        LabHttp.Reply r = lab.http().post(admin, "sensei_scheduledprocesses", "{\"sensei_name\":\"" + name + "\",\"sensei_fetchxml\":\""
                + fetchXml + "\",\"sensei_workflowextension\":\"" + extension + "\",\"sensei_intervalminutes\":1440,\"sensei_enabled\":false}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        String entityId = r.header("OData-EntityId");
        return UUID.fromString(entityId.substring(entityId.indexOf('(') + 1, entityId.indexOf(')')));
    }

    static JsonNode run(String token, UUID process) {
        LabHttp.Reply r = lab.http().post(token, "sensei_RunScheduledProcess", "{\"ProcessId\":\"" + process + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode logs(String token, UUID process) {
        LabHttp.Reply r = lab.http().post(token, "sensei_ListProcessLogs", "{\"ProcessId\":\"" + process + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    @Order(1)
    void theDemoReminderProcessRecordsOneNotificationPerRowAndLogsTheRun() {
        String admin = lab.adminToken();
        JsonNode run = run(admin, DEMO_PROCESS);
        assertThat(run.path("OutcomeName").asText()).as(run.toString()).isEqualTo("Succeeded");
        int processed = run.path("RowsProcessed").asInt();
        assertThat(processed).as("the demo has overdue open risks").isPositive();
        assertThat(processed).isEqualTo(run.path("RowsReturned").asInt());
        JsonNode notes = lab.http().get(admin, "sensei_notifications?$filter=_sensei_scheduledprocess_value%20eq%20" + DEMO_PROCESS).json();
        assertThat(notes.path("value").size()).isEqualTo(processed);
        JsonNode log = lab.http().get(admin, "sensei_processlogs(" + run.path("ProcessLogId").asText() + ")").json();
        assertThat(log.path("sensei_rowsprocessed").asInt()).isEqualTo(processed);
        assertThat(log.path("sensei_outcome").asInt()).isEqualTo(955000001);
        assertThat(log.path("sensei_message").asText()).isEqualTo(run.path("Message").asText());
    }

    @Test
    @Order(2)
    void aProcessIsHandedAtMost500RowsAndTheLogSaysTheRestWereNotProcessed() {
        String admin = lab.adminToken();
        JsonNode run = run(admin, process(admin, "capacity, no work", MANY_ROWS, "lab_WorkPerRow:0"));
        assertThat(run.path("RowsMatched").asInt()).as(run.toString()).isGreaterThan(ProcessLimits.MAX_ROWS);
        assertThat(run.path("RowsReturned").asInt()).isEqualTo(ProcessLimits.MAX_ROWS);
        assertThat(run.path("RowsProcessed").asInt()).isEqualTo(ProcessLimits.MAX_ROWS);
        assertThat(run.path("OutcomeName").asText()).isEqualTo("Succeeded");
        assertThat(run.path("Message").asText()).contains("only the first 500 were returned", "the rest were not processed");
    }

    @Test
    @Order(3)
    void anExtensionWorkingPast120SecondsOfLabClockTimeIsStoppedAndLoggedAsFailed() {
        String admin = lab.adminToken();
        UUID slow = process(admin, "capacity, 10 s per row", MANY_ROWS, "lab_WorkPerRow:10");
        Instant labBefore = lab.emulator().clock().instant();
        long realStart = System.nanoTime();
        JsonNode run = run(admin, slow);
        Duration real = Duration.ofNanos(System.nanoTime() - realStart);
        assertThat(run.path("OutcomeName").asText()).as(run.toString()).isEqualTo("Failed");
        assertThat(run.path("Message").asText()).startsWith("System.TimeoutException: The plug-in execution failed because the operation has timed-out");
        // 12 rows of 10 s reach 120 s; the twelfth ends just past it (real time adds), so 11 or 12 rows finished
        assertThat(run.path("RowsProcessed").asInt()).isBetween(11, 12);
        BigDecimal elapsed = run.path("ElapsedSeconds").decimalValue();
        assertThat(elapsed).isBetween(new BigDecimal("120"), new BigDecimal("131"));
        assertThat(Duration.between(labBefore, lab.emulator().clock().instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(120));
        assertThat(real).as("simulated work takes no real two minutes").isLessThan(Duration.ofSeconds(30));
        JsonNode listed = logs(admin, slow).path("Logs");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("Outcome").asInt()).isEqualTo(955000002);
    }

    @Test
    @Order(4)
    void onlyAnAdministratorRunsProcessesAndBadBodiesAreRefused() {
        String blue = lab.http().token("blue@contoso.test", "demo");
        LabHttp.Reply refused = lab.http().post(blue, "sensei_RunScheduledProcess", "{\"ProcessId\":\"" + DEMO_PROCESS + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        String admin = lab.adminToken();
        assertThat(lab.http().post(admin, "sensei_RunScheduledProcess", "{\"ProcessId\":\"nope\"}").status()).isEqualTo(400);
        assertThat(lab.http().post(admin, "sensei_RunScheduledProcess", "{\"Process\":\"" + DEMO_PROCESS + "\"}").status()).isEqualTo(400);
        assertThat(lab.http().post(admin, "sensei_ListProcessLogs", "[").status()).isEqualTo(400);
        assertThat(lab.http().post(admin, "sensei_RunScheduledProcess", "{\"ProcessId\":\"" + UUID.randomUUID() + "\"}").status()).isEqualTo(404);
        JsonNode unknown = run(admin, process(admin, "unknown extension", MANY_ROWS, "sensei_DoesNotExist"));
        assertThat(unknown.path("OutcomeName").asText()).isEqualTo("Failed");
        assertThat(unknown.path("Message").asText()).contains("no workflow extension 'sensei_DoesNotExist'");
        JsonNode broken = run(admin, process(admin, "broken fetch", "<fetch><entity", "lab_WorkPerRow:0"));
        assertThat(broken.path("Message").asText()).contains("not well-formed");
    }

    @Test
    @Order(5)
    void logsOlderThan30DaysOfLabClockTimeArePurged() {
        String admin = lab.adminToken();
        JsonNode fresh = run(admin, DEMO_PROCESS);
        Instant now = lab.emulator().clock().instant();
        JsonNode before = logs(admin, DEMO_PROCESS).path("Logs");
        assertThat(before.findValuesAsText("ProcessLogId")).contains(fresh.path("ProcessLogId").asText());
        for (JsonNode log : before) {
            assertThat(Instant.parse(log.path("StartedOn").asText())).as("kept logs are at most 30 days old").isAfter(now.minus(Duration.ofDays(30)));
        }

        lab.emulator().clock().advance(Duration.ofDays(31));
        String later = lab.adminToken(); // the earlier token has expired on the lab clock
        JsonNode after = logs(later, DEMO_PROCESS);
        assertThat(after.path("Logs").findValuesAsText("ProcessLogId")).doesNotContain(fresh.path("ProcessLogId").asText());
        assertThat(lab.http().get(later, "sensei_processlogs(" + fresh.path("ProcessLogId").asText() + ")").status()).isEqualTo(404);
    }
}
