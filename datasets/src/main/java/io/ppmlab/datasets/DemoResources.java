package io.ppmlab.datasets;

import io.ppmlab.schema.EntityRef;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static io.ppmlab.datasets.DemoContext.*;
import static io.ppmlab.datasets.DemoOrganisation.*;

/** The demo's Resource IQ rows: calendar, bookable resources, one month of capacity, plans, a timesheet. */
final class DemoResources {
    static final String CALENDAR = "Contoso Standard";
    static final LocalDate CAPACITY_FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate CAPACITY_TO = LocalDate.of(2025, 1, 31);

    /** Bookable resources: name, business unit, user (null for a generic resource). */
    record Resource(String name, String businessUnit, String user) {}

    static final List<Resource> RESOURCES = List.of(
            new Resource("Blue User", "IT", "blue"), new Resource("Green User", "IT", "green"),
            new Resource("Purple User", "IT", "purple"), new Resource("Yellow User", "HR", "yellow"),
            new Resource("Red User", "HR", "red"), new Resource("IT Developer", "IT", null),
            new Resource("HR Analyst", "HR", null));

    private static final WorkCalendar.Exception NEW_YEAR =
            new WorkCalendar.Exception(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), BigDecimal.ZERO);
    private static final WorkCalendar.Exception GREEN_VACATION =
            new WorkCalendar.Exception(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 1, 24), BigDecimal.ZERO);

    private DemoResources() {}

    static EntityRef resource(String name) { return ref("bookableresource", Ids.of("bookableresource", name)); }

    static void addCalendarsAndResources(DemoContext ctx) {
        WorkCalendar standard = WorkCalendar.weekdays(num(8)).with(List.of(NEW_YEAR));
        // Owned by the root BU's default team: one calendar the whole organisation shares.
        RowFactory.Owner rootTeam = teamOwner(ROOT_BU, ROOT_BU);
        ctx.named("sensei_enterprisecalendar", CALENDAR, rootTeam, vals(
                "sensei_description", "Monday to Friday, 8 hours",
                "sensei_mondayhours", hours(standard, DayOfWeek.MONDAY), "sensei_tuesdayhours", hours(standard, DayOfWeek.TUESDAY),
                "sensei_wednesdayhours", hours(standard, DayOfWeek.WEDNESDAY), "sensei_thursdayhours", hours(standard, DayOfWeek.THURSDAY),
                "sensei_fridayhours", hours(standard, DayOfWeek.FRIDAY), "sensei_saturdayhours", hours(standard, DayOfWeek.SATURDAY),
                "sensei_sundayhours", hours(standard, DayOfWeek.SUNDAY)));
        ctx.named("sensei_calendarexception", "New Year's Day 2025", rootTeam, vals(
                "sensei_enterprisecalendar", record("sensei_enterprisecalendar", CALENDAR),
                "sensei_startdate", NEW_YEAR.start(), "sensei_enddate", NEW_YEAR.end(), "sensei_hours", NEW_YEAR.hours(),
                "sensei_exceptiontype", 955000000));
        for (Resource r : RESOURCES) {
            // A resource's BU is its owner's: the BU's default team owns it, so BU-level access sees it.
            ctx.owned("bookableresource", resource(r.name()).id(), teamOwner(r.businessUnit(), r.businessUnit()), vals(
                    "name", r.name(), "resourcetype", r.user() == null ? 1 : 3,
                    "userid", r.user() == null ? null : user(r.user()),
                    "sensei_enterprisecalendar", record("sensei_enterprisecalendar", CALENDAR),
                    "sensei_linemanager", user("resourcemanager")));
        }
        ctx.named("sensei_calendarexception", "Green User - Vacation", teamOwner("IT", "IT"), vals(
                "sensei_bookableresource", resource("Green User"),
                "sensei_startdate", GREEN_VACATION.start(), "sensei_enddate", GREEN_VACATION.end(),
                "sensei_hours", GREEN_VACATION.hours(), "sensei_exceptiontype", 955000001));
        for (Resource r : RESOURCES) {
            WorkCalendar cal = r.name().equals("Green User") ? standard.with(List.of(GREEN_VACATION)) : standard;
            for (LocalDate d = CAPACITY_FROM; !d.isAfter(CAPACITY_TO); d = d.plusDays(1)) {
                ctx.owned("sensei_resourcecapacity", Ids.of("sensei_resourcecapacity", r.name() + "/" + d),
                        teamOwner(r.businessUnit(), r.businessUnit()),
                        vals("sensei_bookableresource", resource(r.name()), "sensei_date", d, "sensei_capacity", cal.hoursOn(d)));
            }
        }
    }

    private static BigDecimal hours(WorkCalendar c, DayOfWeek d) { return c.weekdayHours().get(d); }

    static void addPlansAndTimesheets(DemoContext ctx) {
        for (String project : PROJECT_PROGRAM.keySet()) {
            RowFactory.Owner owner = ctx.ownerOf("sensei_project", project);
            String generic = businessUnitOf(project).equals("IT") ? "IT Developer" : "HR Analyst";
            for (LocalDate month : List.of(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1))) {
                ctx.named("sensei_resourcedemand", project + " - " + generic + " - " + month, owner, vals(
                        "sensei_project", record("sensei_project", project), "sensei_bookableresource", resource(generic),
                        "sensei_date", month, "sensei_hours", num(80)));
            }
            for (String task : List.of("Design", "Build")) {
                String taskName = project + " - " + task;
                ctx.named("sensei_resourceassignment", taskName + " - " + generic, owner, vals(
                        "sensei_task", record("sensei_task", taskName), "sensei_project", record("sensei_project", project),
                        "sensei_bookableresource", resource(generic), "sensei_hours", num(task.equals("Design") ? 40 : 120)));
            }
        }
        ctx.named("sensei_resourcerequest", "IT Project 1 - Request 1", ctx.ownerOf("sensei_project", "IT Project 1"), vals(
                "sensei_project", record("sensei_project", "IT Project 1"), "sensei_requestedresource", resource("IT Developer"),
                "sensei_requester", user("projectexecutive"), "sensei_startdate", LocalDate.of(2025, 4, 1),
                "sensei_enddate", LocalDate.of(2025, 6, 30), "sensei_hours", num(240), "statuscode", 955000000));
        timesheet(ctx);
    }

    private static void timesheet(DemoContext ctx) {
        // User-owned on purpose: the one demo row family owned by a person rather than a team.
        String name = "Green User - 2025-01-06";
        RowFactory.Owner green = userOwner("green");
        LocalDate monday = LocalDate.of(2025, 1, 6);
        ctx.named("sensei_timesheet", name, green, vals(
                "sensei_bookableresource", resource("Green User"), "sensei_periodstart", monday,
                "sensei_periodend", monday.plusDays(6), "sensei_totalhours", num(40), "statuscode", 955000000));
        for (int i = 0; i < 5; i++) {
            LocalDate d = monday.plusDays(i);
            ctx.named("sensei_timesheetentry", name + " - " + d, green, vals(
                    "sensei_timesheet", record("sensei_timesheet", name), "sensei_project", record("sensei_project", "IT Project 3"),
                    "sensei_task", record("sensei_task", "IT Project 3 - Design"), "sensei_date", d, "sensei_hours", num(8)));
        }
        ctx.named("sensei_timesheetapproval", name + " - Approval", green, vals(
                "sensei_timesheet", record("sensei_timesheet", name), "sensei_approver", user("timesheetmanager"),
                "sensei_outcome", 955000000));
    }
}
