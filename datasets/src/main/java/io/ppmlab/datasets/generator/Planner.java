package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.Ids;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.RowFactory;
import io.ppmlab.datasets.ShippedRoles;
import io.ppmlab.datasets.WorkCalendar;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.EnumeratedIntegerDistribution;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.MathArrays;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Draws an {@link OrgPlan} from {@link Settings}: business-unit tree, people and their roles, resources and
 * vacations, strategy and intake records, portfolios, programs and projects with their teams, and each
 * project's shape. Each part draws from its own named stream of the seed, in a fixed order.
 */
final class Planner {
    static final List<String> DIVISIONS = List.of("Engineering", "Operations", "Sales", "Finance", "Human Resources",
            "Information Technology", "Marketing", "Research", "Legal", "Supply Chain", "Customer Service", "Facilities");
    static final List<String> SKILLS = List.of("Developer", "Analyst", "Architect", "Tester", "Designer", "Engineer", "Consultant", "Trainer");
    /** Proposal status reasons (Submitted, Approved, Rejected) and how often each occurs. */
    static final int[] PROPOSAL_STATUS = {955000000, 955000001, 955000002};
    private static final double[] PROPOSAL_STATUS_WEIGHTS = {0.4, 0.4, 0.2};
    /** Microsoft's limit: a user may own at most 250 groups (the seed's Teams section). */
    static final int MAX_GROUPS_PER_OWNER = 250;
    private static final int ADMIN = 0;

    private final Settings s;
    private final Rngs rngs;
    private final OrgPlan plan;
    private final List<Integer> leaves = new ArrayList<>();
    private final List<List<Integer>> peopleOfUnit = new ArrayList<>();
    private final List<List<Integer>> deliveryOfUnit = new ArrayList<>();
    private final List<Integer> delivery = new ArrayList<>();
    private final List<Map<String, List<Integer>>> slugOfUnit = new ArrayList<>();
    private final Map<String, List<Integer>> slugAll = new HashMap<>();
    private final List<List<Integer>> resourcesOfUnit = new ArrayList<>();
    private final List<List<Integer>> groupsOfUnit = new ArrayList<>();
    private final List<List<Integer>> ideasOfUnit = new ArrayList<>();
    private final List<List<Integer>> approvedProposalsOfUnit = new ArrayList<>();
    private final Map<Integer, Integer> administered = new HashMap<>();
    private IntSupplier teamSize;

    private Planner(Settings s) {
        this.s = s;
        this.rngs = new Rngs(s.seed());
        this.plan = new OrgPlan(s);
    }

    static OrgPlan plan(Settings settings) {
        Planner p = new Planner(settings);
        p.units();
        p.people();
        p.resources();
        p.strategy();
        p.proposals();
        p.teamsAndHeadlines();
        p.shapes();
        p.timesheets();
        return p.plan;
    }

    // ---- business units: root, divisions, departments (leaves hold the work) ----

    private void units() {
        int n = s.businessUnits();
        int divisions = n == 1 ? 0 : (int) Math.max(1, Math.round(Math.sqrt(n - 1)));
        int departments = n - 1 - divisions;
        int[] deptsOf = new int[divisions];
        for (int j = 0; j < departments; j++) deptsOf[j % divisions]++;
        List<String> names = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        names.add(DemoOrganisation.ROOT_BU);
        parents.add(-1);
        for (int i = 0; i < divisions; i++) {
            names.add(i < DIVISIONS.size() ? DIVISIONS.get(i) : "Division " + (i + 1));
            parents.add(0);
        }
        int[] seen = new int[divisions];
        for (int j = 0; j < departments; j++) {
            int d = j % divisions;
            names.add(names.get(1 + d) + " " + (++seen[d]));
            parents.add(1 + d);
        }
        Set<Integer> hasChildren = new HashSet<>(parents);
        double exponent = s.parameter("buSizeExponent");
        for (int i = 0; i < n; i++) {
            boolean leaf = !hasChildren.contains(i);
            double weight = leaf ? 1.0 / Math.pow(leaves.size() + 1, exponent) : 0;
            if (leaf) leaves.add(i);
            plan.units.add(new OrgPlan.Unit(i, names.get(i), Ids.of("businessunit", names.get(i)), parents.get(i), leaf, weight));
            peopleOfUnit.add(new ArrayList<>());
            deliveryOfUnit.add(new ArrayList<>());
            slugOfUnit.add(new HashMap<>());
            resourcesOfUnit.add(new ArrayList<>());
            groupsOfUnit.add(new ArrayList<>());
            ideasOfUnit.add(new ArrayList<>());
            approvedProposalsOfUnit.add(new ArrayList<>());
        }
    }

