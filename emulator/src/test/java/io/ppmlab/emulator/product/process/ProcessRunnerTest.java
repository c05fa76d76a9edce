package io.ppmlab.emulator.product.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.clock.LabClock;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.operations.VersionSequence;
import io.ppmlab.emulator.product.ReadAs;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner without a server: the FetchXML it sends (limit and {@code {utcNow}}), the watchdog that stops a
 * really sleeping extension at a shortened limit, and the purge on a moved clock.
 */
class ProcessRunnerTest {
    static final Schema SCHEMA = SchemaLoader.loadDefault();
    static final ObjectMapper JSON = new ObjectMapper();

    final LabClock clock = new LabClock(Clock.systemUTC());
    final MemoryStore store = new MemoryStore(SCHEMA);
    final SystemColumns system = new SystemColumns(store, clock, VersionSequence.inMemory());
    final UUID user = UUID.randomUUID();
    final UUID bu = UUID.randomUUID();
    final List<String> urls = new ArrayList<>();

    /** Answers every read with {@code rows} rows and the total record count {@code total}. */
    ReadAs reads(int rows, int total) {
        return (caller, url) -> {
            urls.add(url);
            assertThat(caller).isEqualTo(Caller.of(user, bu));
            ObjectNode body = JSON.createObjectNode();
            body.put("@Microsoft.Dynamics.CRM.totalrecordcount", total);
            ArrayNode value = body.putArray("value");
            for (int i = 0; i < rows; i++) value.addObject().put("sensei_riskid", UUID.randomUUID().toString()).put("sensei_name", "r" + i);
            return body;
        };
    }

    ProcessRunner runner(ReadAs reads, ProcessLimits limits) {
        store.apply(List.of(new Mutation.Put(new Row("businessunit", bu, Map.of("name", "BU"))),
                new Mutation.Put(new Row("systemuser", user, Map.of("fullname", "Runner", "businessunitid", new EntityRef("businessunit", bu))))));
        return new ProcessRunner(new ProcessRunner.Wiring(SCHEMA, store, system, clock, reads, limits));
    }

    UUID process(String extension) {
        Row p = system.forCreate(SCHEMA.table("sensei_scheduledprocess").orElseThrow(), UUID.randomUUID(), Map.of("sensei_name", "p",
                "sensei_fetchxml", "<fetch top=\"5000\"><entity name=\"sensei_risk\"><filter><condition attribute=\"sensei_duedate\" operator=\"lt\" value=\"{utcNow}\"/></filter></entity></fetch>",
                "sensei_workflowextension", extension), Caller.of(user, bu));
        store.apply(List.of(new Mutation.Put(p)));
        return p.id();
    }

    @Test
    void theFetchAsksForTheFirst500RowsWithTheTotalAndTheLabClocksTime() {
        try (ProcessRunner runner = runner(reads(500, 700), ProcessLimits.documented())) {
            Instant before = clock.instant();
            ProcessRun run = runner.run(process("lab_WorkPerRow:0"));
            String fetch = java.net.URLDecoder.decode(urls.get(0).substring(urls.get(0).indexOf("fetchXml=") + 9), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(urls.get(0)).startsWith("sensei_risks?fetchXml=");
            assertThat(fetch).contains("count=\"500\"", "returntotalrecordcount=\"true\"").doesNotContain("top=", "{utcNow}");
            String sent = fetch.replaceAll("(?s).*value=\"([^\"]+)\".*", "$1");
            assertThat(Instant.parse(sent)).isBetween(before, clock.instant());
            assertThat(run.rowsMatched()).isEqualTo(700);
            assertThat(run.rowsProcessed()).isEqualTo(500);
            assertThat(run.message()).contains("matched 700 rows", "first 500");
        }
    }

    @Test
    void aReallySleepingExtensionIsInterruptedWhenTheLabClockPassesTheLimit() {
        try (ProcessRunner runner = runner(reads(50, 50), ProcessLimits.documented().withMaxRuntime(Duration.ofMillis(300)))) {
            long t0 = System.nanoTime();
            ProcessRun run = runner.run(process("lab_SleepPerRow:0.1"));
            Duration real = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(run.outcome()).isEqualTo(ProcessRun.FAILED);
            assertThat(run.message()).startsWith(ProcessRunner.TIMEOUT_REASON).contains("of 50 rows were processed");
            assertThat(run.rowsProcessed()).isBetween(1, 4);
            assertThat(real).as("stopped long before 50 × 0.1 s").isLessThan(Duration.ofSeconds(4));
            Row log = store.get("sensei_processlog", run.processLogId()).orElseThrow();
            assertThat(log.get("sensei_outcome")).isEqualTo(ProcessRun.FAILED);
        }
    }

    @Test
    void logsOlderThanTheRetentionArePurgedWhenTheClockMoves() {
        try (ProcessRunner runner = runner(reads(1, 1), ProcessLimits.documented())) {
            UUID p = process("lab_WorkPerRow:0");
            ProcessRun old = runner.run(p);
            ProcessLogs logs = new ProcessLogs(store, clock, ProcessLimits.LOG_RETENTION);
            clock.advance(Duration.ofDays(29));
            ProcessRun recent = runner.run(p);
            assertThat(logs.purge()).isZero();
            clock.advance(Duration.ofDays(2));
            assertThat(logs.purge()).isEqualTo(1);
            assertThat(logs.of(p)).extracting(ProcessRun::processLogId).containsExactly(recent.processLogId());
            assertThat(store.get("sensei_processlog", old.processLogId())).isEmpty();
        }
    }

    @Test
    void unknownExtensionsAndArgumentsAreFailedRunsNotErrors() {
        try (ProcessRunner runner = runner(reads(3, 3), ProcessLimits.documented())) {
            for (String spec : List.of("nope", "lab_WorkPerRow", "lab_WorkPerRow:-1", "lab_WorkPerRow:x", "sensei_SendReminder:1")) {
                ProcessRun run = runner.run(process(spec));
                assertThat(run.outcome()).as(spec).isEqualTo(ProcessRun.FAILED);
                assertThat(run.message()).as(spec).contains("no workflow extension");
            }
        }
    }
}
