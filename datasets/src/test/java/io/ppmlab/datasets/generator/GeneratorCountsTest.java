package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.ShippedRoles;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import org.junit.jupiter.api.Test;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.ppmlab.datasets.generator.SmallOrgs.SCHEMA;
import static io.ppmlab.datasets.generator.SmallOrgs.collect;
import static io.ppmlab.datasets.generator.SmallOrgs.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counts per profile at reduced scale: what the knobs ask for is what comes out. */
class GeneratorCountsTest {
    static final SmallOrgs.Collected UNIQUE = collect("limits", small(42));
    static final SmallOrgs.Collected REUSABLE = collect("limits", small(42).withTeamStrategy(TeamStrategy.REUSABLE));

    @Test
    void knobsDecideTheHeadlineCounts() {
        for (SmallOrgs.Collected c : new SmallOrgs.Collected[]{UNIQUE, REUSABLE}) {
            Map<String, Long> n = c.result().counts();
            assertThat(n.get("sensei_project")).isEqualTo(40);
            assertThat(n.get("bookableresource")).isEqualTo(12);
            assertThat(n.get("businessunit")).isEqualTo(7);
            assertThat(n.get("systemuser")).isEqualTo(60 + 2); // generated people + admin@ + the application user
            assertThat(n.get("role")).isEqualTo(15L * 7);
            long days = ChronoUnit.DAYS.between(c.result().settings().horizonStart(), c.result().settings().horizonEnd());
            assertThat(days).isEqualTo(365);
            assertThat(n.get("sensei_resourcecapacity")).isEqualTo(12 * days);
            assertThat(c.result().resourceYears()).isEqualTo(12.0);
            assertThat(n.get("sensei_program")).isPositive();
            assertThat(n.get("sensei_portfolio")).isPositive();
            assertThat(n.get("sensei_proposal")).isEqualTo(8); // 0.2 per project
            assertThat(n.get("sensei_resourcedemand")).isPositive();
            assertThat(n.get("sensei_task")).isGreaterThanOrEqualTo(40L * 3);
            assertThat(n.get("sensei_risk")).isPositive();
            assertThat(n.get("sensei_statusupdate")).isPositive();
            assertThat(n.get("sensei_calendarexception")).isPositive();
        }
    }

