package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.AppRegistration;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.Organisation;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic generator of whole organisations. {@link #prepare} resolves a profile with its knobs
 * and draws the organisation's skeleton (fast, small); {@link Generation#run} streams every row, in load
 * order, to a {@link RowSink} and returns counts, the canonical row-stream hash and the sign-in secrets.
 * Same profile, knobs and seed: the same rows, byte for byte.
 *
 * <p>Row order: directory (business units, users, teams, roles), strategy and intake, calendars and
 * resources, portfolios → programs → proposals → projects each with its tasks, registers, status
 * updates and resource plan, then capacity, timesheets and settings.
 */
public final class OrganisationGenerator {
    /** Every user of a generated organisation signs in with this password, as in the demo. */
    public static final String PASSWORD = DemoOrganisation.PASSWORD;

    private static final Set<String> SETTINGS_TABLES = Set.of("sensei_configurationsetting", "sensei_scheduledprocess", "sensei_processlog");
    private static final List<List<String>> PHASES = List.of(
            List.of("directory", "transactioncurrency", "organization", "businessunit", "systemuser", "team", "teammembership", "role", "systemuserroles"),
            List.of("strategy and intake", "sensei_strategictheme", "sensei_strategicgoal", "sensei_challenge", "sensei_idea"),
            List.of("calendars and resources", "sensei_enterprisecalendar", "sensei_calendarexception", "bookableresource"),
            List.of("portfolios, programs, projects", "sensei_portfolio", "sensei_program", "sensei_proposal", "sensei_project", "sensei_task",
                    "sensei_risk", "sensei_issue", "sensei_changerequest", "sensei_decision", "sensei_actionitem", "sensei_deliverable",
                    "sensei_lessonlearned", "sensei_assumption", "sensei_keydate", "sensei_dependency", "sensei_benefit",
                    "sensei_statusupdate", "sensei_resourcerequest", "sensei_resourceassignment", "sensei_resourcedemand", "principalobjectaccess"),
            List.of("capacity", "sensei_resourcecapacity"),
            List.of("timesheets", "sensei_timesheet", "sensei_timesheetentry", "sensei_timesheetapproval"),
            List.of("settings", "sensei_configurationsetting", "sensei_scheduledprocess", "sensei_processlog"));

    private OrganisationGenerator() {}

    public static Generation prepare(String profile, Knobs knobs, Schema schema) {
        return prepare(Profile.load(profile).settings(knobs), schema);
    }

    public static Generation prepare(Settings settings, Schema schema) {
        long t0 = System.nanoTime();
        if (settings.fixed()) return new Generation(settings, schema, null, DemoOrganisation.build(schema), t0);
        return new Generation(settings, schema, Planner.plan(settings), null, t0);
    }

    /** One prepared generation: its settings, the counts it will produce, and {@link #run}. */
    public static final class Generation {
        private final Settings settings;
        private final Schema schema;
        private final OrgPlan plan;
        private final Organisation demo;
        private final long planningMs;
        private final Map<String, Long> expected;

        private Generation(Settings settings, Schema schema, OrgPlan plan, Organisation demo, long t0) {
            this.settings = settings;
            this.schema = schema;
            this.plan = plan;
            this.demo = demo;
            this.expected = plan == null ? demoCounts(schema, demo) : OrganisationGenerator.expectedCounts(plan, schema);
            this.planningMs = (System.nanoTime() - t0) / 1_000_000;
        }

        public Settings settings() { return settings; }

        /**
         * Rows each table will get, schema order. Exact for every table but {@code principalobjectaccess}
         * (Assigned To shares are drawn while rows stream; this is its expected value).
         */
        public Map<String, Long> expectedCounts() { return expected; }

        public long expectedTotal() { return expected.values().stream().mapToLong(Long::longValue).sum(); }

        /** Resources × horizon years (0 for the demo, whose capacity covers one month). */
        public double resourceYears() { return plan == null ? 0 : (double) plan.resources.size() * settings.years(); }

        /** Streams every row to {@code sink}, then calls {@link RowSink#finish()}. */
        public GenerationResult run(RowSink sink) {
            Tally tally = new Tally(schema);
            CanonicalRowHash hash = new CanonicalRowHash(schema);
            RowSink all = new RangeCheck(schema).then(tally).then(hash).then(sink);
            Map<String, Long> timings = new LinkedHashMap<>();
            timings.put("planning", planningMs);
            Map<String, String> passwords = new LinkedHashMap<>();
            List<AppRegistration> apps;
            if (plan == null) {
                phase(all, "demo", expectedTotal());
                long t = System.nanoTime();
                demo.rows().forEach(all::accept);
                timings.put("demo", (System.nanoTime() - t) / 1_000_000);
                passwords.putAll(demo.passwords());
                apps = demo.appRegistrations();
            } else {
                stream(all, timings);
                plan.people.forEach(p -> passwords.put(p.upn(), PASSWORD));
                apps = List.of(new AppRegistration(DemoOrganisation.APP_CLIENT_ID, DemoOrganisation.APP_SECRET,
                        DemoOrganisation.userId(DemoOrganisation.APP_UPN)));
            }
            all.finish();
            return new GenerationResult(settings, tally.counts(), tally.total(), hash.hex(), tally.maxVersion(), passwords, apps,
                    resourceYears(), timings);
        }

        private void stream(RowSink all, Map<String, Long> timings) {
            Rngs rngs = new Rngs(settings.seed());
            Instant createdOn = settings.asOf().atTime(8, 0).toInstant(ZoneOffset.UTC);
            RowOut out = new RowOut(schema, plan.people.get(0).id(), createdOn, all);
            ResourceRows resources = new ResourceRows(plan);
            ProjectRows projects = new ProjectRows(plan, out, rngs.stream("values.projects"));
            List<Integer> approvers = plan.people.stream().filter(p -> "timesheetmanager".equals(p.slug()) && p.index() > 0)
                    .map(OrgPlan.Person::index).toList();
            timed(all, timings, 0, () -> PlatformRows.emit(plan, out));
            timed(all, timings, 1, () -> StrategyRows.emit(plan, out, rngs.stream("values.strategy")));
            timed(all, timings, 2, () -> resources.calendarsAndResources(out));
            timed(all, timings, 3, () -> {
                projects.portfoliosProgramsProposals();
                plan.projects.forEach(projects::project);
            });
            timed(all, timings, 4, () -> resources.capacity(out));
            timed(all, timings, 5, () -> resources.timesheets(out, approvers));
            timed(all, timings, 6, () -> {
                for (Row r : DemoOrganisation.build(schema).rows()) {
                    if (!SETTINGS_TABLES.contains(r.table())) continue;
                    Map<String, Object> v = new LinkedHashMap<>(r.values());
                    for (String system : List.of("versionnumber", "createdby", "modifiedby", "statecode", "statuscode")) v.remove(system);
                    out.org(r.table(), r.id(), v);
                }
            });
        }

        private void timed(RowSink sink, Map<String, Long> timings, int phase, Runnable body) {
            List<String> p = PHASES.get(phase);
            long expectedRows = p.subList(1, p.size()).stream().mapToLong(t -> expected.getOrDefault(t, 0L)).sum();
            phase(sink, p.get(0), expectedRows);
            long t = System.nanoTime();
            body.run();
            timings.put(p.get(0), (System.nanoTime() - t) / 1_000_000);
        }

        private static void phase(RowSink sink, String name, long rows) { sink.phase(name, rows); }
    }

    private static Map<String, Long> demoCounts(Schema schema, Organisation demo) {
        Tally t = new Tally(schema);
        demo.rows().forEach(t::accept);
        return t.counts();
    }

    private static Map<String, Long> expectedCounts(OrgPlan plan, Schema schema) {
        Map<String, Long> m = new java.util.HashMap<>();
        Settings s = plan.settings;
        m.put("transactioncurrency", 1L);
        m.put("organization", 1L);
        m.put("businessunit", (long) plan.units.size());
        m.put("systemuser", plan.people.size() + 1L);
        m.put("team", (long) plan.teams.size());
        m.put("teammembership", plan.teams.stream().mapToLong(t -> t.members().size()).sum() + 1);
        m.put("role", (long) plan.units.size() * io.ppmlab.datasets.ShippedRoles.ALL.size());
        m.put("systemuserroles", plan.people.stream().mapToLong(p -> p.roles().size()).sum() + 1);
        m.put("sensei_strategictheme", (long) plan.themes.size());
        m.put("sensei_strategicgoal", (long) plan.goals.size());
        m.put("sensei_challenge", (long) plan.challenges.size());
        m.put("sensei_idea", (long) plan.ideas.size());
        ResourceRows res = new ResourceRows(plan);
        m.put("sensei_enterprisecalendar", (long) s.calendars().size());
        m.put("sensei_calendarexception", res.holidayRows() + plan.resources.stream().mapToLong(r -> r.vacations().size()).sum());
        m.put("bookableresource", (long) plan.resources.size());
        m.put("sensei_portfolio", (long) plan.portfolios.size());
        m.put("sensei_program", (long) plan.programs.size());
        m.put("sensei_proposal", (long) plan.proposals.size());
        m.put("sensei_project", (long) plan.projects.size());
        long registers = 0;
        for (OrgPlan.Project p : plan.projects) {
            OrgPlan.Shape sh = p.shape();
            add(m, "sensei_task", sh.tasks());
            add(m, "sensei_resourceassignment", plan.resources.isEmpty() ? 0 : sh.assignedTasks());
            add(m, "sensei_risk", sh.risks());
            add(m, "sensei_issue", sh.issues());
            add(m, "sensei_changerequest", sh.changeRequests());
            add(m, "sensei_decision", sh.decisions());
            add(m, "sensei_actionitem", sh.actionItems());
            add(m, "sensei_deliverable", sh.deliverables());
            add(m, "sensei_lessonlearned", sh.lessons());
            add(m, "sensei_assumption", sh.assumptions());
            add(m, "sensei_keydate", sh.keyDates());
            add(m, "sensei_dependency", sh.dependsOn().size());
            add(m, "sensei_benefit", sh.benefits());
            add(m, "sensei_statusupdate", sh.statusUpdates());
            add(m, "sensei_resourcerequest", sh.requests());
            add(m, "sensei_resourcedemand", sh.plan().stream().mapToLong(OrgPlan.PlanLine::rows).sum());
            registers += sh.registers();
        }
        for (OrgPlan.Program g : plan.programs) {
            add(m, "sensei_risk", g.risks());
            registers += g.risks();
        }
        for (OrgPlan.Portfolio f : plan.portfolios) {
            add(m, "sensei_issue", f.issues());
            registers += f.issues();
        }
        m.put("principalobjectaccess", Math.round(registers * s.parameter("assignedRegisterShare") * s.parameter("assigneeOutsideTeamShare")));
        m.put("sensei_resourcecapacity", (long) plan.resources.size() * ChronoUnit.DAYS.between(s.horizonStart(), s.horizonEnd()));
        long sheets = (long) plan.timesheetPeople.size() * s.count("timesheetWeeks");
        m.put("sensei_timesheet", sheets);
        m.put("sensei_timesheetentry", sheets * 5);
        m.put("sensei_timesheetapproval", sheets);
        DemoOrganisation.build(schema).rows().stream().filter(r -> SETTINGS_TABLES.contains(r.table())).forEach(r -> add(m, r.table(), 1));
        Map<String, Long> ordered = new LinkedHashMap<>();
        schema.tables().forEach(t -> {
            Long n = m.get(t.logicalName());
            if (n != null && n > 0) ordered.put(t.logicalName(), n);
        });
        return ordered;
    }

    private static void add(Map<String, Long> m, String table, long n) { m.merge(table, n, Long::sum); }
}
