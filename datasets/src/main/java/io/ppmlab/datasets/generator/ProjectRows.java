package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.Ids;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.RowFactory;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import org.apache.commons.math3.random.RandomGenerator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.ppmlab.datasets.generator.RowOut.ref;
import static io.ppmlab.datasets.generator.RowOut.vals;

/**
 * Portfolio IQ and Project IQ rows: portfolios, programs and their own registers, proposals, then each
 * project with its tasks, registers, status updates, requests, assignments and resource plan. Registers,
 * plans and status updates carry their project's owner (the product replicates it); an Assigned To user
 * outside the owning team gets a share of that row only.
 */
final class ProjectRows {
    static final int[] KPI = {955000000, 955000001, 955000002};
    static final int[] LOW_MEDIUM_HIGH = {955000000, 955000001, 955000002};
    private static final String[] RISKS = {"Key supplier may deliver late", "Key people may be unavailable", "Budget may be cut",
            "Requirements may change", "Integration may be harder than planned", "Regulation may change"};
    private static final String[] ISSUES = {"Test environment not ready", "Requirements unclear", "Vendor missed a milestone",
            "Scope creep from stakeholders", "Licence costs higher than quoted"};
    private static final String[] ACTIONS = {"Book the steering committee", "Update the plan", "Chase the supplier",
            "Prepare the status report", "Review the budget"};
    private static final String[] TOPICS = {"CRM upgrade", "Office move", "ERP roll-out", "Data platform", "Onboarding portal",
            "Network refresh", "Mobile app", "Compliance programme", "Cost reduction", "Website redesign"};
    private static final int SHARE_MASK = DemoOrganisation.ASSIGNED_TO_SHARE_MASK;

    private final OrgPlan plan;
    private final RowOut out;
    private final RandomGenerator rng;
    private final List<List<Integer>> peopleOfUnit = new ArrayList<>();
    private final List<List<Integer>> resourcesOfUnit = new ArrayList<>();
    private final Map<Integer, Integer> resourceOfPerson = new java.util.HashMap<>();
    private final double assignedShare;
    private final double outsideShare;
    private final UUID standardCalendar;
    private long shares;

    ProjectRows(OrgPlan plan, RowOut out, RandomGenerator rng) {
        this.plan = plan;
        this.out = out;
        this.rng = rng;
        plan.units.forEach(u -> {
            peopleOfUnit.add(new ArrayList<>());
            resourcesOfUnit.add(new ArrayList<>());
        });
        for (OrgPlan.Person p : plan.people) if (p.index() > 0) peopleOfUnit.get(p.unit()).add(p.index());
        for (OrgPlan.Resource r : plan.resources) {
            resourcesOfUnit.get(r.unit()).add(r.index());
            if (r.user() >= 0) resourceOfPerson.put(r.user(), r.index());
        }
        assignedShare = plan.settings.parameter("assignedRegisterShare");
        outsideShare = plan.settings.parameter("assigneeOutsideTeamShare");
        standardCalendar = ResourceRows.calendarId(plan.settings.calendars().get(0).name());
    }

    /** Shares made so far (the one count the plan only estimates). */
    long shares() { return shares; }

