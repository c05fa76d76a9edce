package io.ppmlab.harness.limits;

import java.util.List;

/**
 * The rows of the product documentation's "Software Boundaries and Limits" (seed {@code 001}), with the lab's id of
 * each. Every one gets a verdict in every run.
 */
public enum DocumentedLimit {
    PROJECTS("projects-5000", "Tested up to 5,000 projects per installation"),
    RESOURCES("resources-2000-capacity-4y", "Tested with 2,000 resources with 4 years of capacity"),
    PLAN_RESOURCES("plan-90-resources", "A resource plan of at least 90 resources"),
    SAVE("save-45-resource-years", "A save of at most 45 resource-years (90 resources x 6 months, 15 resources x 3 years)"),
    QUOTA("quota-170kb-per-resource-year", "About 170 KB of Dataverse quota per resource per capacity year"),
    HORIZON("horizon-4y-default-11-max", "Capacity horizon 4 years by default (1 behind, 3 ahead), 11 at most"),
    GROUPS("groups-250-per-user", "A user may own at most 250 groups"),
    FETCHXML("fetchxml-500-rows", "FetchXML in a scheduled process returns at most 500 rows"),
    WORKFLOW("workflow-120s", "A workflow extension runs at most 120 seconds"),
    LOGS("process-logs-30-days", "Scheduled process logs are kept 30 days"),
    SERVICE_PROTECTION("service-protection", "Dataverse service protection: 6,000 requests, 1,200 s of execution time, 52 concurrent requests per user per 300 s");

    private final String id;
    private final String documented;

    DocumentedLimit(String id, String documented) {
        this.id = id;
        this.documented = documented;
    }

    public String id() { return id; }

    public String documented() { return documented; }

    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(DocumentedLimit::id).toList();
    }
}