    private double[] leafWeights() {
        double[] w = new double[leaves.size()];
        for (int i = 0; i < w.length; i++) w[i] = plan.units.get(leaves.get(i)).weight();
        return w;
    }

    /** Draws a leaf unit index with the units' size weights. */
    private IntSupplier leafPicker(RandomGenerator rng) {
        int[] idx = leaves.stream().mapToInt(Integer::intValue).toArray();
        EnumeratedIntegerDistribution d = new EnumeratedIntegerDistribution(rng, idx, leafWeights());
        return d::sample;
    }

    // ---- people ----

    private void people() {
        OrgPlan.Person admin = new OrgPlan.Person(0, DemoOrganisation.upn("admin"), DemoOrganisation.userId("admin"), "admin", 0,
                "Admin", "User", 0, List.of(ShippedRoles.ADMIN_USER));
        register(admin);
        RandomGenerator rng = rngs.stream("people");
        IntSupplier leaf = leafPicker(rng);
        List<String> slugs = new ArrayList<>(s.roleMix().keySet());
        slugs.forEach(RoleSlugs::roles);
        double[] weights = slugs.stream().mapToDouble(x -> s.roleMix().get(x)).toArray();
        int[] quota = largestRemainder(s.users(), weights, s.users() >= slugs.size());
        List<String> extraSlugs = new ArrayList<>(s.extraRoleMix().keySet());
        extraSlugs.forEach(RoleSlugs::roles);
        EnumeratedIntegerDistribution extra = extraSlugs.isEmpty() ? null : new EnumeratedIntegerDistribution(rng,
                java.util.stream.IntStream.range(0, extraSlugs.size()).toArray(),
                extraSlugs.stream().mapToDouble(x -> s.extraRoleMix().get(x)).toArray());
        double extraShare = s.parameter("extraRoleShare");
        for (int r = 0; r < slugs.size(); r++) {
            String slug = slugs.get(r);
            for (int n = 1; n <= quota[r]; n++) {
                boolean rootLevel = RoleSlugs.ROOT_LEVEL.contains(slug);
                int unit = rootLevel ? 0 : leaf.getAsInt();
                List<String> roles = new ArrayList<>(RoleSlugs.roles(slug));
                if (!rootLevel && extra != null && Rngs.chance(rng, extraShare)) {
                    for (String role : RoleSlugs.roles(extraSlugs.get(extra.sample()))) if (!roles.contains(role)) roles.add(role);
                }
                String upn = RoleSlugs.upn(slug, n);
                register(new OrgPlan.Person(plan.people.size(), upn, Ids.of("systemuser", upn), slug, n, RoleSlugs.title(slug),
                        String.format("%04d", n), unit, List.copyOf(roles)));
            }
        }
    }

    private void register(OrgPlan.Person p) {
        plan.people.add(p);
        peopleOfUnit.get(p.unit()).add(p.index());
        slugOfUnit.get(p.unit()).computeIfAbsent(p.slug(), k -> new ArrayList<>()).add(p.index());
        if (p.index() == ADMIN) return;
        slugAll.computeIfAbsent(p.slug(), k -> new ArrayList<>()).add(p.index());
        if (RoleSlugs.DELIVERY.contains(p.slug())) {
            deliveryOfUnit.get(p.unit()).add(p.index());
            delivery.add(p.index());
        }
    }

