package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.Ids;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.ShippedRoles;

import java.math.BigDecimal;
import java.util.UUID;

import static io.ppmlab.datasets.generator.RowOut.ref;
import static io.ppmlab.datasets.generator.RowOut.vals;

/**
 * The directory of a generated organisation: currency, organization, business units, users (admin first,
 * then the application user, then the generated people), teams and memberships, role copies per business
 * unit and role assignments. Ids follow the demo's natural keys, so {@code DemoOrganisation.userId(upn)}
 * and friends compute them.
 */
final class PlatformRows {
    static final int OWNER_TEAM = 0;
    static final int OFFICE_GROUP_TEAM = 3;
    private static final int NON_INTERACTIVE = 4;

    private PlatformRows() {}

    static UUID usd() { return Ids.of("transactioncurrency", "USD"); }

    static void emit(OrgPlan plan, RowOut out) {
        out.org("transactioncurrency", usd(), vals("currencyname", "US Dollar", "isocurrencycode", "USD",
                "currencysymbol", "$", "exchangerate", BigDecimal.ONE, "currencyprecision", 2));
        String rootName = plan.units.get(0).name();
        out.org("organization", Ids.of("organization", rootName), vals("name", rootName,
                "basecurrencyid", ref("transactioncurrency", usd()), "languagecode", 1033));
        for (OrgPlan.Unit u : plan.units) {
            out.org("businessunit", u.id(), vals("name", u.name(),
                    "parentbusinessunitid", u.parent() < 0 ? null : ref("businessunit", plan.units.get(u.parent()).id())));
        }
        users(plan, out);
        teams(plan, out);
        roles(plan, out);
    }

    private static void users(OrgPlan plan, RowOut out) {
        OrgPlan.Person admin = plan.people.get(0);
        user(plan, out, admin, null);
        out.org("systemuser", DemoOrganisation.userId(DemoOrganisation.APP_UPN), vals(
                "domainname", DemoOrganisation.APP_UPN, "fullname", "PPM Integration", "lastname", "PPM Integration",
                "businessunitid", ref("businessunit", plan.units.get(0).id()),
                "azureactivedirectoryobjectid", Ids.of("entra-serviceprincipal", DemoOrganisation.APP_UPN), "isdisabled", false,
                "applicationid", DemoOrganisation.APP_CLIENT_ID, "accessmode", NON_INTERACTIVE));
        for (int i = 1; i < plan.people.size(); i++) user(plan, out, plan.people.get(i), RoleSlugs.title(plan.people.get(i).slug()));
    }

    private static void user(OrgPlan plan, RowOut out, OrgPlan.Person p, String title) {
        out.org("systemuser", p.id(), vals("domainname", p.upn(), "fullname", p.fullName(), "firstname", p.firstName(),
                "lastname", p.lastName(), "internalemailaddress", p.upn(), "businessunitid", ref("businessunit", plan.units.get(p.unit()).id()),
                "azureactivedirectoryobjectid", Ids.of("entra-user", p.upn()), "isdisabled", false, "accessmode", 0, "title", title));
    }

    private static void teams(OrgPlan plan, RowOut out) {
        UUID adminId = plan.people.get(0).id();
        for (OrgPlan.Team t : plan.teams) {
            UUID bu = plan.units.get(t.unit()).id();
            UUID administrator = plan.people.get(t.administrator()).id();
            if (t.isDefault()) {
                out.org("team", t.id(), vals("name", t.name(), "teamtype", OWNER_TEAM, "isdefault", true,
                        "businessunitid", ref("businessunit", bu), "administratorid", ref("systemuser", adminId)));
            } else {
                String about = plan.settings.teamStrategy() == TeamStrategy.UNIQUE ? "Microsoft 365 group of " + t.name()
                        : "Functional Microsoft 365 group of " + plan.units.get(t.unit()).name() + ", reused across its initiatives";
                out.org("team", t.id(), vals("name", t.name(), "teamtype", OFFICE_GROUP_TEAM, "isdefault", false,
                        "membershiptype", 0, "businessunitid", ref("businessunit", bu), "administratorid", ref("systemuser", administrator),
                        "azureactivedirectoryobjectid", Ids.of("entra-group", t.name()), "description", about));
            }
        }
        for (OrgPlan.Team t : plan.teams) {
            for (int m : t.members()) membership(out, plan.people.get(m).upn(), t);
            if (t.isDefault() && t.unit() == plan.root()) membership(out, DemoOrganisation.APP_UPN, t);
        }
    }

    private static void membership(RowOut out, String upn, OrgPlan.Team team) {
        out.org("teammembership", Ids.of("teammembership", upn + "|" + team.name()), vals(
                "systemuserid", ref("systemuser", DemoOrganisation.userId(upn)), "teamid", ref("team", team.id())));
    }

    private static void roles(OrgPlan plan, RowOut out) {
        String root = plan.units.get(0).name();
        for (OrgPlan.Unit u : plan.units) {
            for (String role : ShippedRoles.ALL) {
                out.org("role", DemoOrganisation.roleId(u.name(), role), vals("name", role, "businessunitid", ref("businessunit", u.id()),
                        "parentrootroleid", ref("role", DemoOrganisation.roleId(root, role))));
            }
        }
        // Classic rule, as in the demo: a user holds the copy of the role in the user's own business unit.
        for (OrgPlan.Person p : plan.people) {
            for (String role : p.roles()) userRole(out, p.upn(), p.id(), plan.units.get(p.unit()).name(), role);
        }
        userRole(out, DemoOrganisation.APP_UPN, DemoOrganisation.userId(DemoOrganisation.APP_UPN), root, ShippedRoles.ADMIN_USER);
    }

    private static void userRole(RowOut out, String upn, UUID userId, String bu, String role) {
        out.org("systemuserroles", Ids.of("systemuserroles", upn + "|" + role), vals("systemuserid", ref("systemuser", userId),
                "roleid", ref("role", DemoOrganisation.roleId(bu, role))));
    }
}
