package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.Ids;
import io.ppmlab.datasets.RowFactory;
import io.ppmlab.datasets.WorkCalendar;
import io.ppmlab.schema.EntityRef;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.ppmlab.datasets.generator.RowOut.ref;
import static io.ppmlab.datasets.generator.RowOut.vals;

/**
 * Resource IQ rows: enterprise calendars and their holidays, bookable resources and their vacations, one
 * capacity row per resource per day of the horizon (from {@link CapacityCalculator}), and timesheets.
 */
final class ResourceRows {
    static final int HOLIDAY = 955000000;
    static final int VACATION = 955000001;
    private static final String[] DAY_COLUMNS = {"sensei_mondayhours", "sensei_tuesdayhours", "sensei_wednesdayhours",
            "sensei_thursdayhours", "sensei_fridayhours", "sensei_saturdayhours", "sensei_sundayhours"};

    private final OrgPlan plan;
    private final List<WorkCalendar> calendars = new ArrayList<>();
    private final List<List<LocalDate>> holidayDates = new ArrayList<>();

    ResourceRows(OrgPlan plan) {
        this.plan = plan;
        for (Settings.CalendarSpec spec : plan.settings.calendars()) {
            Map<DayOfWeek, BigDecimal> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) week.put(d, spec.hours().get(d.getValue() - 1));
            List<WorkCalendar.Exception> holidays = new ArrayList<>();
            List<LocalDate> dates = new ArrayList<>();
            for (Map.Entry<LocalDate, String> h : holidays().entrySet()) {
                holidays.add(new WorkCalendar.Exception(h.getKey(), h.getKey(), BigDecimal.ZERO));
                dates.add(h.getKey());
            }
            calendars.add(new WorkCalendar(week, holidays));
            holidayDates.add(dates);
        }
    }

    static UUID calendarId(String name) { return Ids.of("sensei_enterprisecalendar", name); }

    /** Every holiday date inside the horizon, in date order, with its name. */
    Map<LocalDate, String> holidays() {
        Map<LocalDate, String> out = new java.util.TreeMap<>();
        LocalDate from = plan.settings.horizonStart();
        LocalDate to = plan.settings.horizonEnd();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            for (Settings.Holiday h : plan.settings.holidays()) {
                LocalDate d = h.date().atYear(y);
                if (!d.isBefore(from) && d.isBefore(to)) out.put(d, h.name());
            }
        }
        return out;
    }

    long holidayRows() { return (long) calendars.size() * holidays().size(); }

    void calendarsAndResources(RowOut out) {
        RowFactory.Owner root = plan.defaultTeamOwner(plan.root());
        Map<LocalDate, String> holidays = holidays();
        for (Settings.CalendarSpec spec : plan.settings.calendars()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("sensei_name", spec.name());
            v.put("sensei_description", spec.name() + " working week");
            for (int d = 0; d < 7; d++) v.put(DAY_COLUMNS[d], spec.hours().get(d));
            out.owned("sensei_enterprisecalendar", calendarId(spec.name()), root, v);
            for (Map.Entry<LocalDate, String> h : holidays.entrySet()) {
                String name = spec.name() + " - " + h.getValue() + " " + h.getKey().getYear();
                out.owned("sensei_calendarexception", Ids.of("sensei_calendarexception", name), root, vals("sensei_name", name,
                        "sensei_enterprisecalendar", ref("sensei_enterprisecalendar", calendarId(spec.name())),
                        "sensei_startdate", h.getKey(), "sensei_enddate", h.getKey(), "sensei_hours", BigDecimal.ZERO,
                        "sensei_exceptiontype", HOLIDAY));
            }
        }
        for (OrgPlan.Resource r : plan.resources) {
            out.owned("bookableresource", r.id(), plan.defaultTeamOwner(r.unit()), vals("name", r.name(),
                    "resourcetype", r.user() >= 0 ? 3 : 1, "userid", r.user() >= 0 ? ref("systemuser", plan.people.get(r.user()).id()) : null,
                    "sensei_enterprisecalendar", ref("sensei_enterprisecalendar", calendarId(plan.settings.calendars().get(r.calendar()).name())),
                    "sensei_linemanager", ref("systemuser", plan.people.get(r.lineManager()).id())));
        }
        for (OrgPlan.Resource r : plan.resources) {
            int k = 0;
            for (WorkCalendar.Exception e : r.vacations()) {
                String name = r.name() + " - Vacation " + (++k);
                out.owned("sensei_calendarexception", Ids.of("sensei_calendarexception", name), plan.defaultTeamOwner(r.unit()), vals(
                        "sensei_name", name, "sensei_bookableresource", ref("bookableresource", r.id()),
                        "sensei_startdate", e.start(), "sensei_enddate", e.end(), "sensei_hours", e.hours(), "sensei_exceptiontype", VACATION));
            }
        }
    }

    /** One row per resource per day of the horizon: its calendar's hours, holidays and vacations applied. */
    void capacity(RowOut out) {
        LocalDate from = plan.settings.horizonStart();
        LocalDate to = plan.settings.horizonEnd();
        for (OrgPlan.Resource r : plan.resources) {
            BigDecimal[] hours = CapacityCalculator.hoursPerDay(calendars.get(r.calendar()).with(r.vacations()), from, to);
            RowFactory.Owner owner = plan.defaultTeamOwner(r.unit());
            EntityRef resource = ref("bookableresource", r.id());
            String prefix = r.name() + "/";
            LocalDate d = from;
            for (BigDecimal h : hours) {
                Map<String, Object> v = new LinkedHashMap<>(4);
                v.put("sensei_bookableresource", resource);
                v.put("sensei_date", d);
                v.put("sensei_capacity", h);
                out.owned("sensei_resourcecapacity", Ids.of("sensei_resourcecapacity", prefix + d), owner, v);
                d = d.plusDays(1);
            }
        }
    }

    long capacityRows() { return (long) plan.resources.size() * java.time.temporal.ChronoUnit.DAYS.between(plan.settings.horizonStart(), plan.settings.horizonEnd()); }

    /** Weekly timesheets before asOf for the people who keep them: entries Monday to Friday, and an approval. */
    void timesheets(RowOut out, List<Integer> approvers) {
        int weeks = plan.settings.count("timesheetWeeks");
        LocalDate thisWeek = plan.settings.asOf().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int turn = 0;
        for (int ri : plan.timesheetPeople) {
            OrgPlan.Resource r = plan.resources.get(ri);
            RowFactory.Owner owner = plan.userOwner(r.user());
            Integer project = plan.homeProject.get(r.user());
            WorkCalendar cal = calendars.get(r.calendar()).with(r.vacations());
            for (int w = weeks; w >= 1; w--) {
                LocalDate monday = thisWeek.minusWeeks(w);
                String name = r.name() + " - " + monday;
                UUID sheet = Ids.of("sensei_timesheet", name);
                BigDecimal[] hours = CapacityCalculator.hoursPerDay(cal, monday, monday.plusDays(5));
                BigDecimal total = BigDecimal.ZERO;
                for (BigDecimal h : hours) total = total.add(h);
                boolean approved = w > 1;
                out.owned("sensei_timesheet", sheet, owner, vals("sensei_name", name, "sensei_bookableresource", ref("bookableresource", r.id()),
                        "sensei_periodstart", monday, "sensei_periodend", monday.plusDays(6), "sensei_totalhours", total,
                        "statuscode", approved ? 955000001 : 955000000));
                for (int i = 0; i < 5; i++) {
                    LocalDate d = monday.plusDays(i);
                    out.owned("sensei_timesheetentry", Ids.of("sensei_timesheetentry", name + " - " + d), owner, vals(
                            "sensei_name", name + " - " + d, "sensei_timesheet", ref("sensei_timesheet", sheet),
                            "sensei_project", project == null ? null : ref("sensei_project", plan.projects.get(project).id()),
                            "sensei_date", d, "sensei_hours", hours[i]));
                }
                int approver = approvers.isEmpty() ? 0 : approvers.get(turn++ % approvers.size());
                out.owned("sensei_timesheetapproval", Ids.of("sensei_timesheetapproval", name + " - Approval"), owner, vals(
                        "sensei_name", name + " - Approval", "sensei_timesheet", ref("sensei_timesheet", sheet),
                        "sensei_approver", ref("systemuser", plan.people.get(approver).id()),
                        "sensei_outcome", approved ? 955000001 : 955000000,
                        "sensei_decidedon", approved ? monday.plusDays(7).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC) : null));
            }
        }
    }
}
