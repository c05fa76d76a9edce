package io.ppmlab.datasets;

import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.ppmlab.datasets.DemoContext.*;
import static io.ppmlab.datasets.DemoOrganisation.*;

/**
 * The demo's portfolios, programs and projects, each owned by its M365 group team, and their plans,
 * registers and status updates, owned like their parent (the product replicates the owner).
 */
final class DemoPortfolios {
    static final int ON_TRACK = 955000000;
    static final int ON_WATCH = 955000001;
    static final int TROUBLED = 955000002;
    static final int SUBMITTED = 955000000;
    static final int REJECTED = 955000002;

    private DemoPortfolios() {}

    static void add(DemoContext ctx) {
        for (String portfolio : PORTFOLIOS) {
            boolean it = businessUnitOf(portfolio).equals("IT");
            ctx.named("sensei_portfolio", portfolio, groupOwner(portfolio), vals(
                    "sensei_description", portfolio + " of the " + businessUnitOf(portfolio) + " business unit",
                    "sensei_sponsor", user(it ? "projectexecutive" : "strategyuser"),
                    "sensei_start", LocalDate.of(2025, 1, 1), "sensei_finish", LocalDate.of(2027, 12, 31),
                    "sensei_budget", num(2_000_000), "transactioncurrencyid", usd()));
        }
        PROGRAM_PORTFOLIO.forEach((program, portfolio) -> ctx.named("sensei_program", program, groupOwner(program), vals(
                "sensei_portfolio", record("sensei_portfolio", portfolio),
                "sensei_programmanager", user(businessUnitOf(program).equals("IT") ? "programmanager" : "yellow"),
                "sensei_start", LocalDate.of(2025, 1, 1), "sensei_finish", LocalDate.of(2026, 12, 31),
                "sensei_budget", num(1_000_000), "transactioncurrencyid", usd(),
                "sensei_effortremaining", programRemaining(program), "sensei_overallstatus", ON_TRACK)));
        for (String project : PROJECT_PROGRAM.keySet()) project(ctx, project);
        for (String program : PROGRAM_PORTFOLIO.keySet()) {
            RowFactory.Owner owner = ctx.ownerOf("sensei_program", program);
            ctx.named("sensei_risk", program + " - Risk 1", owner, vals("sensei_program", record("sensei_program", program),
                    "sensei_description", "Program-level risk", "sensei_probability", 955000001, "sensei_impact", 955000002,
                    "sensei_duedate", LocalDate.of(2025, 2, 28)));
            ctx.named("sensei_statusupdate", program + " - Status 2025-01-27", owner, vals(
                    "sensei_program", record("sensei_program", program), "sensei_statusdate", LocalDate.of(2025, 1, 27),
                    "sensei_remainingwork", programRemaining(program), "sensei_overallstatus", ON_TRACK));
        }
        for (String portfolio : PORTFOLIOS) {
            ctx.named("sensei_issue", portfolio + " - Issue 1", ctx.ownerOf("sensei_portfolio", portfolio), vals(
                    "sensei_portfolio", record("sensei_portfolio", portfolio), "sensei_description", "Portfolio-level issue",
                    "sensei_priority", 955000001, "sensei_duedate", LocalDate.of(2025, 3, 31)));
        }
    }

    /** Number (1..3) of a headline record from its name, e.g. "HR Project 2" → 2. */
    private static int number(String name) { return Integer.parseInt(name.substring(name.lastIndexOf(' ') + 1)); }

    private static BigDecimal effort(String project) { return num(400L * number(project) + (businessUnitOf(project).equals("HR") ? 100 : 0)); }

    private static BigDecimal completed(String project) { return num(100L * number(project)); }

    private static BigDecimal remaining(String project) { return effort(project).subtract(completed(project)); }

    /** Baseline work: on plan for project 1, about 11% under for 2 (On Watch), 25% under for 3 (Troubled). */
    private static BigDecimal baselineEffort(String project) {
        BigDecimal factor = switch (number(project)) { case 1 -> BigDecimal.ONE; case 2 -> new BigDecimal("0.9"); default -> new BigDecimal("0.75"); };
        return effort(project).multiply(factor).setScale(0, RoundingMode.HALF_UP);
    }