    /** A person of the unit with the first slug that has one, else a delivery person of the unit, else anyone there, else admin. */
    private int pickPerson(RandomGenerator rng, int unit, String... slugs) {
        for (String slug : slugs) {
            List<Integer> c = slugOfUnit.get(unit).get(slug);
            if (c != null && !c.isEmpty()) return c.get(rng.nextInt(c.size()));
        }
        List<Integer> d = deliveryOfUnit.get(unit);
        if (!d.isEmpty()) return d.get(rng.nextInt(d.size()));
        List<Integer> any = peopleOfUnit.get(unit);
        return any.isEmpty() ? ADMIN : any.get(rng.nextInt(any.size()));
    }

    /** Someone with the slug anywhere in the organisation, else admin. */
    private int pickAnywhere(RandomGenerator rng, String slug) {
        List<Integer> c = slugAll.get(slug);
        return c == null || c.isEmpty() ? ADMIN : c.get(rng.nextInt(c.size()));
    }

    // ---- resources, calendars, vacations ----

    private void resources() {
        RandomGenerator rng = rngs.stream("resources");
        IntSupplier leaf = leafPicker(rng);
        int total = s.resources();
        int[] candidates = candidatesForResources(rng);
        int userResources = (int) Math.min(candidates.length, Math.round(total * s.parameter("userResourceShare")));
        EnumeratedIntegerDistribution calendar = new EnumeratedIntegerDistribution(rng,
                java.util.stream.IntStream.range(0, s.calendars().size()).toArray(),
                s.calendars().stream().mapToDouble(Settings.CalendarSpec::weight).toArray());
        IntSupplier vacations = s.distribution("vacationsPerResourceYear").sampler(rng);
        IntSupplier vacationDays = s.distribution("vacationDays").sampler(rng);
        LocalDate from = s.horizonStart();
        LocalDate to = s.horizonEnd();
        for (int i = 0; i < total; i++) {
            int user = i < userResources ? candidates[i] : -1;
            int generic = i - userResources;
            String name = user >= 0 ? plan.people.get(user).fullName()
                    : SKILLS.get(generic % SKILLS.size()) + " " + String.format("%04d", generic + 1);
            int unit = user >= 0 ? plan.people.get(user).unit() : leaf.getAsInt();
            int cal = calendar.sample();
            int manager = pickAnywhere(rng, "resourcemanager");
            List<WorkCalendar.Exception> off = new ArrayList<>();
            for (int y = 0; y < s.years(); y++) {
                LocalDate yearStart = from.plusYears(y);
                int k = vacations.getAsInt();
                for (int v = 0; v < k; v++) {
                    LocalDate start = yearStart.plusDays(rng.nextInt(365));
                    LocalDate end = start.plusDays(vacationDays.getAsInt() - 1L);
                    if (!end.isBefore(to)) end = to.minusDays(1);
                    if (!start.isAfter(end)) off.add(new WorkCalendar.Exception(start, end, BigDecimal.ZERO));
                }
            }
            plan.resources.add(new OrgPlan.Resource(i, name, Ids.of("bookableresource", name), unit, user, cal, manager, List.copyOf(off)));
            resourcesOfUnit.get(unit).add(i);
        }
    }

