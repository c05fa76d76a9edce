package io.ppmlab.harness.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.ppmlab.harness.limits.Verdict.FAIL;
import static io.ppmlab.harness.limits.Verdict.NOT_EMULATED;
import static io.ppmlab.harness.limits.Verdict.NOT_MEASURED;
import static io.ppmlab.harness.limits.Verdict.PASS;

/**
 * Decides the verdict of every documented limit from a run's {@link Evidence}. A limit passes only when what it is
 * about was measured and held; missing evidence is a failure or "not measured", never a pass.
 */
public final class LimitChecks {
    static final long PROJECTS = 5_000;
    static final long RESOURCES = 2_000;
    static final double DOCUMENTED_KB = 170;
    static final double QUOTA_TOLERANCE = 0.10;

    private LimitChecks() {}

    public static List<LimitResult> evaluate(Evidence e) {
        List<LimitResult> out = new ArrayList<>();
        out.add(projects(e));
        out.add(resources(e));
        out.add(planResources(e));
        out.add(save(e));
        out.add(quota(e));
        out.add(horizon(e));
        out.add(groups(e));
        for (DocumentedLimit probed : List.of(DocumentedLimit.FETCHXML, DocumentedLimit.WORKFLOW, DocumentedLimit.LOGS,
                DocumentedLimit.SERVICE_PROTECTION)) {
            out.add(probed(e, probed));
        }
        return out;
    }

    static LimitResult projects(Evidence e) {
        DocumentedLimit l = DocumentedLimit.PROJECTS;
        long n = e.row("sensei_project");
        String assertion = "5,000 projects present; every persona journey's checks and latency assertions hold there";
        if (n < PROJECTS) return LimitResult.of(l, assertion, (double) n, "projects", NOT_MEASURED, "this organisation holds " + n + " projects");
        List<String> broken = brokenAssertions(e);
        boolean holds = e.failedJourneys() == 0 && broken.isEmpty() && !e.requests().isEmpty();
        return LimitResult.of(l, assertion, (double) n, "projects", holds ? PASS : FAIL, holds ? "all journeys passed over " + n + " projects"
                : e.failedJourneys() + " failed journeys; assertions not held: " + broken);
    }

    static LimitResult resources(Evidence e) {
        DocumentedLimit l = DocumentedLimit.RESOURCES;
        long resources = e.row("bookableresource");
        long capacity = e.row("sensei_resourcecapacity");
        String assertion = "2,000 resources x 1,461 days of capacity (2,922,000 rows); heat map of 90 resources x 6 months within its assertion";
        if (resources < RESOURCES) {
            return LimitResult.of(l, assertion, (double) resources, "resources", NOT_MEASURED, "this organisation holds " + resources + " resources");
        }
        Optional<AssertionResult> heat = assertion(e, "rm.heatmap.capacity");
        boolean full = capacity == resources * e.capacityDays();
        boolean fast = heat.map(AssertionResult::holds).orElse(false);
        boolean ran = e.request("rm.heatmap.capacity").map(r -> r.count() > 0 && r.unexpected() == 0).orElse(false);
        Double p95 = e.request("rm.heatmap.capacity").map(Evidence.RequestFigures::p95Ms).orElse(null);
        return LimitResult.of(l, assertion, p95, "ms p95 (heat map)", full && fast && ran ? PASS : FAIL,
                String.format(Locale.ROOT, "%,d resources, %,d capacity rows (%,d expected); heat map %s", resources, capacity,
                        resources * e.capacityDays(), heat.map(a -> "p95 " + a.measured() + " ms against " + a.limit()).orElse("not measured")));
    }

    static LimitResult planResources(Evidence e) {
        DocumentedLimit l = DocumentedLimit.PLAN_RESOURCES;
        String assertion = "a 90-resource plan loads (every row) and a 90-resource plan saves";
        Optional<Evidence.RequestFigures> load = e.request("rm.plan.load");
        Optional<Evidence.RequestFigures> save = e.request("rm.plan.save45");
        boolean loadAnswered = load.map(r -> r.count() > 0 && r.unexpected() == 0).orElse(false);
        if (notRun(save)) {
            return LimitResult.of(l, assertion, null, "resources", NOT_MEASURED, "this suite's journeys save no plan (load and soak: resource managers "
                    + "only read); plan load " + (loadAnswered ? "complete" : "failed or missing"));
        }
        boolean loaded = loadAnswered && e.failedJourneys() == 0;
        boolean saved = save.map(r -> r.ok() > 0 && r.unexpected() == 0).orElse(false);
        return LimitResult.of(l, assertion, 90.0, "resources", loaded && saved ? PASS : FAIL,
                "plan load " + (loaded ? "complete" : "failed or missing") + "; 90-resource save " + (saved ? "done" : "failed or missing"));
    }