    private static BigDecimal programRemaining(String program) {
        return PROJECT_PROGRAM.entrySet().stream().filter(e -> e.getValue().equals(program))
                .map(e -> remaining(e.getKey())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static LocalDate start(String project) { return LocalDate.of(2025, 1, 6).plusMonths(number(project) - 1); }

    private static LocalDate finish(String project) { return start(project).plusMonths(9); }

    private static LocalDate baselineFinish(String project) { return finish(project).minusDays(number(project) == 2 ? 20 : 0); }

    /** The first documented member of a project's group, else the BU's example user without groups. */
    private static String projectManager(String project) {
        return GROUP_MEMBERSHIPS.entrySet().stream().filter(e -> e.getValue().contains(project)).map(e -> e.getKey())
                .findFirst().orElse(upn(businessUnitOf(project).equals("IT") ? "blue" : "yellow"));
    }

    private static void project(DemoContext ctx, String project) {
        String program = PROJECT_PROGRAM.get(project);
        RowFactory.Owner owner = groupOwner(project);
        int n = number(project);
        BigDecimal effort = effort(project);
        ctx.named("sensei_project", project, owner, vals(
                "sensei_description", project + " of " + program,
                "sensei_program", record("sensei_program", program),
                "sensei_portfolio", record("sensei_portfolio", PROGRAM_PORTFOLIO.get(program)),
                "sensei_proposal", project.equals("IT Project 3") ? record("sensei_proposal", DemoStrategy.IT_PROPOSAL) : null,
                "sensei_projectmanager", user(projectManager(project)),
                "sensei_enterprisecalendar", record("sensei_enterprisecalendar", DemoResources.CALENDAR),
                "sensei_projectstart", start(project), "sensei_projectfinish", finish(project), "sensei_baselinefinish", baselineFinish(project),
                "sensei_effort", effort, "sensei_baselineeffort", baselineEffort(project), "sensei_effortcompleted", completed(project),
                "sensei_effortremaining", remaining(project),
                "sensei_percentcomplete", completed(project).multiply(num(100)).divide(effort, 2, RoundingMode.HALF_UP),
                "sensei_budget", num(250_000L * n), "sensei_actualcost", num(60_000L * n), "transactioncurrencyid", usd(),
                "sensei_priority", 955000000 + (n - 1), "sensei_overallstatus", overall(kpis(project))));
        tasks(ctx, project, owner);
        registers(ctx, project, owner);
        statusUpdates(ctx, project, owner);
    }

    private static void tasks(DemoContext ctx, String project, RowFactory.Owner owner) {
        EntityRef p = record("sensei_project", project);
        EntityRef phase = record("sensei_task", project + " - Phase 1");
        BigDecimal effort = effort(project);
        BigDecimal design = effort.multiply(new BigDecimal("0.4")).setScale(0, RoundingMode.HALF_UP);
        ctx.named("sensei_task", project + " - Phase 1", owner, vals("sensei_project", p, "sensei_outlinelevel", 1,
                "sensei_start", start(project), "sensei_finish", finish(project), "sensei_effort", effort,
                "sensei_effortcompleted", completed(project), "sensei_effortremaining", remaining(project), "sensei_ismilestone", false));
        ctx.named("sensei_task", project + " - Design", owner, vals("sensei_project", p, "sensei_parenttask", phase,
                "sensei_outlinelevel", 2, "sensei_start", start(project), "sensei_finish", start(project).plusMonths(3),
                "sensei_effort", design, "sensei_ismilestone", false));
        ctx.named("sensei_task", project + " - Build", owner, vals("sensei_project", p, "sensei_parenttask", phase,
                "sensei_outlinelevel", 2, "sensei_start", start(project).plusMonths(3), "sensei_finish", finish(project),
                "sensei_effort", effort.subtract(design), "sensei_ismilestone", false));
        ctx.named("sensei_task", project + " - Go live", owner, vals("sensei_project", p, "sensei_parenttask", phase,
                "sensei_outlinelevel", 2, "sensei_start", finish(project), "sensei_finish", finish(project),
                "sensei_effort", BigDecimal.ZERO, "sensei_ismilestone", true));
    }

    private static void registers(DemoContext ctx, String project, RowFactory.Owner owner) {
        EntityRef p = record("sensei_project", project);
        int n = number(project);
        LocalDate start = start(project);
        String member = GROUP_MEMBERSHIPS.entrySet().stream().filter(e -> e.getValue().contains(project))
                .map(e -> e.getKey()).findFirst().orElse(null);
        ctx.named("sensei_risk", project + " - Risk 1", owner, vals("sensei_project", p, "sensei_assignedto", member == null ? null : user(member),
                "sensei_description", "Key supplier may deliver late", "sensei_probability", 955000001, "sensei_impact", 955000002,
                "sensei_riskscore", 6, "sensei_duedate", start.plusDays(20), "sensei_mitigation", "Second supplier on standby"));
        // The documented "Assigned To" case: Red is not in the HR Project 2 group, so gets a share of this risk only.
        ctx.named("sensei_risk", project + " - Risk 2", owner, vals("sensei_project", p,
                "sensei_assignedto", project.equals("HR Project 2") ? user("red") : null,
                "sensei_description", "Key people may be unavailable", "sensei_probability", 955000000, "sensei_impact", 955000001,
                "sensei_riskscore", 2, "sensei_duedate", start.plusDays(40)));
        for (int k = 1; k <= 2; k++) {
            ctx.named("sensei_issue", project + " - Issue " + k, owner, vals("sensei_project", p,
                    "sensei_description", k == 1 ? "Test environment not ready" : "Requirements unclear",
                    "sensei_priority", 955000000 + k, "sensei_impact", 955000000 + k - 1, "sensei_duedate", start.plusDays(10L * k)));
        }
        ctx.named("sensei_changerequest", project + " - Change Request 1", owner, vals("sensei_project", p,
                "sensei_description", "Add reporting module", "sensei_costestimate", num(5_000L * n), "transactioncurrencyid", usd(),
                "sensei_scheduleimpactdays", 10, "sensei_priority", 955000001, "statuscode", SUBMITTED));
        ctx.named("sensei_changerequest", project + " - Change Request 2", owner, vals("sensei_project", p,
                "sensei_description", "Move to a new platform", "sensei_costestimate", rejectedCost(project), "transactioncurrencyid", usd(),
                "sensei_scheduleimpactdays", 60, "sensei_priority", 955000002, "statuscode", REJECTED));
        ctx.named("sensei_deliverable", project + " - Deliverable 1", owner, vals("sensei_project", p,
                "sensei_duedate", start.plusDays(30), "sensei_acceptancecriteria", "Signed off by the sponsor"));
        ctx.named("sensei_keydate", project + " - Go live", owner, vals("sensei_project", p, "sensei_date", finish(project)));
        ctx.named("sensei_actionitem", project + " - Action Item 1", owner, vals("sensei_project", p,
                "sensei_description", "Book the steering committee", "sensei_priority", 955000000, "sensei_duedate", start.plusDays(5)));
        ctx.named("sensei_decision", project + " - Decision 1", owner, vals("sensei_project", p,
                "sensei_description", "Agile delivery approach", "sensei_decisiondate", start, "sensei_decisionmaker", user(projectManager(project))));
        if (n == 1) {
            ctx.named("sensei_benefit", project + " - Benefit 1", owner, vals("sensei_project", p,
                    "sensei_strategicgoal", record("sensei_strategicgoal", DemoStrategy.GOAL),
                    "sensei_plannedvalue", num(250_000), "sensei_actualvalue", BigDecimal.ZERO, "transactioncurrencyid", usd()));
            ctx.named("sensei_lessonlearned", project + " - Lesson 1", owner, vals("sensei_project", p,
                    "sensei_description", "Involve users early", "sensei_recommendation", "Run a pilot before roll-out"));
        }
        if (project.equals("IT Project 3")) {
            ctx.named("sensei_dependency", project + " - Dependency 1", owner, vals("sensei_project", p,
                    "sensei_dependsonproject", record("sensei_project", "IT Project 1"), "sensei_duedate", start.plusMonths(2)));
        }
    }

    private static BigDecimal rejectedCost(String project) { return num(12_000L * number(project)); }

    /** The seven KPIs of a project's status, by the documented defaults (deliverables ... risks, in column order). */
    private static List<Integer> kpis(String project) {
        long scheduleDays = ChronoUnit.DAYS.between(baselineFinish(project), finish(project));
        BigDecimal variance = effort(project).subtract(baselineEffort(project)).abs();
        BigDecimal ratio = variance.divide(baselineEffort(project), 4, RoundingMode.HALF_UP);
        int work = ratio.compareTo(new BigDecimal("0.2")) > 0 ? TROUBLED : variance.signum() != 0 ? ON_WATCH : ON_TRACK;
        int schedule = scheduleDays != 0 ? ON_WATCH : ON_TRACK;
        // Every project has a Submitted change request, so that KPI is On Watch throughout.
        return List.of(ON_TRACK, schedule, work, ON_TRACK, ON_TRACK, ON_WATCH, ON_TRACK);
    }

    private static int overall(List<Integer> kpis) { return Collections.max(kpis); }

    private static void statusUpdates(DemoContext ctx, String project, RowFactory.Owner owner) {
        List<Integer> k = kpis(project);
        for (int week : List.of(1, 3)) {
            LocalDate date = start(project).plusWeeks(week);
            ctx.named("sensei_statusupdate", project + " - Status " + date, owner, vals(
                    "sensei_projectlink", record("sensei_project", project), "sensei_statusdate", date,
                    "sensei_startdate", start(project), "sensei_scheduledfinish", finish(project), "sensei_baselinefinish", baselineFinish(project),
                    "sensei_totalwork", effort(project), "sensei_baselinetotalwork", baselineEffort(project),
                    "sensei_workvariance", effort(project).subtract(baselineEffort(project)),
                    "sensei_schedulevariance", (int) ChronoUnit.DAYS.between(baselineFinish(project), finish(project)),
                    "sensei_remainingwork", remaining(project), "sensei_activedeliverables", 1,
                    "sensei_rejectedchangerequestscost", rejectedCost(project), "transactioncurrencyid", usd(),
                    "sensei_overallstatus", overall(k), "sensei_deliverablesstatus", k.get(0), "sensei_schedulestatus", k.get(1),
                    "sensei_workstatus", k.get(2), "sensei_financialsstatus", k.get(3), "sensei_issuesstatus", k.get(4),
                    "sensei_changerequestsstatus", k.get(5), "sensei_risksstatus", k.get(6)));
        }
    }

    /**
     * Shares each row whose "Assigned To" user is neither its owner nor in its owning team with that user,
     * as the product does when the column is set.
     */
    static void addAssignedToShares(DemoContext ctx) {
        Set<List<Object>> memberships = new HashSet<>();
        for (Row m : ctx.rows()) {
            if (m.table().equals("teammembership")) memberships.add(List.of(m.ref("systemuserid").id(), m.ref("teamid").id()));
        }
        List<Row> shares = new ArrayList<>();
        for (Row r : ctx.rows()) {
            EntityRef assignee = r.get("sensei_assignedto") instanceof EntityRef e ? e : null;
            if (assignee == null || assignee.equals(r.get("owninguser"))) continue;
            EntityRef team = (EntityRef) r.get("owningteam");
            if (team != null && memberships.contains(List.of(assignee.id(), team.id()))) continue;
            shares.add(r);
        }
        for (Row r : shares) {
            UUID userId = r.ref("sensei_assignedto").id();
            ctx.org("principalobjectaccess", Ids.of("principalobjectaccess", r.id() + "|" + userId), vals(
                    "objectid", r.id(), "objecttypecode", r.table(), "principalid", userId, "principaltypecode", "systemuser",
                    "accessrightsmask", ASSIGNED_TO_SHARE_MASK, "inheritedaccessrightsmask", 0));
        }
    }
}