    /** Generated people in the order they become resources: delivery people first, each group shuffled. */
    private int[] candidatesForResources(RandomGenerator rng) {
        int[] first = delivery.stream().mapToInt(Integer::intValue).toArray();
        int[] rest = plan.people.stream().filter(p -> p.index() != ADMIN && !RoleSlugs.DELIVERY.contains(p.slug()))
                .mapToInt(OrgPlan.Person::index).toArray();
        MathArrays.shuffle(first, rng);
        MathArrays.shuffle(rest, rng);
        int[] all = new int[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    // ---- strategy, challenges, ideas, proposals ----

    private void strategy() {
        RandomGenerator rng = rngs.stream("strategy");
        IntSupplier goalsPerTheme = s.distribution("goalsPerTheme").sampler(rng);
        for (int t = 1; t <= s.count("strategicThemes"); t++) {
            String name = String.format("Strategic Theme %02d", t);
            int owner = pickAnywhere(rng, "strategyexecutive");
            plan.themes.add(new OrgPlan.Theme(name, Ids.of("sensei_strategictheme", name), owner));
            int goals = goalsPerTheme.getAsInt();
            for (int g = 1; g <= goals; g++) {
                String goal = String.format("Strategic Goal %02d.%02d", t, g);
                plan.goals.add(new OrgPlan.Goal(goal, Ids.of("sensei_strategicgoal", goal), plan.themes.size() - 1));
            }
        }
        IntSupplier challenges = s.distribution("challengesPerDepartment").sampler(rng);
        IntSupplier ideas = s.distribution("ideasPerChallenge").sampler(rng);
        for (int unit : leaves) {
            int k = challenges.getAsInt();
            for (int c = 0; c < k; c++) {
                String name = String.format("Challenge %04d", plan.challenges.size() + 1);
                int theme = plan.themes.isEmpty() ? -1 : rng.nextInt(plan.themes.size());
                plan.challenges.add(new OrgPlan.Challenge(name, Ids.of("sensei_challenge", name), unit,
                        pickPerson(rng, unit, "challengeuser"), theme));
                int m = ideas.getAsInt();
                for (int i = 0; i < m; i++) {
                    String idea = String.format("Idea %05d", plan.ideas.size() + 1);
                    ideasOfUnit.get(unit).add(plan.ideas.size());
                    plan.ideas.add(new OrgPlan.Idea(idea, Ids.of("sensei_idea", idea), unit, pickPerson(rng, unit, "ideauser"),
                            plan.challenges.size() - 1));
                }
            }
        }
    }

    private void proposals() {
        RandomGenerator rng = rngs.stream("proposals");
        if (leaves.isEmpty()) return;
        IntSupplier leaf = leafPicker(rng);
        EnumeratedIntegerDistribution status = new EnumeratedIntegerDistribution(rng, PROPOSAL_STATUS, PROPOSAL_STATUS_WEIGHTS);
        double fromIdea = s.parameter("ideaProposalShare");
        long proposals = Math.round(s.projects() * s.parameter("proposalsPerProject"));
        for (int i = 1; i <= proposals; i++) {
            String name = String.format("Proposal %05d", i);
            int unit = leaf.getAsInt();
            List<Integer> unitIdeas = ideasOfUnit.get(unit);
            int idea = !unitIdeas.isEmpty() && Rngs.chance(rng, fromIdea) ? unitIdeas.get(rng.nextInt(unitIdeas.size())) : -1;
            int st = status.sample();
            if (st == PROPOSAL_STATUS[1]) approvedProposalsOfUnit.get(unit).add(plan.proposals.size());
            plan.proposals.add(new OrgPlan.Proposal(plan.proposals.size(), name, Ids.of("sensei_proposal", name), unit,
                    pickPerson(rng, unit, "proposalmanager"), idea, st));
        }
    }

    // ---- teams, portfolios, programs, projects ----

    private void teamsAndHeadlines() {
        RandomGenerator rng = rngs.stream("teams");
        teamSize = s.distribution("teamSize").sampler(rng);
        for (OrgPlan.Unit u : plan.units) {
            int team = plan.addTeam(u.name(), Ids.of("team", u.name()), u.index(), true, ADMIN, peopleOfUnit.get(u.index()));
            plan.defaultTeams.add(team);
        }
        if (s.teamStrategy() == TeamStrategy.REUSABLE) reusableGroups(rng);
        RandomGenerator hr = rngs.stream("headlines");
        int[] projectQuota = largestRemainder(s.projects(), leafWeights(), false);
        IntSupplier portfoliosPer = s.distribution("portfoliosPerDepartment").sampler(hr);
        IntSupplier projectsPerProgram = s.distribution("projectsPerProgram").sampler(hr);
        double programShare = s.parameter("programShare");
        double fromProposal = s.parameter("projectFromProposalShare");
        for (int l = 0; l < leaves.size(); l++) {
            int unit = leaves.get(l);
            int quota = projectQuota[l];
            List<Integer> unitPortfolios = new ArrayList<>();
            int np = Math.max(quota > 0 ? 1 : 0, portfoliosPer.getAsInt());
            for (int i = 0; i < np; i++) {
                String name = String.format("Portfolio %04d", plan.portfolios.size() + 1);
                int manager = pickPerson(hr, unit, "portfoliomanager", "portfoliouser");
                Owning o = owning(hr, rng, name, unit, manager);
                unitPortfolios.add(plan.portfolios.size());
                plan.portfolios.add(new OrgPlan.Portfolio(plan.portfolios.size(), name, Ids.of("sensei_portfolio", name), unit, o.owner,
                        o.team, o.manager, pickPerson(hr, unit, "projectexecutive", "strategyuser"), 0));
            }
            int inPrograms = new BinomialDistribution(hr, quota, programShare).sample();
            List<Integer> programOfProject = new ArrayList<>();
            while (programOfProject.size() < inPrograms) {
                String name = String.format("Program %05d", plan.programs.size() + 1);
                int manager = pickPerson(hr, unit, "programmanager");
                Owning o = owning(hr, rng, name, unit, manager);
                int portfolio = unitPortfolios.get(hr.nextInt(unitPortfolios.size()));
                int size = Math.max(1, projectsPerProgram.getAsInt());
                for (int k = 0; k < size && programOfProject.size() < inPrograms; k++) programOfProject.add(plan.programs.size());
                plan.programs.add(new OrgPlan.Program(plan.programs.size(), name, Ids.of("sensei_program", name), unit, portfolio,
                        o.owner, o.team, o.manager, 0));
            }
            for (int i = 0; i < quota; i++) {
                String name = String.format("Project %05d", plan.projects.size() + 1);
                int program = i < programOfProject.size() ? programOfProject.get(i) : -1;
                int portfolio = program >= 0 ? plan.programs.get(program).portfolio() : unitPortfolios.get(hr.nextInt(unitPortfolios.size()));
                int manager = pickPerson(hr, unit, "projectuser", "projectexecutive", "resourceorgaccess");
                Owning o = owning(hr, rng, name, unit, manager);
                List<Integer> approved = approvedProposalsOfUnit.get(unit);
                int proposal = !approved.isEmpty() && Rngs.chance(hr, fromProposal) ? approved.get(hr.nextInt(approved.size())) : -1;
                plan.projects.add(new OrgPlan.Project(plan.projects.size(), name, Ids.of("sensei_project", name), unit, program, portfolio,
                        o.owner, o.team, o.manager, proposal, null, null, null));
            }
        }
    }

    private record Owning(RowFactory.Owner owner, int team, int manager) {}

    /** Who owns a new headline record: its manager (sole owner), its own group (unique) or one of its unit's groups (reusable). */
    private Owning owning(RandomGenerator hr, RandomGenerator teamRng, String name, int unit, int manager) {
        if (Rngs.chance(hr, s.parameter("userOwnedHeadlineShare"))) return new Owning(plan.userOwner(manager), -1, manager);
        if (s.teamStrategy() == TeamStrategy.UNIQUE) {
            List<Integer> members = new ArrayList<>();
            members.add(manager);
            int size = teamSize.getAsInt();
            fillMembers(teamRng, members, unit, size);
            int team = plan.addTeam(name, Ids.of("team", name), unit, false, administrator(members), members);
            return new Owning(plan.teamOwner(team), team, manager);
        }
        List<Integer> groups = groupsOfUnit.get(unit);
        int g = groups.size() == 1 ? groups.get(0)
                : groups.get(new ZipfDistribution(hr, groups.size(), s.parameter("groupReuseExponent")).sample() - 1);
        List<Integer> members = plan.teams.get(g).members();
        int m = members.isEmpty() ? manager : members.get(hr.nextInt(members.size()));
        return new Owning(plan.teamOwner(g), g, m);
    }

    private void fillMembers(RandomGenerator rng, List<Integer> members, int unit, int size) {
        List<Integer> local = deliveryOfUnit.get(unit).isEmpty() ? delivery : deliveryOfUnit.get(unit);
        if (local.isEmpty()) return;
        double cross = s.parameter("crossBuMemberShare");
        Set<Integer> have = new HashSet<>(members);
        for (int attempt = 0; members.size() < size && attempt < size * 4; attempt++) {
            List<Integer> pool = Rngs.chance(rng, cross) ? delivery : local;
            int p = pool.get(rng.nextInt(pool.size()));
            if (have.add(p)) members.add(p);
        }
    }

    /** The first member who administers fewer than 250 groups (else admin), counted. */
    private int administrator(List<Integer> members) {
        for (int m : members) {
            int n = administered.getOrDefault(m, 0);
            if (n < MAX_GROUPS_PER_OWNER) {
                administered.put(m, n + 1);
                return m;
            }
        }
        return ADMIN;
    }

    /** Reusable strategy: a few functional groups per leaf unit; every delivery person in a home group, some in more. */
    private void reusableGroups(RandomGenerator rng) {
        IntSupplier extraGroups = s.distribution("extraGroupsPerUser").sampler(rng);
        double size = Math.max(1, s.parameter("reusableGroupSize"));
        double cross = s.parameter("crossBuMemberShare");
        for (int unit : leaves) {
            int[] people = deliveryOfUnit.get(unit).stream().mapToInt(Integer::intValue).toArray();
            int groups = (int) Math.max(1, Math.round(people.length / size));
            MathArrays.shuffle(people, rng);
            List<List<Integer>> members = new ArrayList<>();
            for (int g = 0; g < groups; g++) members.add(new ArrayList<>());
            for (int i = 0; i < people.length; i++) {
                members.get(i % groups).add(people[i]);
                int more = Math.min(groups - 1, extraGroups.getAsInt());
                for (int k = 0; k < more; k++) members.get(rng.nextInt(groups)).add(people[i]);
            }
            for (int g = 0; g < groups; g++) {
                List<Integer> list = members.get(g);
                int outsiders = list.isEmpty() || delivery.isEmpty() ? 0 : new BinomialDistribution(rng, list.size(), cross).sample();
                for (int k = 0; k < outsiders; k++) list.add(delivery.get(rng.nextInt(delivery.size())));
                String name = String.format("%s Team %02d", plan.units.get(unit).name(), g + 1);
                groupsOfUnit.get(unit).add(plan.addTeam(name, Ids.of("team", name), unit, false, administrator(list), list));
            }
        }
    }

    // ---- project shapes: dates, counts, plans ----

    private void shapes() {
        RandomGenerator rng = rngs.stream("shapes");
        Map<String, IntSupplier> d = new HashMap<>();
        for (String k : List.of("projectMonths", "tasksPerProject", "risksPerProject", "issuesPerProject", "changeRequestsPerProject",
                "decisionsPerProject", "actionItemsPerProject", "deliverablesPerProject", "lessonsPerProject", "assumptionsPerProject",
                "keyDatesPerProject", "dependenciesPerProject", "statusUpdatesPerProject", "benefitsPerProject",
                "resourceRequestsPerProject", "programRisks", "portfolioIssues")) {
            d.put(k, s.distribution(k).sampler(rng));
        }
        RandomGenerator planRng = rngs.stream("plans");
        IntSupplier planResources = s.distribution("planResources").sampler(planRng);
        IntSupplier lineWeeks = s.distribution("planLineWeeks").sampler(planRng);
        IntSupplier lineHours = s.distribution("planHoursPerDay").sampler(planRng);
        List<Integer> largePlanResources = largePlanResources(planRng);
        double planned = s.parameter("plannedProjectShare");
        double assigned = s.parameter("assignedTaskShare");
        List<List<Integer>> earlierOfUnit = new ArrayList<>();
        plan.units.forEach(u -> earlierOfUnit.add(new ArrayList<>()));
        LocalDate asOf = s.asOf();
        for (int i = 0; i < plan.projects.size(); i++) {
            OrgPlan.Project p = plan.projects.get(i);
            boolean large = i < s.count("largePlans");
            int months = d.get("projectMonths").getAsInt();
            LocalDate start = asOf.minusMonths(24).plusDays(rng.nextInt(36 * 30));
            LocalDate finish = start.plusMonths(Math.max(1, months));
            int largeMonths = s.count("largePlanMonths");
            if (large) {
                start = asOf.minusMonths(1);
                finish = asOf.plusMonths(largeMonths + 1L);
            }
            int tasks = Math.max(1, d.get("tasksPerProject").getAsInt());
            int milestones = phases(tasks);
            int leafTasks = Math.max(0, tasks - 2 * milestones);
            int assignedTasks = leafTasks == 0 ? 0 : new BinomialDistribution(rng, leafTasks, assigned).sample();
            List<Integer> earlier = earlierOfUnit.get(p.unit());
            int deps = d.get("dependenciesPerProject").getAsInt();
            List<Integer> dependsOn = new ArrayList<>();
            for (int k = 0; k < deps && !earlier.isEmpty(); k++) {
                int e = earlier.get(rng.nextInt(earlier.size()));
                if (!dependsOn.contains(e)) dependsOn.add(e);
            }
            int benefits = plan.goals.isEmpty() ? 0 : d.get("benefitsPerProject").getAsInt();
            List<OrgPlan.PlanLine> lines = large ? largePlan(largePlanResources, largeMonths)
                    : Rngs.chance(planRng, planned) ? plan(planRng, p.unit(), start, finish, planResources.getAsInt(), lineWeeks, lineHours)
                    : List.of();
            OrgPlan.Shape shape = new OrgPlan.Shape(tasks, assignedTasks, d.get("risksPerProject").getAsInt(),
                    d.get("issuesPerProject").getAsInt(), d.get("changeRequestsPerProject").getAsInt(),
                    d.get("decisionsPerProject").getAsInt(), d.get("actionItemsPerProject").getAsInt(),
                    d.get("deliverablesPerProject").getAsInt(), d.get("lessonsPerProject").getAsInt(),
                    d.get("assumptionsPerProject").getAsInt(), d.get("keyDatesPerProject").getAsInt(), List.copyOf(dependsOn),
                    d.get("statusUpdatesPerProject").getAsInt(), benefits, d.get("resourceRequestsPerProject").getAsInt(), lines);
            plan.projects.set(i, new OrgPlan.Project(p.index(), p.name(), p.id(), p.unit(), p.program(), p.portfolio(), p.owner(),
                    p.ownerTeam(), p.manager(), p.proposal(), start, finish, shape));
            earlier.add(i);
            plan.homeProject.putIfAbsent(p.manager(), i);
            if (p.ownerTeam() >= 0) for (int m : plan.teams.get(p.ownerTeam()).members()) plan.homeProject.putIfAbsent(m, i);
        }
        for (int i = 0; i < plan.programs.size(); i++) {
            OrgPlan.Program g = plan.programs.get(i);
            plan.programs.set(i, new OrgPlan.Program(g.index(), g.name(), g.id(), g.unit(), g.portfolio(), g.owner(), g.ownerTeam(),
                    g.manager(), d.get("programRisks").getAsInt()));
        }
        for (int i = 0; i < plan.portfolios.size(); i++) {
            OrgPlan.Portfolio f = plan.portfolios.get(i);
            plan.portfolios.set(i, new OrgPlan.Portfolio(f.index(), f.name(), f.id(), f.unit(), f.owner(), f.ownerTeam(), f.manager(),
                    f.sponsor(), d.get("portfolioIssues").getAsInt()));
        }
    }

    /** Phases of a project with {@code tasks} task rows: one per about nine rows, each a summary row, tasks and a closing milestone. */
    static int phases(int tasks) { return Math.max(1, Math.min(tasks / 3, Math.round(tasks / 9f))); }

    private List<Integer> largePlanResources(RandomGenerator rng) {
        int[] all = java.util.stream.IntStream.range(0, plan.resources.size()).toArray();
        MathArrays.shuffle(all, rng);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(all.length, s.count("largePlanResources")); i++) out.add(all[i]);
        return out;
    }

    private List<OrgPlan.PlanLine> largePlan(List<Integer> resources, int months) {
        LocalDate start = max(s.asOf(), s.horizonStart());
        LocalDate end = min(s.asOf().plusMonths(months), s.horizonEnd());
        List<OrgPlan.PlanLine> lines = new ArrayList<>();
        int rows = workingDays(start, end);
        for (int r : resources) if (rows > 0) lines.add(new OrgPlan.PlanLine(r, start, end, BigDecimal.valueOf(4), rows));
        return lines;
    }

    private List<OrgPlan.PlanLine> plan(RandomGenerator rng, int unit, LocalDate projectStart, LocalDate projectFinish, int size,
                                        IntSupplier weeks, IntSupplier hours) {
        List<Integer> pool = resourcesOfUnit.get(unit).size() >= size ? resourcesOfUnit.get(unit) : null;
        int poolSize = pool == null ? plan.resources.size() : pool.size();
        LocalDate from = max(projectStart, s.horizonStart());
        LocalDate to = min(projectFinish, s.horizonEnd());
        List<OrgPlan.PlanLine> lines = new ArrayList<>();
        if (poolSize == 0 || !from.isBefore(to)) return lines;
        Set<Integer> chosen = new HashSet<>();
        int span = (int) ChronoUnit.DAYS.between(from, to);
        for (int attempt = 0; chosen.size() < Math.min(size, poolSize) && attempt < size * 8; attempt++) {
            int r = pool == null ? rng.nextInt(poolSize) : pool.get(rng.nextInt(poolSize));
            if (!chosen.add(r)) continue;
            LocalDate start = from.plusDays(rng.nextInt(span));
            LocalDate end = min(start.plusWeeks(weeks.getAsInt()), to);
            BigDecimal h = BigDecimal.valueOf(hours.getAsInt());
            int rows = workingDays(start, end);
            if (rows > 0) lines.add(new OrgPlan.PlanLine(r, start, end, h, rows));
        }
        return lines;
    }

    static int workingDays(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) if (isWorkday(d)) n++;
        return n;
    }