    void portfoliosProgramsProposals() {
        LocalDate asOf = plan.settings.asOf();
        for (OrgPlan.Portfolio f : plan.portfolios) {
            out.owned("sensei_portfolio", f.id(), f.owner(), vals("sensei_name", f.name(),
                    "sensei_description", f.name() + " of " + plan.units.get(f.unit()).name(),
                    "sensei_sponsor", user(f.sponsor()), "sensei_start", LocalDate.of(asOf.getYear(), 1, 1),
                    "sensei_finish", LocalDate.of(asOf.getYear() + 2, 12, 31), "sensei_budget", money(500_000, 10_000_000),
                    "transactioncurrencyid", usd()));
            for (int k = 1; k <= f.issues(); k++) {
                register("sensei_issue", f.name() + " - Issue " + k, f.owner(), f.ownerTeam(), f.manager(), f.unit(), vals(
                        "sensei_portfolio", ref("sensei_portfolio", f.id()), "sensei_description", "Portfolio-level issue",
                        "sensei_priority", pick(LOW_MEDIUM_HIGH), "sensei_duedate", asOf.plusDays(rng.nextInt(120))));
            }
        }
        for (OrgPlan.Program g : plan.programs) {
            out.owned("sensei_program", g.id(), g.owner(), vals("sensei_name", g.name(),
                    "sensei_description", g.name() + " of " + plan.units.get(g.unit()).name(),
                    "sensei_portfolio", ref("sensei_portfolio", plan.portfolios.get(g.portfolio()).id()),
                    "sensei_programmanager", user(g.manager()), "sensei_start", asOf.minusMonths(rng.nextInt(12)),
                    "sensei_finish", asOf.plusMonths(6 + rng.nextInt(30)), "sensei_budget", money(200_000, 5_000_000),
                    "transactioncurrencyid", usd(), "sensei_overallstatus", pick(KPI)));
            for (int k = 1; k <= g.risks(); k++) {
                register("sensei_risk", g.name() + " - Risk " + k, g.owner(), g.ownerTeam(), g.manager(), g.unit(), vals(
                        "sensei_program", ref("sensei_program", g.id()), "sensei_description", "Program-level risk",
                        "sensei_probability", pick(LOW_MEDIUM_HIGH), "sensei_impact", pick(LOW_MEDIUM_HIGH),
                        "sensei_duedate", asOf.plusDays(rng.nextInt(120))));
            }
        }
        for (OrgPlan.Proposal p : plan.proposals) {
            LocalDate start = asOf.plusDays(rng.nextInt(365) - 90L);
            out.owned("sensei_proposal", p.id(), plan.userOwner(p.owner()), vals("sensei_name", p.name(),
                    "sensei_description", TOPICS[rng.nextInt(TOPICS.length)] + " for " + plan.units.get(p.unit()).name(),
                    "sensei_idea", p.idea() < 0 ? null : ref("sensei_idea", plan.ideas.get(p.idea()).id()),
                    "sensei_sponsor", user(p.owner()), "sensei_proposedstart", start,
                    "sensei_proposedfinish", start.plusMonths(3 + rng.nextInt(15)), "sensei_estimatedcost", money(20_000, 2_000_000),
                    "transactioncurrencyid", usd(), "sensei_score", BigDecimal.valueOf(rng.nextInt(101)), "statuscode", p.status()));
        }
    }

    void project(OrgPlan.Project p) {
        OrgPlan.Shape sh = p.shape();
        BigDecimal effort = BigDecimal.valueOf(40L * (sh.tasks() + rng.nextInt(5 * sh.tasks() + 1)));
        double done = Math.max(0, Math.min(1, (double) ChronoUnit.DAYS.between(p.start(), plan.settings.asOf())
                / Math.max(1, ChronoUnit.DAYS.between(p.start(), p.finish()))));
        BigDecimal completed = effort.multiply(BigDecimal.valueOf(Math.round(done * 100))).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
        BigDecimal baseline = effort.multiply(BigDecimal.valueOf(80 + rng.nextInt(41))).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
        LocalDate baselineFinish = p.finish().minusDays(rng.nextInt(30));
        int overall = pick(KPI);
        out.owned("sensei_project", p.id(), p.owner(), vals("sensei_name", p.name(),
                "sensei_description", TOPICS[rng.nextInt(TOPICS.length)] + " (" + plan.units.get(p.unit()).name() + ")",
                "sensei_program", p.program() < 0 ? null : ref("sensei_program", plan.programs.get(p.program()).id()),
                "sensei_portfolio", p.portfolio() < 0 ? null : ref("sensei_portfolio", plan.portfolios.get(p.portfolio()).id()),
                "sensei_proposal", p.proposal() < 0 ? null : ref("sensei_proposal", plan.proposals.get(p.proposal()).id()),
                "sensei_projectmanager", user(p.manager()), "sensei_enterprisecalendar", ref("sensei_enterprisecalendar", standardCalendar),
                "sensei_projectstart", p.start(), "sensei_projectfinish", p.finish(), "sensei_baselinefinish", baselineFinish,
                "sensei_effort", effort, "sensei_baselineeffort", baseline, "sensei_effortcompleted", completed,
                "sensei_effortremaining", effort.subtract(completed),
                "sensei_percentcomplete", BigDecimal.valueOf(Math.round(done * 10000), 2),
                "sensei_budget", money(50_000, 3_000_000), "sensei_actualcost", money(0, 1_000_000), "transactioncurrencyid", usd(),
                "sensei_priority", pick(LOW_MEDIUM_HIGH), "sensei_overallstatus", overall));
        tasks(p, effort);
        registers(p);
        statusUpdates(p, effort, completed, baseline, baselineFinish, overall);
        requests(p);
        demand(p);
    }