    static LimitResult save(Evidence e) {
        DocumentedLimit l = DocumentedLimit.SAVE;
        String assertion = "45 resource-years saved atomically within the save assertion; 45.1 refused with 400 and nothing written";
        Optional<Evidence.RequestFigures> ok = e.request("rm.plan.save45");
        Optional<Evidence.RequestFigures> refused = e.request("rm.plan.save45_1");
        Optional<Evidence.RequestFigures> after = e.request("rm.plan.count.after");
        if (notRun(ok) && notRun(refused)) {
            return LimitResult.of(l, assertion, null, "ms p95 (45 resource-year save)", NOT_MEASURED, "this suite's journeys save no plan");
        }
        boolean saved = ok.map(r -> r.ok() > 0 && r.unexpected() == 0).orElse(false);
        boolean refusedAll = refused.map(r -> r.ok() > 0 && r.unexpected() == 0 && r.expectedRefusals() == r.ok()).orElse(false);
        boolean nothingWritten = after.map(r -> r.count() > 0 && r.unexpected() == 0).orElse(false) && e.failedJourneys() == 0;
        boolean fast = assertion(e, "rm.plan.save45").map(AssertionResult::holds).orElse(true);
        Double p95 = ok.map(Evidence.RequestFigures::p95Ms).orElse(null);
        return LimitResult.of(l, assertion, p95, "ms p95 (45 resource-year save)", saved && refusedAll && nothingWritten && fast ? PASS : FAIL,
                String.format(Locale.ROOT, "45: %s saves, p50 %s ms, p95 %s ms; 45.1: %s of %s refused; read back %s", ok.map(r -> r.ok()).orElse(0L),
                        ok.map(Evidence.RequestFigures::p50Ms).orElse(null), p95, refused.map(Evidence.RequestFigures::expectedRefusals).orElse(0L),
                        refused.map(Evidence.RequestFigures::count).orElse(0L), nothingWritten ? "unchanged" : "not confirmed"));
    }

    static LimitResult quota(Evidence e) {
        DocumentedLimit l = DocumentedLimit.QUOTA;
        String assertion = "storage meter's capacity quota per resource-year within +/-10 % of 170 KB";
        if (e.quotaKbPerResourceYear().isEmpty()) return LimitResult.of(l, assertion, null, "KB", FAIL, "the storage meter did not answer");
        double kb = e.quotaKbPerResourceYear().get();
        boolean holds = Math.abs(kb / DOCUMENTED_KB - 1) <= QUOTA_TOLERANCE;
        return LimitResult.of(l, assertion, kb, "KB per resource-year", holds ? PASS : FAIL,
                String.format(Locale.ROOT, "%.1f KB, %+.1f %% from 170 KB", kb, 100 * (kb / DOCUMENTED_KB - 1)));
    }

    static LimitResult horizon(Evidence e) {
        DocumentedLimit l = DocumentedLimit.HORIZON;
        String assertion = "default 4 years; 11 accepted; 12 refused with 400";
        if (e.horizon().isEmpty()) return LimitResult.of(l, assertion, null, "years", FAIL, "the horizon probe did not run");
        Evidence.HorizonProbe h = e.horizon().get();
        boolean holds = h.defaultYears() == 4 && h.elevenYearsStatus() == 200 && h.twelveYearsStatus() == 400;
        return LimitResult.of(l, assertion, (double) h.defaultYears(), "years by default", holds ? PASS : FAIL,
                "default " + h.defaultYears() + " years; 11 years: " + h.elevenYearsStatus() + "; 12 years: " + h.twelveYearsStatus() + " " + h.twelveYearsCode());
    }

    static LimitResult groups(Evidence e) {
        DocumentedLimit l = DocumentedLimit.GROUPS;
        String assertion = "250 group teams administered by one user; the 251st refused with 400";
        Optional<Evidence.RequestFigures> over = e.request("admin.group.251");
        if (notRun(over)) {
            return LimitResult.of(l, assertion, (double) e.groupsPrepared(), "groups administered", NOT_MEASURED,
                    e.groupsPrepared() + " groups prepared; this suite's journeys do not try the 251st");
        }
        boolean refused = over.map(r -> r.ok() > 0 && r.unexpected() == 0 && r.expectedRefusals() == r.ok()).orElse(false);
        boolean prepared = e.groupsPrepared() == 250;
        return LimitResult.of(l, assertion, (double) e.groupsPrepared(), "groups administered", refused && prepared ? PASS : FAIL,
                e.groupsPrepared() + " groups before the 251st; 251st " + over.map(r -> r.expectedRefusals() + " of " + r.count() + " refused")
                        .orElse("not attempted"));
    }

    static LimitResult probed(Evidence e, DocumentedLimit l) {
        Evidence.ProbeResult p = e.probes().get(l.id());
        if (p == null) return LimitResult.of(l, "not emulated yet", null, null, NOT_EMULATED, "the emulator does not implement this yet");
        return LimitResult.of(l, p.assertion(), p.value(), p.unit(), p.holds() ? PASS : FAIL, p.detail());
    }

    /** A request this suite's journeys never sent: what it is about was not measured (never a pass; in limits, a failure). */
    private static boolean notRun(Optional<Evidence.RequestFigures> r) {
        return r.map(x -> x.count() == 0).orElse(true);
    }

    private static Optional<AssertionResult> assertion(Evidence e, String request) {
        return e.assertions().stream().filter(a -> a.request().equals(request)).findFirst();
    }

    private static List<String> brokenAssertions(Evidence e) {
        return e.assertions().stream().filter(a -> !a.holds()).map(a -> a.request() + " " + a.metric() + " " + a.measured() + " > " + a.limit()).toList();
    }
}
