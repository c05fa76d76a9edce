package io.ppmlab.datasets;

import java.time.LocalDate;

import static io.ppmlab.datasets.DemoContext.*;

/** The demo's intake and strategy rows: a theme and goal, a challenge with an idea, and two proposals. */
final class DemoStrategy {
    static final String THEME = "Digital Workplace";
    static final String GOAL = "Cut administrative effort by 10%";
    static final String IT_PROPOSAL = "IT Proposal 1";
    static final String HR_PROPOSAL = "HR Proposal 1";

    private DemoStrategy() {}

    static void add(DemoContext ctx) {
        // Strategy rows are user-owned by the people whose roles manage them, in those people's BUs.
        RowFactory.Owner strategist = userOwner("strategyexecutive");
        ctx.named("sensei_strategictheme", THEME, strategist, vals("sensei_description", "Modern tools for every employee"));
        ctx.named("sensei_strategicgoal", GOAL, strategist, vals(
                "sensei_strategictheme", record("sensei_strategictheme", THEME), "sensei_targetdate", LocalDate.of(2026, 12, 31)));
        ctx.named("sensei_challenge", "HR Challenge 1", userOwner("challengeuser"), vals(
                "sensei_description", "Onboarding takes three weeks of paperwork",
                "sensei_strategictheme", record("sensei_strategictheme", THEME), "sensei_closedate", LocalDate.of(2025, 3, 31)));
        ctx.named("sensei_idea", "HR Idea 1", userOwner("ideauser"), vals(
                "sensei_description", "Self-service onboarding portal",
                "sensei_challenge", record("sensei_challenge", "HR Challenge 1"), "sensei_votes", 12));
        ctx.named("sensei_proposal", IT_PROPOSAL, userOwner("proposalmanager"), vals(
                "sensei_description", "Replace the service desk tool",
                "sensei_sponsor", user("projectexecutive"), "sensei_proposedstart", LocalDate.of(2025, 3, 3),
                "sensei_proposedfinish", LocalDate.of(2025, 11, 28), "sensei_estimatedcost", num(300_000),
                "transactioncurrencyid", usd(), "sensei_score", num(72), "statuscode", 955000001));
        ctx.named("sensei_proposal", HR_PROPOSAL, userOwner("strategyuser"), vals(
                "sensei_description", "Onboarding portal (from HR Idea 1)", "sensei_idea", record("sensei_idea", "HR Idea 1"),
                "sensei_sponsor", user("strategyuser"), "sensei_proposedstart", LocalDate.of(2025, 6, 2),
                "sensei_proposedfinish", LocalDate.of(2025, 12, 19), "sensei_estimatedcost", num(120_000),
                "transactioncurrencyid", usd(), "sensei_score", num(64), "statuscode", 955000000));
    }
}
