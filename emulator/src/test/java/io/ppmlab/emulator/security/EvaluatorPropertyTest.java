package io.ppmlab.emulator.security;

import io.ppmlab.roles.Privilege;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast evaluator (reach computed once, hash lookups) against the slow one read off the rules, over
 * random organisations: every user × row × privilege must get the same decision, reason and message;
 * the list filter and the boolean fast path must agree with both; so must impersonation.
 */
class EvaluatorPropertyTest {

    @Property(tries = 200)
    void fastAndReferenceEvaluatorsAgree(@ForAll long seed) {
        RandomOrg org = RandomOrg.of(seed);
        SecurityModel model = org.model();
        for (Principal.User user : model.principals().users()) {
            CallerReach reach = CallerReach.of(model, user.id());
            for (RowSecurity row : org.rows()) {
                for (Privilege p : Privilege.values()) {
                    String where = "seed " + seed + ", user " + user.id() + ", row " + row + ", " + p;
                    Decision expected = ReferenceEvaluator.check(model, user.id(), row, p);
                    Statistics.label("outcome").collect(outcome(expected));
                    assertThat(AccessEvaluator.check(reach, row, p)).as(where).isEqualTo(expected);
                    assertThat(AccessEvaluator.allows(reach, row, p)).as(where).isEqualTo(expected.allowed());
                    assertThat(ListFilter.scope(reach, row.table(), p).canRead(row)).as(where).isEqualTo(expected.allowed());
                    assertThat(AccessEvaluator.reasons(reach, row, p)).as(where)
                            .isEqualTo(ReferenceEvaluator.reasons(model, user.id(), row, p));
                }
            }
        }
    }

    /** Shown in the test output, so a generator that stops producing some outcome is noticed. */
    private static String outcome(Decision d) {
        if (d instanceof Decision.Allowed a) return a.reason().getClass().getSimpleName();
        return ((Decision.Denied) d).kind().name();
    }

    @Property(tries = 200)
    void impersonationAgreesWithTheReference(@ForAll long seed) {
        RandomOrg org = RandomOrg.of(seed);
        SecurityModel model = org.model();
        List<Principal.User> users = model.principals().users();
        for (Principal.User real : users) {
            Principal.User as = users.get(Math.floorMod(real.id().hashCode(), users.size()));
            CallerReach reach = Impersonation.intersect(CallerReach.of(model, real.id()), CallerReach.of(model, as.id()));
            for (RowSecurity row : org.rows()) {
                for (Privilege p : Privilege.values()) {
                    assertThat(AccessEvaluator.check(reach, row, p)).as("seed " + seed + " " + real.id() + " as " + as.id() + " " + row + " " + p)
                            .isEqualTo(ReferenceEvaluator.check(model, real.id(), as.id(), row, p));
                }
            }
        }
    }
}
