package io.ppmlab.datasets;

import io.ppmlab.datasets.DemoOrganisation.DemoUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.ppmlab.datasets.DemoContext.ref;
import static io.ppmlab.datasets.DemoContext.user;
import static io.ppmlab.datasets.DemoContext.usd;
import static io.ppmlab.datasets.DemoContext.vals;
import static io.ppmlab.datasets.DemoOrganisation.*;

/** The demo's platform rows: currency, organization, business units, users, teams, memberships, roles. */
final class DemoSecurity {
    private static final int OWNER_TEAM = 0;
    private static final int OFFICE_GROUP_TEAM = 3;
    private static final int NON_INTERACTIVE = 4;

    private DemoSecurity() {}

    static void add(DemoContext ctx) {
        ctx.org("transactioncurrency", usd().id(), vals("currencyname", "US Dollar", "isocurrencycode", "USD",
                "currencysymbol", "$", "exchangerate", DemoContext.num(1), "currencyprecision", 2));
        ctx.org("organization", Ids.of("organization", ROOT_BU), vals("name", ROOT_BU, "basecurrencyid", usd(), "languagecode", 1033));
        for (String bu : BUSINESS_UNITS) {
            ctx.org("businessunit", businessUnitId(bu), vals("name", bu,
                    "parentbusinessunitid", bu.equals(ROOT_BU) ? null : ref("businessunit", businessUnitId(ROOT_BU))));
        }
        users(ctx);
        teams(ctx);
        roles(ctx);
    }

    private static void users(DemoContext ctx) {
        // Managers before their reports, so every row's lookups point backwards (load order).
        List<DemoUser> ordered = new ArrayList<>(USERS.stream().filter(u -> !GROUP_MEMBERSHIPS.containsKey(u.upn())).toList());
        ordered.addAll(USERS.stream().filter(u -> GROUP_MEMBERSHIPS.containsKey(u.upn())).toList());
        for (DemoUser u : ordered) {
            boolean colour = GROUP_MEMBERSHIPS.containsKey(u.upn());
            ctx.org("systemuser", userId(u.upn()), vals(
                    "domainname", u.upn(), "fullname", u.fullName(), "firstname", u.firstName(), "lastname", u.lastName(),
                    "internalemailaddress", u.upn(), "businessunitid", ref("businessunit", businessUnitId(u.businessUnit())),
                    "azureactivedirectoryobjectid", Ids.of("entra-user", u.upn()), "isdisabled", false,
                    // The five example users report to the PMO user: a manager for hierarchy-security experiments.
                    "parentsystemuserid", colour ? user("pmo") : null, "accessmode", 0));
        }
        ctx.org("systemuser", userId(APP_UPN), vals(
                "domainname", APP_UPN, "fullname", "PPM Integration", "lastname", "PPM Integration",
                "businessunitid", ref("businessunit", businessUnitId(ROOT_BU)),
                "azureactivedirectoryobjectid", Ids.of("entra-serviceprincipal", APP_UPN), "isdisabled", false,
                "applicationid", APP_CLIENT_ID, "accessmode", NON_INTERACTIVE));
    }

    private static List<String> allUpns() {
        List<String> upns = new ArrayList<>(USERS.stream().map(DemoUser::upn).toList());
        upns.add(APP_UPN);
        return upns;
    }

    private static String businessUnitOfUser(String upn) {
        return upn.equals(APP_UPN) ? ROOT_BU : demoUser(upn).businessUnit();
    }

    private static void teams(DemoContext ctx) {
        // Every BU has a default owner team, named like the BU, that holds all of the BU's users.
        for (String bu : BUSINESS_UNITS) {
            ctx.org("team", teamId(bu), vals("name", bu, "teamtype", OWNER_TEAM, "isdefault", true,
                    "businessunitid", ref("businessunit", businessUnitId(bu)), "administratorid", user("admin")));
        }
        List<String> headlines = new ArrayList<>(PORTFOLIOS);
        headlines.addAll(PROGRAM_PORTFOLIO.keySet());
        headlines.addAll(PROJECT_PROGRAM.keySet());
        for (String name : headlines) {
            ctx.org("team", teamId(name), vals("name", name, "teamtype", OFFICE_GROUP_TEAM, "isdefault", false,
                    "membershiptype", 0, "businessunitid", ref("businessunit", businessUnitId(businessUnitOf(name))),
                    "administratorid", user("admin"), "azureactivedirectoryobjectid", Ids.of("entra-group", name),
                    "description", "Microsoft 365 group of " + name));
        }
        for (String upn : allUpns()) membership(ctx, upn, businessUnitOfUser(upn));
        for (Map.Entry<String, List<String>> e : GROUP_MEMBERSHIPS.entrySet()) {
            for (String team : e.getValue()) membership(ctx, e.getKey(), team);
        }
    }

    private static void membership(DemoContext ctx, String upn, String team) {
        ctx.org("teammembership", Ids.of("teammembership", upn + "|" + team),
                vals("systemuserid", user(upn), "teamid", ref("team", teamId(team))));
    }

    private static void roles(DemoContext ctx) {
        // Dataverse keeps a copy of every role in every BU; the root copy is its own parentrootroleid.
        for (String bu : BUSINESS_UNITS) {
            for (String role : ShippedRoles.ALL) {
                ctx.org("role", roleId(bu, role), vals("name", role, "businessunitid", ref("businessunit", businessUnitId(bu)),
                        "parentrootroleid", ref("role", roleId(ROOT_BU, role))));
            }
        }
        // Classic rule: a user holds roles from their own BU, so each grant uses that BU's copy.
        for (DemoUser u : USERS) {
            for (String role : u.roles()) userRole(ctx, u.upn(), u.businessUnit(), role);
        }
        userRole(ctx, APP_UPN, ROOT_BU, ShippedRoles.ADMIN_USER);
    }

    private static void userRole(DemoContext ctx, String upn, String bu, String role) {
        UUID id = Ids.of("systemuserroles", upn + "|" + role);
        ctx.org("systemuserroles", id, vals("systemuserid", user(upn), "roleid", ref("role", roleId(bu, role))));
    }
}
