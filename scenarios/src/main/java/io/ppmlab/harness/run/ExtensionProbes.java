package io.ppmlab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.harness.limits.DocumentedLimit;
import io.ppmlab.harness.limits.Evidence.ProbeResult;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Probes of the limits that belong to the emulator's scheduled processes and service protection. Each runs only when
 * the emulator answers the endpoint it needs; a limit whose endpoint is missing gets no result here, which the
 * verdict reports as "not emulated". They run after the scenarios, the 30-day purge last (it moves the lab clock).
 */
public final class ExtensionProbes {
    private final WebClient web;
    private final String admin;
    private final RunSettings settings;

    public ExtensionProbes(WebClient web, String admin, RunSettings settings) {
        this.web = web;
        this.admin = admin;
        this.settings = settings;
    }

    public Map<String, ProbeResult> run(Console console) {
        Map<String, ProbeResult> out = new LinkedHashMap<>();
        if (settings.suite() == Suite.SCALE) return out;
        console.phase("probing scheduled processes (500 rows, 120 s, 30 days) and service protection where emulated");
        try {
            scheduledProcesses(out);
        } catch (RuntimeException e) {
            console.info("scheduled-process probes failed: " + e.getMessage());
            out.putIfAbsent(DocumentedLimit.FETCHXML.id(), failed("the probe failed: " + e.getMessage()));
        }
        try {
            serviceProtection(out);
        } catch (RuntimeException e) {
            console.info("service-protection probe failed: " + e.getMessage());
            out.put(DocumentedLimit.SERVICE_PROTECTION.id(), failed("the probe failed: " + e.getMessage()));
        }
        return out;
    }

    private void scheduledProcesses(Map<String, ProbeResult> out) {
        WebClient.Reply created = web.post(admin, "sensei_scheduledprocesses", process("limits: 500 rows", "lab_WorkPerRow:0"));
        String rowsProcess = idOf(created);
        WebClient.Reply run = web.post(admin, "sensei_RunScheduledProcess", "{\"ProcessId\":\"" + rowsProcess + "\"}");
        if (run.status() == 404 || run.status() == 400 && run.body().contains("sensei_RunScheduledProcess")) return; // not emulated
        JsonNode r = run.expect(200, "run a process of 500+ rows").json();
        long matched = r.path("RowsMatched").asLong();
        long returned = r.path("RowsReturned").asLong();
        long processed = r.path("RowsProcessed").asLong();
        boolean capped = returned <= 500 && (matched <= 500 || processed == 500 && r.path("Message").asText().contains("not processed"));
        out.put(DocumentedLimit.FETCHXML.id(), new ProbeResult(capped && matched > 500, (double) returned, "rows returned",
                "a process whose FetchXML matches more than 500 rows gets 500, the rest not processed and logged",
                String.format(Locale.ROOT, "matched %,d, returned %,d, processed %,d%s", matched, returned, processed,
                        matched <= 500 ? " (the organisation has too few rows to show the cap)" : "")));

        String slow = idOf(web.post(admin, "sensei_scheduledprocesses", process("limits: 120 s", "lab_WorkPerRow:10")));
        JsonNode s = web.post(admin, "sensei_RunScheduledProcess", "{\"ProcessId\":\"" + slow + "\"}").expect(200, "run a 10 s-per-row process").json();
        double elapsed = s.path("ElapsedSeconds").asDouble();
        boolean stopped = "Failed".equals(s.path("OutcomeName").asText()) && s.path("Message").asText().startsWith("System.TimeoutException")
                && elapsed >= 120 && elapsed <= 130 && s.path("RowsProcessed").asLong() < s.path("RowsReturned").asLong();
        out.put(DocumentedLimit.WORKFLOW.id(), new ProbeResult(stopped, elapsed, "s (lab clock) when stopped",
                "an extension working 10 s per row (simulated on the lab clock) is stopped at 120 s and logged as failed",
                s.path("OutcomeName").asText() + " after " + elapsed + " s, " + s.path("RowsProcessed").asLong() + " of "
                        + s.path("RowsReturned").asLong() + " rows; the lab clock moved forward by that time"));

        String log = r.path("ProcessLogId").asText();
        WebClient.Reply advanced = web.post(admin, "/lab/clock", "{\"advance\":\"P31D\"}");
        if (advanced.status() != 200) {
            out.put(DocumentedLimit.LOGS.id(), failed("the lab clock cannot be advanced here (" + advanced.status() + "), so the purge cannot be shown"));
            return;
        }
        String fresh = web.password("admin@contoso.test", "demo"); // tokens expire on the lab clock
        JsonNode logs = web.post(fresh, "sensei_ListProcessLogs", "{\"ProcessId\":\"" + rowsProcess + "\"}").expect(200, "list process logs").json();
        boolean gone = true;
        for (JsonNode l : logs.path("Logs")) gone &= !l.path("ProcessLogId").asText().equals(log);
        boolean absent = web.get(fresh, "sensei_processlogs(" + log + ")").status() == 404;
        out.put(DocumentedLimit.LOGS.id(), new ProbeResult(gone && absent, 31.0, "days advanced",
                "a process log is purged once the lab clock is 31 days past it",
                "log " + log + (gone && absent ? " purged" : " still present") + " after advancing the lab clock 31 days"));
    }

