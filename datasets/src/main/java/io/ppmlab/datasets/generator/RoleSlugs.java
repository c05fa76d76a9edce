package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.DemoOrganisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.ppmlab.datasets.ShippedRoles.*;

/**
 * The user-name pattern of generated organisations. A generated user's UPN is
 * {@code <slug>.<n>@contoso.test}: the slug of the user's primary role and its number within that role,
 * zero-padded to four digits (more when a role has 10,000 users or more), numbered from 1. The slugs are
 * the demo's local parts: {@code projectuser.0001@contoso.test} is the first Project User.
 */
public final class RoleSlugs {
    /** Slug → the shipped roles a user with that primary role holds (resourceorgaccess pairs the add-on with Project User). */
    public static final Map<String, List<String>> ROLES = ordered(
            "projectuser", List.of(PROJECT_USER),
            "projectexecutive", List.of(PROJECT_EXECUTIVE),
            "portfoliouser", List.of(PORTFOLIO_USER),
            "strategyuser", List.of(STRATEGY_USER),
            "admin", List.of(ADMIN_USER),
            "programmanager", List.of(PROGRAM_MANAGER),
            "portfoliomanager", List.of(PORTFOLIO_MANAGER),
            "proposalmanager", List.of(PROPOSAL_MANAGER),
            "ideauser", List.of(IDEA_USER),
            "challengeuser", List.of(CHALLENGE_USER),
            "strategyexecutive", List.of(STRATEGY_EXECUTIVE),
            "pmo", List.of(PMO_USER),
            "resourcemanager", List.of(RESOURCE_MANAGER),
            "timesheetmanager", List.of(TIMESHEET_MANAGER),
            "resourceorgaccess", List.of(PROJECT_USER, RESOURCE_ORGANIZATIONAL_ACCESS));

    /** Organisation-wide roles: their users sit in the root business unit, as in the demo. */
    public static final Set<String> ROOT_LEVEL = Set.of("admin", "pmo", "strategyexecutive", "resourcemanager", "timesheetmanager");

    /** Roles whose users work on projects, programs and portfolios: the people teams are made of. */
    public static final Set<String> DELIVERY = Set.of("projectuser", "projectexecutive", "portfoliouser", "strategyuser",
            "programmanager", "portfoliomanager", "resourceorgaccess");

    /** Display titles (first name of a generated user, and the systemuser title). */
    private static final Map<String, String> TITLES = ordered(
            "projectuser", "Project User", "projectexecutive", "Project Executive", "portfoliouser", "Portfolio User",
            "strategyuser", "Strategy User", "admin", "Admin User", "programmanager", "Program Manager",
            "portfoliomanager", "Portfolio Manager", "proposalmanager", "Proposal Manager", "ideauser", "Idea User",
            "challengeuser", "Challenge User", "strategyexecutive", "Strategy Executive", "pmo", "PMO User",
            "resourcemanager", "Resource Manager", "timesheetmanager", "Timesheet Manager", "resourceorgaccess", "Resource Org Access");

    private RoleSlugs() {}

    public static String upn(String slug, int number) {
        return slug + "." + String.format("%04d", number) + "@" + DemoOrganisation.DOMAIN;
    }

    public static String title(String slug) {
        String t = TITLES.get(slug);
        if (t == null) throw new IllegalArgumentException("unknown role slug '" + slug + "' (known: " + ROLES.keySet() + ")");
        return t;
    }

    public static List<String> roles(String slug) {
        List<String> r = ROLES.get(slug);
        if (r == null) throw new IllegalArgumentException("unknown role slug '" + slug + "' (known: " + ROLES.keySet() + ")");
        return r;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... kv) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (V) kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