    static boolean isWorkday(LocalDate d) { return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY; }

    private void timesheets() {
        RandomGenerator rng = rngs.stream("timesheets");
        double share = s.parameter("timesheetUserShare");
        if (s.count("timesheetWeeks") == 0) return;
        for (OrgPlan.Resource r : plan.resources) if (r.user() >= 0 && Rngs.chance(rng, share)) plan.timesheetPeople.add(r.index());
    }

    // ---- helpers ----

    /** Splits {@code total} in proportion to {@code weights} (largest remainder); with {@code atLeastOne} no share is 0. */
    static int[] largestRemainder(int total, double[] weights, boolean atLeastOne) {
        int n = weights.length;
        int[] out = new int[n];
        if (n == 0) return out;
        int base = atLeastOne ? Math.min(1, total / Math.max(1, n)) : 0;
        int left = total - base * n;
        double sum = 0;
        for (double w : weights) sum += w;
        double[] remainder = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = sum == 0 ? 0 : left * weights[i] / sum;
            out[i] = base + (int) Math.floor(exact);
            remainder[i] = exact - Math.floor(exact);
            given += (int) Math.floor(exact);
        }
        for (int k = 0; k < left - given; k++) {
            int best = 0;
            for (int i = 1; i < n; i++) if (remainder[i] > remainder[best]) best = i;
            out[best]++;
            remainder[best] = -1;
        }
        return out;
    }

    private static LocalDate max(LocalDate a, LocalDate b) { return a.isAfter(b) ? a : b; }

    private static LocalDate min(LocalDate a, LocalDate b) { return a.isBefore(b) ? a : b; }
}
