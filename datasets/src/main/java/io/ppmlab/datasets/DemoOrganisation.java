package io.ppmlab.datasets;

import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.ppmlab.datasets.ShippedRoles.*;

/**
 * The {@code demo} dataset: the IT/HR worked example of the product documentation (DESIGN.md section 7),
 * with one user per shipped role, registers, resources and settings. Deterministic: every id is
 * {@link Ids#of} a natural key, every timestamp is {@link #CREATED_ON}.
 */
public final class DemoOrganisation {
    public static final Instant CREATED_ON = Instant.parse("2025-01-06T08:00:00Z");
    public static final String DOMAIN = "contoso.test";
    public static final String PASSWORD = "demo";
    public static final UUID TENANT_ID = Ids.of("tenant", DOMAIN);

    public static final String ROOT_BU = "Contoso";
    public static final List<String> BUSINESS_UNITS = List.of(ROOT_BU, "IT", "HR");

    /** The application user's app registration. */
    public static final UUID APP_CLIENT_ID = Ids.of("appregistration", "ppm-integration");
    public static final String APP_SECRET = "demo-app-secret";
    public static final String APP_UPN = "ppm-integration@" + DOMAIN;

    /** Access mask of the share an "Assigned To" user outside the owning team gets: Read and Write. */
    public static final int ASSIGNED_TO_SHARE_MASK = 1 | 2;

    /** A person of the demo tenant (the application user is not one). */
    public record DemoUser(String upn, String firstName, String lastName, String businessUnit, List<String> roles) {
        public String fullName() { return firstName + " " + lastName; }
    }

    public static final List<DemoUser> USERS = List.of(
            user("admin", "Admin", "User", ROOT_BU, ADMIN_USER),
            user("blue", "Blue", "User", "IT", PORTFOLIO_MANAGER),
            user("green", "Green", "User", "IT", PORTFOLIO_MANAGER),
            user("purple", "Purple", "User", "IT", PORTFOLIO_MANAGER),
            user("yellow", "Yellow", "User", "HR", PORTFOLIO_MANAGER),
            user("red", "Red", "User", "HR", PORTFOLIO_MANAGER),
            user("projectuser", "Project", "User", "IT", PROJECT_USER),
            user("projectexecutive", "Project", "Executive", "IT", PROJECT_EXECUTIVE),
            user("portfoliouser", "Portfolio", "User", "IT", PORTFOLIO_USER),
            user("programmanager", "Program", "Manager", "IT", PROGRAM_MANAGER),
            user("proposalmanager", "Proposal", "Manager", "IT", PROPOSAL_MANAGER),
            user("strategyuser", "Strategy", "User", "HR", STRATEGY_USER),
            user("ideauser", "Idea", "User", "HR", IDEA_USER),
            user("challengeuser", "Challenge", "User", "HR", CHALLENGE_USER),
            user("strategyexecutive", "Strategy", "Executive", ROOT_BU, STRATEGY_EXECUTIVE),
            user("pmo", "PMO", "User", ROOT_BU, PMO_USER),
            user("resourcemanager", "Resource", "Manager", ROOT_BU, RESOURCE_MANAGER),
            user("timesheetmanager", "Timesheet", "Manager", ROOT_BU, TIMESHEET_MANAGER),
            // The role only widens bookable-resource reach, so on its own it shows nothing: pair it with a base role.
            user("resourceorgaccess", "Resource Org", "Access", "HR", PROJECT_USER, RESOURCE_ORGANIZATIONAL_ACCESS));

    public static final List<String> PORTFOLIOS = List.of("IT Portfolio 1", "IT Portfolio 2", "HR Portfolio 1", "HR Portfolio 2");

