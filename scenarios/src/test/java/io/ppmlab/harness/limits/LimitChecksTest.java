package io.ppmlab.harness.limits;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict logic on synthetic evidence: what holds passes, what breaks fails, what is missing never passes. */
class LimitChecksTest {

    static Evidence.RequestFigures ok(long n) {
        return new Evidence.RequestFigures(n, n, 0, Map.of(), 10.0, 20.0);
    }

    static Evidence.RequestFigures refused(long n) {
        return new Evidence.RequestFigures(n, n, n, Map.of(), 5.0, 6.0);
    }

    /** Evidence of a limits run where everything held. */
    static Evidence holding() {
        Map<String, Long> rows = Map.of("sensei_project", 5_000L, "bookableresource", 2_000L, "sensei_resourcecapacity", 2_922_000L);
        Map<String, Evidence.RequestFigures> requests = new LinkedHashMap<>();
        requests.put("rm.heatmap.capacity", ok(10));
        requests.put("rm.plan.load", ok(40));
        requests.put("rm.plan.save45", ok(10));
        requests.put("rm.plan.save45_1", refused(10));
        requests.put("rm.plan.count.after", ok(10));
        requests.put("admin.group.251", refused(3));
        List<AssertionResult> assertions = List.of(new AssertionResult("rm.heatmap.capacity", "p95Ms", 3000, 20.0, "test", true),
                new AssertionResult("rm.plan.save45", "p95Ms", 30000, 20.0, "test", true));
        Map<String, Evidence.ProbeResult> probes = new HashMap<>();
        for (String id : List.of("fetchxml-500-rows", "workflow-120s", "process-logs-30-days", "service-protection")) {
            probes.put(id, new Evidence.ProbeResult(true, 1.0, "x", "a", "d"));
        }
        return new Evidence(rows, 1461, requests, assertions, 0, 250, Optional.of(169.2),
                Optional.of(new Evidence.HorizonProbe(4, 200, 400, "0x80040265")), probes);
    }

    static Verdict verdict(Evidence e, String id) {
        return LimitChecks.evaluate(e).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow().verdict();
    }

    @Test
    void everyDocumentedLimitGetsOneVerdictAndAllHoldOnGoodEvidence() {
        List<LimitResult> results = LimitChecks.evaluate(holding());
        assertThat(results).extracting(LimitResult::id).containsExactlyElementsOf(DocumentedLimit.ids());
        assertThat(results).allSatisfy(r -> assertThat(r.verdict()).as(r.id() + ": " + r.detail()).isEqualTo(Verdict.PASS));
    }

    @Test
    void aSaveOverTheLimitThatWasAcceptedFailsTheSaveLimit() {
        Evidence e = holding();
        Map<String, Evidence.RequestFigures> requests = new LinkedHashMap<>(e.requests());
        requests.put("rm.plan.save45_1", new Evidence.RequestFigures(10, 0, 0, Map.of("200", 10L), 5.0, 6.0));
        Evidence broken = new Evidence(e.rows(), e.capacityDays(), requests, e.assertions(), 0, 250, e.quotaKbPerResourceYear(), e.horizon(), e.probes());
        assertThat(verdict(broken, "save-45-resource-years")).isEqualTo(Verdict.FAIL);
    }

