package io.ppmlab.datasets;

import java.util.List;

/** The names of the product's shipped security roles, exactly as the product documentation spells them. */
public final class ShippedRoles {
    private ShippedRoles() {}

    // Basic security model: each builds on the one before.
    public static final String PROJECT_USER = "Sensei IQ Project User";
    public static final String PROJECT_EXECUTIVE = "Sensei IQ Project Executive";
    public static final String PORTFOLIO_USER = "Sensei IQ Portfolio User";
    public static final String STRATEGY_USER = "Sensei IQ Strategy User";
    public static final String ADMIN_USER = "Sensei IQ Admin User";
    // Modular security model.
    public static final String PROGRAM_MANAGER = "Sensei IQ - Program Manager";
    public static final String PORTFOLIO_MANAGER = "Sensei IQ - Portfolio Manager";
    public static final String PROPOSAL_MANAGER = "Sensei IQ - Proposal Manager";
    public static final String IDEA_USER = "Sensei IQ - Idea User";
    public static final String CHALLENGE_USER = "Sensei IQ - Challenge User";
    public static final String STRATEGY_EXECUTIVE = "Sensei IQ - Strategy Executive";
    public static final String PMO_USER = "Sensei IQ - PMO User";
    public static final String RESOURCE_MANAGER = "Sensei IQ - Resource Manager";
    public static final String TIMESHEET_MANAGER = "Sensei IQ - Timesheet Manager";
    public static final String RESOURCE_ORGANIZATIONAL_ACCESS = "Sensei IQ - Resource Organizational Access";

    public static final List<String> ALL = List.of(
            PROJECT_USER, PROJECT_EXECUTIVE, PORTFOLIO_USER, STRATEGY_USER, ADMIN_USER,
            PROGRAM_MANAGER, PORTFOLIO_MANAGER, PROPOSAL_MANAGER, IDEA_USER, CHALLENGE_USER,
            STRATEGY_EXECUTIVE, PMO_USER, RESOURCE_MANAGER, TIMESHEET_MANAGER, RESOURCE_ORGANIZATIONAL_ACCESS);
}
