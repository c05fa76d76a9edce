package io.ppmlab.datasets.generator;

import org.apache.commons.math3.random.RandomGenerator;

import java.time.LocalDate;

import static io.ppmlab.datasets.generator.RowOut.ref;
import static io.ppmlab.datasets.generator.RowOut.vals;

/** Strategy IQ and intake rows: themes and goals, challenges and ideas (user-owned, like the demo's). */
final class StrategyRows {
    private static final String[] THEMES = {"Digital workplace", "Customer experience", "Operational excellence", "Sustainability",
            "Data and analytics", "Security and compliance", "Growth in new markets", "People and culture"};

    private StrategyRows() {}

    static void emit(OrgPlan plan, RowOut out, RandomGenerator rng) {
        LocalDate asOf = plan.settings.asOf();
        for (int t = 0; t < plan.themes.size(); t++) {
            OrgPlan.Theme theme = plan.themes.get(t);
            out.owned("sensei_strategictheme", theme.id(), plan.userOwner(theme.owner()), vals("sensei_name", theme.name(),
                    "sensei_description", THEMES[t % THEMES.length]));
        }
        for (OrgPlan.Goal g : plan.goals) {
            OrgPlan.Theme theme = plan.themes.get(g.theme());
            out.owned("sensei_strategicgoal", g.id(), plan.userOwner(theme.owner()), vals("sensei_name", g.name(),
                    "sensei_strategictheme", ref("sensei_strategictheme", theme.id()),
                    "sensei_targetdate", asOf.plusMonths(6 + rng.nextInt(36)).withDayOfMonth(1).minusDays(1)));
        }
        for (OrgPlan.Challenge c : plan.challenges) {
            out.owned("sensei_challenge", c.id(), plan.userOwner(c.owner()), vals("sensei_name", c.name(),
                    "sensei_description", "How might we improve " + plan.units.get(c.unit()).name() + "?",
                    "sensei_strategictheme", c.theme() < 0 ? null : ref("sensei_strategictheme", plan.themes.get(c.theme()).id()),
                    "sensei_closedate", asOf.plusDays(rng.nextInt(180) - 60L)));
        }
        for (OrgPlan.Idea i : plan.ideas) {
            out.owned("sensei_idea", i.id(), plan.userOwner(i.owner()), vals("sensei_name", i.name(),
                    "sensei_description", "An idea for " + plan.challenges.get(i.challenge()).name(),
                    "sensei_challenge", ref("sensei_challenge", plan.challenges.get(i.challenge()).id()), "sensei_votes", rng.nextInt(40)));
        }
    }
}