    /** Request limits above this are not probed (Dataverse's is 6,000 per 300 s). */
    static final long MAX_PROBED_REQUESTS = 100_000;

    /**
     * A greedy client (one user, 8 connections, no pause) must be refused with 429 and Retry-After once it passes the
     * configured request window; the well-behaved journeys of the run must have seen no 429.
     */
    private void serviceProtection(Map<String, ProbeResult> out) {
        WebClient.Reply metrics = web.getAnonymous("/lab/metrics.json");
        if (metrics.status() != 200 || !metrics.json().has("serviceProtection")) return; // not emulated
        JsonNode sp = metrics.json().path("serviceProtection");
        if (!sp.path("enabled").asBoolean()) {
            out.put(DocumentedLimit.SERVICE_PROTECTION.id(), failed("service protection is switched off in this run"));
            return;
        }
        if (!metrics.json().path("recording").asBoolean(true)) {
            out.put(DocumentedLimit.SERVICE_PROTECTION.id(), failed("the emulator records no requests in this run (serve --metrics off), "
                    + "so the journeys' 429s cannot be counted"));
            return;
        }
        long limit = sp.path("requests").asLong();
        long windowSeconds = sp.path("windowSeconds").asLong();
        if (limit > MAX_PROBED_REQUESTS) {
            // limits raised for a throughput run: a probe could not reach them in half a window, and would load the
            // machine for that long to learn nothing
            out.put(DocumentedLimit.SERVICE_PROTECTION.id(), failed("the request limit is raised to " + limit
                    + " in this run (over " + MAX_PROBED_REQUESTS + "): not probed"));
            return;
        }
        String token = web.password("admin.0001@contoso.test", "demo");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(web.baseUrl() + "/api/data/v9.2/WhoAmI()"))
                .header("Authorization", "Bearer " + token).header("x-lab-request-name", "probe.greedy").GET().build();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean throttled = new AtomicBoolean();
        AtomicReference<String> refusal = new AtomicReference<>("");
        long cap = limit + limit / 2 + 100;
        long deadline = System.nanoTime() + windowSeconds * 1_000_000_000L / 2;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<?>[] workers = new Future<?>[8];
            for (int i = 0; i < 8; i++) {
                workers[i] = pool.submit(() -> {
                    while (!throttled.get() && sent.get() < cap && System.nanoTime() < deadline) {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        int n = sent.incrementAndGet();
                        if (r.statusCode() == 429 && throttled.compareAndSet(false, true)) {
                            refusal.set(n + " " + r.headers().firstValue("Retry-After").orElse("") + " " + r.body());
                        }
                    }
                    return null;
                });
            }
            for (Future<?> w : workers) w.get();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        String[] parts = refusal.get().split(" ", 3);
        boolean greedyRefused = throttled.get() && parts.length == 3 && !parts[1].isEmpty() && parts[2].contains("0x80072322");
        long at = throttled.get() ? Long.parseLong(parts[0]) : sent.get();
        JsonNode after = web.getAnonymous("/lab/metrics.json").json();
        long wellBehaved429 = 0;
        for (JsonNode r : after.path("requests")) {
            if (!r.path("name").asText().startsWith("probe.")) wellBehaved429 += r.path("status").path("429").asLong();
        }
        out.put(DocumentedLimit.SERVICE_PROTECTION.id(), new ProbeResult(greedyRefused && wellBehaved429 == 0, (double) at,
                "requests before the first 429", "a client past " + limit + " requests in " + windowSeconds
                + " s gets 429 0x80072322 with Retry-After; the run's paced journeys get none",
                (greedyRefused ? "greedy client refused after " + at + " requests, Retry-After " + parts[1] + " s"
                        : "greedy client never refused in " + sent.get() + " requests") + "; 429s seen by the journeys: " + wellBehaved429));
    }

    private static String process(String name, String extension) {
        return "{\"sensei_name\":\"" + name + "\",\"sensei_fetchxml\":\"<fetch><entity name=\\\"sensei_risk\\\"><attribute name=\\\"sensei_name\\\"/>"
                + "</entity></fetch>\",\"sensei_workflowextension\":\"" + extension + "\",\"sensei_intervalminutes\":1440,\"sensei_enabled\":false}";
    }

    private static String idOf(WebClient.Reply created) {
        String entityId = created.headers().firstValue("OData-EntityId").orElseThrow(() ->
                new IllegalStateException("creating a scheduled process answered " + created.status() + " " + created.body()));
        return entityId.substring(entityId.lastIndexOf('(') + 1, entityId.length() - 1);
    }

    private static ProbeResult failed(String why) {
        return new ProbeResult(false, null, null, "the probe ran", why);
    }
}