    @Test
    void expectedCountsAreExactExceptShares() {
        for (SmallOrgs.Collected c : new SmallOrgs.Collected[]{UNIQUE, REUSABLE}) {
            Map<String, Long> expected = new HashMap<>(c.generation().expectedCounts());
            Map<String, Long> actual = new HashMap<>(c.result().counts());
            expected.remove("principalobjectaccess");
            actual.remove("principalobjectaccess");
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void everyRoleHasUsersWithThePredictableUpns() {
        Set<String> upns = new HashSet<>();
        UNIQUE.rows("systemuser").forEach(r -> upns.add((String) r.get("domainname")));
        assertThat(upns).contains("admin@contoso.test", "projectuser.0001@contoso.test", "pmo.0001@contoso.test",
                "resourceorgaccess.0001@contoso.test", "timesheetmanager.0001@contoso.test");
        for (String slug : RoleSlugs.ROLES.keySet()) assertThat(upns).contains(RoleSlugs.upn(slug, 1));
        Map<UUID, String> roleNames = new HashMap<>();
        UNIQUE.rows("role").forEach(r -> roleNames.put(r.id(), (String) r.get("name")));
        Set<String> held = new HashSet<>();
        UNIQUE.rows("systemuserroles").forEach(r -> held.add(roleNames.get(r.ref("roleid").id())));
        assertThat(held).containsExactlyInAnyOrderElementsOf(ShippedRoles.ALL);
        assertThat(UNIQUE.result().passwords()).containsEntry("admin@contoso.test", "demo").hasSize(61);
        Row admin = UNIQUE.rows("systemuser").stream().filter(r -> r.id().equals(DemoOrganisation.userId("admin"))).findFirst().orElseThrow();
        assertThat(admin.get("fullname")).isEqualTo("Admin User");
    }

    @Test
    void uniqueStrategyHasAGroupPerTeamOwnedHeadlineRecord() {
        Set<EntityRef> owners = new HashSet<>();
        for (String t : new String[]{"sensei_portfolio", "sensei_program", "sensei_project"}) {
            UNIQUE.rows(t).forEach(r -> owners.add(r.ref("ownerid")));
        }
        long teamOwned = owners.stream().filter(o -> o.table().equals("team")).count();
        long groups = UNIQUE.rows("team").stream().filter(r -> r.get("teamtype").equals(3)).count();
        assertThat(groups).isEqualTo(teamOwned);
        long reusableGroups = REUSABLE.rows("team").stream().filter(r -> r.get("teamtype").equals(3)).count();
        assertThat(reusableGroups).isLessThan(groups).isPositive();
    }

    @Test
    void registersCarryTheirProjectsOwner() {
        Map<UUID, EntityRef> projectOwner = new HashMap<>();
        UNIQUE.rows("sensei_project").forEach(p -> projectOwner.put(p.id(), p.ref("ownerid")));
        for (String t : new String[]{"sensei_risk", "sensei_issue", "sensei_task", "sensei_statusupdate", "sensei_resourcedemand"}) {
            for (Row r : UNIQUE.rows(t)) {
                EntityRef project = r.ref(t.equals("sensei_statusupdate") ? "sensei_projectlink" : "sensei_project");
                if (project != null) assertThat(r.ref("ownerid")).as(t).isEqualTo(projectOwner.get(project.id()));
            }
        }
    }

    @Test
    void stressIsAMultipleOfLimits() {
        Settings limits = Profile.load("limits").settings(Knobs.none());
        Settings stress = Profile.load("stress").settings(Knobs.none());
        assertThat(limits.projects()).isEqualTo(5000);
        assertThat(limits.resources()).isEqualTo(2000);
        assertThat(limits.years()).isEqualTo(4);
        assertThat(stress.projects()).isEqualTo(4 * limits.projects());
        assertThat(stress.resources()).isEqualTo(4 * limits.resources());
        assertThat(stress.users()).isEqualTo(4 * limits.users());
        assertThat(stress.distributions()).isEqualTo(limits.distributions());
        assertThat(Profile.load("stress").settings(Knobs.none().withProjects(7)).projects()).isEqualTo(7);
    }

    @Test
    void stressAtReducedScaleGenerates() {
        SmallOrgs.Collected c = collect("stress", small(1));
        assertThat(c.result().counts().get("sensei_project")).isEqualTo(40);
    }

    @Test
    void demoProfileIsTheDemoOrganisation() {
        SmallOrgs.Collected demo = collect("demo", Knobs.none());
        assertThat(demo.rows()).isEqualTo(DemoOrganisation.build(SCHEMA).rows());
        assertThatThrownBy(() -> Profile.load("demo").settings(Knobs.none().withProjects(10)))
                .hasMessageContaining("fixed");
    }

    @Test
    void outOfRangeKnobsAreRefused() {
        assertThatThrownBy(() -> Profile.load("limits").settings(Knobs.none().withYears(12))).hasMessageContaining("11");
        assertThatThrownBy(() -> Profile.load("limits").settings(Knobs.none().withBusinessUnits(0))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Profile.load("nope")).hasMessageContaining("unknown dataset profile");
    }

    @Test
    void asOfMovesTheHorizonAndTheRows() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 2);
        Settings s = Profile.load("limits").settings(Knobs.none().withAsOf(day));
        assertThat(s.horizonStart()).isEqualTo(day.minusYears(1));
        assertThat(s.horizonEnd()).isEqualTo(day.plusYears(3));
        SmallOrgs.Collected c = collect("limits", small(42).withAsOf(day));
        assertThat(c.rows("sensei_resourcecapacity").stream().map(r -> (java.time.LocalDate) r.get("sensei_date")).min(java.util.Comparator.naturalOrder()))
                .contains(day);
        assertThat(c.result().rowsSha256()).isNotEqualTo(UNIQUE.result().rowsSha256());
        assertThatThrownBy(() -> Profile.load("demo").settings(Knobs.none().withAsOf(day))).hasMessageContaining("fixed");
    }

    @Test
    void oneBusinessUnitAndNoProjectsStillWork() {
        SmallOrgs.Collected c = collect("limits", Knobs.none().withProjects(0).withResources(2).withYears(1).withBusinessUnits(1).withUsers(15));
        assertThat(c.result().counts().get("businessunit")).isEqualTo(1);
        assertThat(c.result().counts()).doesNotContainKey("sensei_project");
    }
}
