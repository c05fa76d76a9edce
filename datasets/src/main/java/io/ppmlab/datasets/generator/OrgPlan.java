package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.RowFactory;
import io.ppmlab.datasets.WorkCalendar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The skeleton of a generated organisation, drawn before any row is written: business units, people,
 * teams and memberships, headline records, resources with their vacations, intake and strategy records,
 * and the shape (row counts, plan lines) of every project. Small (tens of thousands of entries at the
 * limits); the millions of rows (capacity, demand, registers) are streamed from it.
 */
final class OrgPlan {
    record Unit(int index, String name, UUID id, int parent, boolean leaf, double weight) {}

    /** A user; index 0 is admin@contoso.test, the generated users follow. */
    record Person(int index, String upn, UUID id, String slug, int number, String firstName, String lastName, int unit,
                  List<String> roles) {
        String fullName() { return firstName + " " + lastName; }
    }

    record Team(int index, String name, UUID id, int unit, boolean isDefault, int administrator, List<Integer> members) {}

    record Portfolio(int index, String name, UUID id, int unit, RowFactory.Owner owner, int ownerTeam, int manager, int sponsor,
                     int issues) {}

    record Program(int index, String name, UUID id, int unit, int portfolio, RowFactory.Owner owner, int ownerTeam, int manager,
                   int risks) {}

    /** A resource-plan line: one resource on one project, one demand row per working day from start to end (excluded). */
    record PlanLine(int resource, LocalDate start, LocalDate end, BigDecimal hours, int rows) {}

    record Shape(int tasks, int assignedTasks, int risks, int issues, int changeRequests, int decisions, int actionItems,
                 int deliverables, int lessons, int assumptions, int keyDates, List<Integer> dependsOn, int statusUpdates, int benefits,
                 int requests, List<PlanLine> plan) {
        int registers() {
            return risks + issues + changeRequests + decisions + actionItems + deliverables + lessons + assumptions + keyDates
                    + dependsOn.size() + benefits;
        }
    }

    record Project(int index, String name, UUID id, int unit, int program, int portfolio, RowFactory.Owner owner, int ownerTeam,
                   int manager, int proposal, LocalDate start, LocalDate finish, Shape shape) {}

    record Resource(int index, String name, UUID id, int unit, int user, int calendar, int lineManager,
                    List<WorkCalendar.Exception> vacations) {}

    record Proposal(int index, String name, UUID id, int unit, int owner, int idea, int status) {}

    record Theme(String name, UUID id, int owner) {}

    record Goal(String name, UUID id, int theme) {}

    record Challenge(String name, UUID id, int unit, int owner, int theme) {}

    record Idea(String name, UUID id, int unit, int owner, int challenge) {}

    final Settings settings;
    final List<Unit> units = new ArrayList<>();
    final List<Person> people = new ArrayList<>();
    final List<Team> teams = new ArrayList<>();
    final List<Portfolio> portfolios = new ArrayList<>();
    final List<Program> programs = new ArrayList<>();
    final List<Project> projects = new ArrayList<>();
    final List<Resource> resources = new ArrayList<>();
    final List<Proposal> proposals = new ArrayList<>();
    final List<Theme> themes = new ArrayList<>();
    final List<Goal> goals = new ArrayList<>();
    final List<Challenge> challenges = new ArrayList<>();
    final List<Idea> ideas = new ArrayList<>();
    /** Default (owner) team of each unit, by unit index. */
    final List<Integer> defaultTeams = new ArrayList<>();
    /** People who keep timesheets. */
    final List<Integer> timesheetPeople = new ArrayList<>();
    /** A project each person works on (for timesheet entries), or -1. */
    final Map<Integer, Integer> homeProject = new LinkedHashMap<>();
    private final Set<Long> memberships = new HashSet<>();

    OrgPlan(Settings settings) { this.settings = settings; }

    /** Adds a team with its members (duplicates dropped, order kept); returns its index. */
    int addTeam(String name, UUID id, int unit, boolean isDefault, int administrator, List<Integer> members) {
        Team t = new Team(teams.size(), name, id, unit, isDefault, administrator, new ArrayList<>());
        for (int m : members) if (memberships.add(key(t.index(), m))) t.members().add(m);
        teams.add(t);
        return t.index();
    }

    boolean isMember(int team, int person) { return memberships.contains(key(team, person)); }

    RowFactory.Owner teamOwner(int team) {
        Team t = teams.get(team);
        return RowFactory.Owner.team(t.id(), units.get(t.unit()).id());
    }

    RowFactory.Owner userOwner(int person) {
        Person p = people.get(person);
        return RowFactory.Owner.user(p.id(), units.get(p.unit()).id());
    }

    RowFactory.Owner defaultTeamOwner(int unit) { return teamOwner(defaultTeams.get(unit)); }

    int root() { return 0; }

    private static long key(int team, int person) { return ((long) team << 32) | (person & 0xffffffffL); }
}