    private void tasks(OrgPlan.Project p, BigDecimal effort) {
        OrgPlan.Shape sh = p.shape();
        EntityRef project = ref("sensei_project", p.id());
        int phases = Planner.phases(sh.tasks());
        int children = sh.tasks() - phases;
        long days = Math.max(1, ChronoUnit.DAYS.between(p.start(), p.finish()));
        int leafTotal = Math.max(0, sh.tasks() - 2 * phases);
        int leafSeen = 0;
        int assignedLeft = sh.assignedTasks();
        int n = 0;
        for (int ph = 0; ph < phases; ph++) {
            int mine = children / phases + (ph < children % phases ? 1 : 0);
            LocalDate phaseStart = p.start().plusDays(days * ph / phases);
            LocalDate phaseEnd = p.start().plusDays(days * (ph + 1) / phases);
            String phaseName = taskName(p, ++n);
            UUID phaseId = Ids.of("sensei_task", phaseName);
            out.owned("sensei_task", phaseId, p.owner(), vals("sensei_name", phaseName, "sensei_project", project,
                    "sensei_outlinelevel", 1, "sensei_start", phaseStart, "sensei_finish", phaseEnd,
                    "sensei_effort", effort.divide(BigDecimal.valueOf(phases), 0, RoundingMode.HALF_UP), "sensei_ismilestone", false));
            for (int c = 0; c < mine; c++) {
                boolean milestone = c == mine - 1;
                String name = taskName(p, ++n);
                UUID id = Ids.of("sensei_task", name);
                int assignee = -1;
                if (!milestone) {
                    // Selection sampling: exactly assignedTasks of the leafTotal non-milestone tasks get someone.
                    if (assignedLeft > 0 && rng.nextInt(leafTotal - leafSeen) < assignedLeft) {
                        assignee = teamMember(p);
                        assignedLeft--;
                    }
                    leafSeen++;
                }
                LocalDate start = milestone ? phaseEnd : phaseStart.plusDays(rng.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(phaseStart, phaseEnd))));
                LocalDate finish = milestone ? phaseEnd : min(start.plusDays(5 + rng.nextInt(40)), phaseEnd);
                out.owned("sensei_task", id, p.owner(), vals("sensei_name", name, "sensei_project", project,
                        "sensei_parenttask", ref("sensei_task", phaseId), "sensei_outlinelevel", 2, "sensei_start", start,
                        "sensei_finish", finish.isBefore(start) ? start : finish,
                        "sensei_effort", milestone ? BigDecimal.ZERO : BigDecimal.valueOf(8L * (1 + rng.nextInt(20))),
                        "sensei_assignedto", assignee < 0 ? null : user(assignee), "sensei_ismilestone", milestone));
                if (assignee >= 0) {
                    int resource = resourceFor(assignee, p.unit());
                    if (resource >= 0) {
                        OrgPlan.Resource r = plan.resources.get(resource);
                        String an = name + " - " + r.name();
                        out.owned("sensei_resourceassignment", Ids.of("sensei_resourceassignment", an), p.owner(), vals(
                                "sensei_name", an, "sensei_task", ref("sensei_task", id), "sensei_project", project,
                                "sensei_bookableresource", ref("bookableresource", r.id()), "sensei_hours", BigDecimal.valueOf(8L * (1 + rng.nextInt(10)))));
                    }
                }
            }
        }
    }

    private static String taskName(OrgPlan.Project p, int n) { return p.name() + " - Task " + String.format("%03d", n); }

    private void registers(OrgPlan.Project p) {
        OrgPlan.Shape sh = p.shape();
        EntityRef project = ref("sensei_project", p.id());
        LocalDate start = p.start();
        for (int k = 1; k <= sh.risks(); k++) {
            int prob = pick(LOW_MEDIUM_HIGH);
            int impact = pick(LOW_MEDIUM_HIGH);
            projectRegister("sensei_risk", p, "Risk " + k, vals("sensei_project", project,
                    "sensei_description", RISKS[rng.nextInt(RISKS.length)], "sensei_probability", prob, "sensei_impact", impact,
                    "sensei_riskscore", (prob - 954999999) * (impact - 954999999), "sensei_duedate", due(p),
                    "sensei_mitigation", rng.nextBoolean() ? "Mitigation agreed with the sponsor" : null));
        }
        for (int k = 1; k <= sh.issues(); k++) {
            projectRegister("sensei_issue", p, "Issue " + k, vals("sensei_project", project,
                    "sensei_description", ISSUES[rng.nextInt(ISSUES.length)], "sensei_priority", pick(LOW_MEDIUM_HIGH),
                    "sensei_impact", pick(LOW_MEDIUM_HIGH), "sensei_duedate", due(p)));
        }
        for (int k = 1; k <= sh.changeRequests(); k++) {
            projectRegister("sensei_changerequest", p, "Change Request " + k, vals("sensei_project", project,
                    "sensei_description", "Change to " + TOPICS[rng.nextInt(TOPICS.length)], "sensei_costestimate", money(1_000, 100_000),
                    "transactioncurrencyid", usd(), "sensei_scheduleimpactdays", rng.nextInt(60), "sensei_priority", pick(LOW_MEDIUM_HIGH),
                    "statuscode", 955000000 + rng.nextInt(3)));
        }
        for (int k = 1; k <= sh.decisions(); k++) {
            projectRegister("sensei_decision", p, "Decision " + k, vals("sensei_project", project,
                    "sensei_description", "Decision on " + TOPICS[rng.nextInt(TOPICS.length)],
                    "sensei_decisiondate", start.plusDays(rng.nextInt(90)), "sensei_decisionmaker", user(p.manager())));
        }
        for (int k = 1; k <= sh.actionItems(); k++) {
            projectRegister("sensei_actionitem", p, "Action Item " + k, vals("sensei_project", project,
                    "sensei_description", ACTIONS[rng.nextInt(ACTIONS.length)], "sensei_priority", pick(LOW_MEDIUM_HIGH), "sensei_duedate", due(p)));
        }
        for (int k = 1; k <= sh.deliverables(); k++) {
            projectRegister("sensei_deliverable", p, "Deliverable " + k, vals("sensei_project", project,
                    "sensei_duedate", due(p), "sensei_acceptancecriteria", "Signed off by the sponsor"));
        }
        for (int k = 1; k <= sh.lessons(); k++) {
            projectRegister("sensei_lessonlearned", p, "Lesson " + k, vals("sensei_project", project,
                    "sensei_description", "Involve users early", "sensei_recommendation", "Run a pilot before roll-out"));
        }
        for (int k = 1; k <= sh.assumptions(); k++) {
            projectRegister("sensei_assumption", p, "Assumption " + k, vals("sensei_project", project,
                    "sensei_description", "Staff are available as planned", "sensei_validated", rng.nextBoolean()));
        }
        for (int k = 1; k <= sh.keyDates(); k++) {
            projectRegister("sensei_keydate", p, "Key Date " + k, vals("sensei_project", project, "sensei_date", due(p)));
        }
        int k = 0;
        for (int other : sh.dependsOn()) {
            projectRegister("sensei_dependency", p, "Dependency " + (++k), vals("sensei_project", project,
                    "sensei_dependsonproject", ref("sensei_project", plan.projects.get(other).id()), "sensei_duedate", due(p)));
        }
        for (int b = 1; b <= sh.benefits(); b++) {
            OrgPlan.Goal goal = plan.goals.get(rng.nextInt(plan.goals.size()));
            projectRegister("sensei_benefit", p, "Benefit " + b, vals("sensei_project", project,
                    "sensei_strategicgoal", ref("sensei_strategicgoal", goal.id()), "sensei_plannedvalue", money(10_000, 1_000_000),
                    "sensei_actualvalue", BigDecimal.ZERO, "transactioncurrencyid", usd()));
        }
    }

    private void projectRegister(String table, OrgPlan.Project p, String suffix, Map<String, Object> values) {
        register(table, p.name() + " - " + suffix, p.owner(), p.ownerTeam(), p.manager(), p.unit(), values);
    }

    /** A register row owned like its parent, maybe with an Assigned To user (shared the row if outside the owning team). */
    private void register(String table, String name, RowFactory.Owner owner, int ownerTeam, int manager, int unit, Map<String, Object> values) {
        UUID id = Ids.of(table, name);
        values.put("sensei_name", name);
        int assignee = -1;
        if (Rngs.chance(rng, assignedShare)) {
            assignee = Rngs.chance(rng, outsideShare) ? outsider(unit) : member(ownerTeam, manager);
            if (assignee >= 0) values.put("sensei_assignedto", user(assignee));
        }
        Row row = out.owned(table, id, owner, values);
        if (assignee < 0) return;
        UUID userId = plan.people.get(assignee).id();
        boolean ownerIsAssignee = owner.principal().table().equals("systemuser") && owner.principal().id().equals(userId);
        boolean inTeam = ownerTeam >= 0 && plan.isMember(ownerTeam, assignee);
        if (ownerIsAssignee || inTeam) return;
        out.org("principalobjectaccess", Ids.of("principalobjectaccess", row.id() + "|" + userId), vals(
                "objectid", row.id(), "objecttypecode", table, "principalid", userId, "principaltypecode", "systemuser",
                "accessrightsmask", SHARE_MASK, "inheritedaccessrightsmask", 0));
        shares++;
    }

    private int member(int team, int manager) {
        if (team < 0) return manager;
        List<Integer> m = plan.teams.get(team).members();
        return m.isEmpty() ? manager : m.get(rng.nextInt(m.size()));
    }

    private int teamMember(OrgPlan.Project p) { return member(p.ownerTeam(), p.manager()); }

    /** Someone of the unit (or anyone) to assign from outside the team; may turn out to be a member, then no share is needed. */
    private int outsider(int unit) {
        List<Integer> pool = peopleOfUnit.get(unit).isEmpty() ? null : peopleOfUnit.get(unit);
        if (pool == null) return plan.people.size() > 1 ? 1 + rng.nextInt(plan.people.size() - 1) : -1;
        return pool.get(rng.nextInt(pool.size()));
    }

    private int resourceFor(int person, int unit) {
        Integer own = resourceOfPerson.get(person);
        if (own != null) return own;
        List<Integer> pool = resourcesOfUnit.get(unit);
        if (!pool.isEmpty()) return pool.get(rng.nextInt(pool.size()));
        return plan.resources.isEmpty() ? -1 : rng.nextInt(plan.resources.size());
    }

    private void statusUpdates(OrgPlan.Project p, BigDecimal effort, BigDecimal completed, BigDecimal baseline, LocalDate baselineFinish,
                               int overall) {
        EntityRef project = ref("sensei_project", p.id());
        for (int k = 0; k < p.shape().statusUpdates(); k++) {
            LocalDate date = p.start().plusWeeks(2L * (k + 1));
            String name = p.name() + " - Status " + date;
            out.owned("sensei_statusupdate", Ids.of("sensei_statusupdate", name), p.owner(), vals("sensei_name", name,
                    "sensei_projectlink", project, "sensei_statusdate", date, "sensei_startdate", p.start(),
                    "sensei_scheduledfinish", p.finish(), "sensei_baselinefinish", baselineFinish, "sensei_totalwork", effort,
                    "sensei_baselinetotalwork", baseline, "sensei_workvariance", effort.subtract(baseline),
                    "sensei_schedulevariance", (int) ChronoUnit.DAYS.between(baselineFinish, p.finish()),
                    "sensei_remainingwork", effort.subtract(completed), "sensei_activedeliverables", p.shape().deliverables(),
                    "transactioncurrencyid", usd(), "sensei_overallstatus", k == p.shape().statusUpdates() - 1 ? overall : pick(KPI),
                    "sensei_deliverablesstatus", pick(KPI), "sensei_schedulestatus", pick(KPI), "sensei_workstatus", pick(KPI),
                    "sensei_financialsstatus", pick(KPI), "sensei_issuesstatus", pick(KPI), "sensei_changerequestsstatus", pick(KPI),
                    "sensei_risksstatus", pick(KPI)));
        }
    }

    private void requests(OrgPlan.Project p) {
        for (int k = 1; k <= p.shape().requests(); k++) {
            String name = p.name() + " - Request " + k;
            int resource = resourceFor(-1, p.unit());
            LocalDate start = p.start().plusDays(rng.nextInt(60));
            out.owned("sensei_resourcerequest", Ids.of("sensei_resourcerequest", name), p.owner(), vals("sensei_name", name,
                    "sensei_project", ref("sensei_project", p.id()),
                    "sensei_requestedresource", resource < 0 ? null : ref("bookableresource", plan.resources.get(resource).id()),
                    "sensei_requester", user(p.manager()), "sensei_startdate", start, "sensei_enddate", start.plusMonths(1 + rng.nextInt(6)),
                    "sensei_hours", BigDecimal.valueOf(40L * (1 + rng.nextInt(20))), "statuscode", 955000000 + rng.nextInt(3)));
        }
    }

    /** The resource plan: one demand row per resource per working day of each plan line. */
    private void demand(OrgPlan.Project p) {
        EntityRef project = ref("sensei_project", p.id());
        for (OrgPlan.PlanLine line : p.shape().plan()) {
            OrgPlan.Resource r = plan.resources.get(line.resource());
            EntityRef resource = ref("bookableresource", r.id());
            String prefix = p.name() + "/" + r.name() + "/";
            for (LocalDate d = line.start(); d.isBefore(line.end()); d = d.plusDays(1)) {
                if (!Planner.isWorkday(d)) continue;
                out.owned("sensei_resourcedemand", Ids.of("sensei_resourcedemand", prefix + d), p.owner(), vals(
                        "sensei_project", project, "sensei_bookableresource", resource, "sensei_date", d, "sensei_hours", line.hours()));
            }
        }
    }

    private LocalDate due(OrgPlan.Project p) {
        long days = Math.max(1, ChronoUnit.DAYS.between(p.start(), p.finish()));
        return p.start().plusDays(rng.nextInt((int) Math.min(Integer.MAX_VALUE, days)));
    }

    private int pick(int[] options) { return options[rng.nextInt(options.length)]; }

    private BigDecimal money(int low, int high) { return BigDecimal.valueOf(1000L * ((low + rng.nextInt(high - low + 1)) / 1000)); }

    private EntityRef user(int person) { return ref("systemuser", plan.people.get(person).id()); }

    private static EntityRef usd() { return ref("transactioncurrency", PlatformRows.usd()); }

    private static LocalDate min(LocalDate a, LocalDate b) { return a.isBefore(b) ? a : b; }
}