    @Test
    void quotaOutsideTenPercentFailsAndAMissingMeterIsNoPass() {
        Evidence e = holding();
        Evidence far = new Evidence(e.rows(), e.capacityDays(), e.requests(), e.assertions(), 0, 250, Optional.of(190.0), e.horizon(), e.probes());
        Evidence none = new Evidence(e.rows(), e.capacityDays(), e.requests(), e.assertions(), 0, 250, Optional.empty(), e.horizon(), e.probes());
        assertThat(verdict(far, "quota-170kb-per-resource-year")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(none, "quota-170kb-per-resource-year")).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aLimitTheEmulatorDoesNotImplementIsNotEmulatedNeverPass() {
        Evidence e = holding();
        Evidence noProbes = new Evidence(e.rows(), e.capacityDays(), e.requests(), e.assertions(), 0, 250, e.quotaKbPerResourceYear(), e.horizon(), Map.of());
        for (String id : List.of("fetchxml-500-rows", "workflow-120s", "process-logs-30-days", "service-protection")) {
            assertThat(verdict(noProbes, id)).isEqualTo(Verdict.NOT_EMULATED);
        }
    }

    @Test
    void aSmallOrganisationIsNotMeasuredAndMissingRequestsNeverPass() {
        Evidence e = holding();
        Evidence small = new Evidence(Map.of("sensei_project", 120L, "bookableresource", 100L), 1461, Map.of(), List.of(), 0, 0,
                e.quotaKbPerResourceYear(), e.horizon(), e.probes());
        assertThat(verdict(small, "projects-5000")).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(verdict(small, "resources-2000-capacity-4y")).isEqualTo(Verdict.NOT_MEASURED);
        for (String id : List.of("plan-90-resources", "save-45-resource-years", "groups-250-per-user")) {
            assertThat(verdict(small, id)).as(id).isNotEqualTo(Verdict.PASS);
        }
    }

    @Test
    void aLimitWhoseRequestsTheSuiteNeverSentIsNotMeasuredButOneThatWasSentAndFailedFails() {
        Evidence e = holding();
        Map<String, Evidence.RequestFigures> loadMix = new LinkedHashMap<>(e.requests());
        for (String name : List.of("rm.plan.save45", "rm.plan.save45_1", "rm.plan.count.after", "admin.group.251")) loadMix.remove(name);
        Evidence load = new Evidence(e.rows(), e.capacityDays(), loadMix, e.assertions(), 0, 250, e.quotaKbPerResourceYear(), e.horizon(), e.probes());
        for (String id : List.of("plan-90-resources", "save-45-resource-years", "groups-250-per-user")) {
            assertThat(verdict(load, id)).as(id).isEqualTo(Verdict.NOT_MEASURED);
        }
        Map<String, Evidence.RequestFigures> failing = new LinkedHashMap<>(loadMix);
        failing.put("rm.plan.save45", new Evidence.RequestFigures(10, 0, 0, Map.of("500", 10L), 5.0, 6.0));
        failing.put("admin.group.251", new Evidence.RequestFigures(3, 0, 0, Map.of("500", 3L), 5.0, 6.0));
        Evidence sentAndFailed = new Evidence(e.rows(), e.capacityDays(), failing, e.assertions(), 0, 250, e.quotaKbPerResourceYear(), e.horizon(), e.probes());
        for (String id : List.of("plan-90-resources", "save-45-resource-years", "groups-250-per-user")) {
            assertThat(verdict(sentAndFailed, id)).as(id).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void aFailedJourneyOrABrokenAssertionFailsTheProjectsLimit() {
        Evidence e = holding();
        Evidence failedJourney = new Evidence(e.rows(), e.capacityDays(), e.requests(), e.assertions(), 1, 250, e.quotaKbPerResourceYear(), e.horizon(), e.probes());
        Evidence slow = new Evidence(e.rows(), e.capacityDays(), e.requests(),
                List.of(new AssertionResult("pm.projects.list", "p95Ms", 1000, 1500.0, "test", false)), 0, 250, e.quotaKbPerResourceYear(), e.horizon(), e.probes());
        assertThat(verdict(failedJourney, "projects-5000")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(slow, "projects-5000")).isEqualTo(Verdict.FAIL);
    }

    @Test
    void missingCapacityRowsFailTheResourcesLimitAndAWrongHorizonFailsTheHorizonLimit() {
        Evidence e = holding();
        Evidence thin = new Evidence(Map.of("sensei_project", 5_000L, "bookableresource", 2_000L, "sensei_resourcecapacity", 2_000_000L), 1461,
                e.requests(), e.assertions(), 0, 250, e.quotaKbPerResourceYear(), e.horizon(), e.probes());
        Evidence twelve = new Evidence(e.rows(), e.capacityDays(), e.requests(), e.assertions(), 0, 250, e.quotaKbPerResourceYear(),
                Optional.of(new Evidence.HorizonProbe(4, 200, 200, "")), e.probes());
        assertThat(verdict(thin, "resources-2000-capacity-4y")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(twelve, "horizon-4y-default-11-max")).isEqualTo(Verdict.FAIL);
    }

    @Test
    void a251stGroupThatWasAcceptedFailsTheGroupLimit() {
        Evidence e = holding();
        Map<String, Evidence.RequestFigures> requests = new LinkedHashMap<>(e.requests());
        requests.put("admin.group.251", new Evidence.RequestFigures(3, 0, 0, Map.of("204", 3L), 5.0, 6.0));
        Evidence accepted = new Evidence(e.rows(), e.capacityDays(), requests, e.assertions(), 0, 250, e.quotaKbPerResourceYear(), e.horizon(), e.probes());
        assertThat(verdict(accepted, "groups-250-per-user")).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aProbeThatSawTheLimitBrokenFails() {
        Evidence e = holding();
        Map<String, Evidence.ProbeResult> probes = new HashMap<>(e.probes());
        probes.put("service-protection", new Evidence.ProbeResult(false, 9000.0, "requests", "a", "never throttled"));
        Evidence broken = new Evidence(e.rows(), e.capacityDays(), e.requests(), e.assertions(), 0, 250, e.quotaKbPerResourceYear(), e.horizon(), probes);
        assertThat(verdict(broken, "service-protection")).isEqualTo(Verdict.FAIL);
    }
}