    /**
     * Program → portfolio. The documentation's chart is not in its text; this reading makes each
     * "standard case" membership a chain: Green (IT Portfolio 2 ⊃ IT Program 3), Yellow
     * (HR Portfolio 2 ⊃ HR Program 2 ⊃ HR Project 2).
     */
    public static final Map<String, String> PROGRAM_PORTFOLIO = ordered(
            "IT Program 1", "IT Portfolio 1", "IT Program 2", "IT Portfolio 2", "IT Program 3", "IT Portfolio 2",
            "HR Program 1", "HR Portfolio 1", "HR Program 2", "HR Portfolio 2", "HR Program 3", "HR Portfolio 2");

    /** Project → program: project n belongs to program n of its business unit. */
    public static final Map<String, String> PROJECT_PROGRAM = ordered(
            "IT Project 1", "IT Program 1", "IT Project 2", "IT Program 2", "IT Project 3", "IT Program 3",
            "HR Project 1", "HR Program 1", "HR Project 2", "HR Program 2", "HR Project 3", "HR Program 3");

    /** The documented M365 group memberships, UPN → groups (each group is a team named like its record). */
    public static final Map<String, List<String>> GROUP_MEMBERSHIPS = orderedLists(
            "blue", List.of(),
            "green", List.of("IT Portfolio 2", "IT Program 3"),
            "purple", List.of("IT Portfolio 2", "IT Program 1", "IT Program 2", "HR Portfolio 2"),
            "yellow", List.of("HR Portfolio 2", "HR Program 2", "HR Project 2"),
            "red", List.of("HR Portfolio 1", "HR Program 1", "HR Program 3", "HR Project 1", "IT Project 2"));

    private DemoOrganisation() {}

    public static Organisation build() { return build(SchemaLoader.loadDefault()); }

    public static Organisation build(Schema schema) {
        DemoContext ctx = new DemoContext(schema);
        DemoSecurity.add(ctx);
        DemoResources.addCalendarsAndResources(ctx);
        DemoStrategy.add(ctx);
        DemoPortfolios.add(ctx);
        DemoResources.addPlansAndTimesheets(ctx);
        DemoSettings.add(ctx);
        DemoPortfolios.addAssignedToShares(ctx);
        Map<String, String> passwords = new LinkedHashMap<>();
        USERS.forEach(u -> passwords.put(u.upn(), PASSWORD));
        return new Organisation(ctx.rows(), passwords, List.of(new AppRegistration(APP_CLIENT_ID, APP_SECRET, userId(APP_UPN))));
    }

    public static String upn(String localPart) { return localPart.contains("@") ? localPart : localPart + "@" + DOMAIN; }

    public static UUID userId(String upnOrLocalPart) { return Ids.of("systemuser", upn(upnOrLocalPart)); }

    public static UUID businessUnitId(String name) { return Ids.of("businessunit", name); }

    /** A team by name: an M365 group team ("IT Project 2") or a BU's default team (named like the BU). */
    public static UUID teamId(String name) { return Ids.of("team", name); }

    /** The copy of a role that lives in a business unit. */
    public static UUID roleId(String businessUnit, String roleName) { return Ids.of("role", businessUnit + "/" + roleName); }

    /** A product row by its sensei_name, e.g. {@code recordId("sensei_risk", "IT Project 1 - Risk 1")}. */
    public static UUID recordId(String table, String name) { return Ids.of(table, name); }

    /** The business unit of a portfolio, program or project (its name's prefix). */
    public static String businessUnitOf(String headlineName) { return headlineName.substring(0, headlineName.indexOf(' ')); }

    public static DemoUser demoUser(String upnOrLocalPart) {
        String upn = upn(upnOrLocalPart);
        return USERS.stream().filter(u -> u.upn().equals(upn)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + upn));
    }

    private static DemoUser user(String local, String first, String last, String bu, String... roles) {
        return new DemoUser(upn(local), first, last, bu, List.of(roles));
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, List<String>> orderedLists(Object... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked") List<String> v = (List<String>) kv[i + 1];
            m.put(upn((String) kv[i]), v);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
