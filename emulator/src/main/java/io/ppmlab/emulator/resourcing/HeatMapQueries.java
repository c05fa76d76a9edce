package io.ppmlab.emulator.resourcing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/**
 * The two queries a capacity heat map needs, as FetchXML aggregates the query engine runs (security-filtered like
 * any read: a Business Unit reader gets the groups of its unit's resources only): capacity hours and demand hours
 * per resource per week or month, for a set of resources and a range of days. Each answers with one row per
 * (resource, year, week|month): {@code resource} (the bookableresourceid), {@code year}, {@code period},
 * {@code hours}.
 *
 * <p>Weeks are ISO weeks grouped with the calendar year, as Dataverse's {@code dategrouping} does: a range holding
 * both the first days of January and the last days of December of one year (ISO week 1 of the next) mixes them,
 * so ask for weeks over ranges inside one ISO year, or for months. Demand rows are grouped by their first day
 * ({@code sensei_date}); a period row (with {@code sensei_enddate}) counts whole in the period it starts in.
 */
public final class HeatMapQueries {
    /** The heat map's column width. */
    public enum Period { WEEK, MONTH }

    private HeatMapQueries() {}

    /** Capacity hours per resource per period: {@code GET sensei_resourcecapacities?fetchXml=...}. */
    public static String capacity(Collection<UUID> resources, LocalDate from, LocalDate to, Period period) {
        return fetch(CapacityService.TABLE, "sensei_capacity", resources, from, to, period, null, null);
    }

    /** Demand hours per resource per period, all projects and proposals: {@code GET sensei_resourcedemands?fetchXml=...}. */
    public static String demand(Collection<UUID> resources, LocalDate from, LocalDate to, Period period) {
        return fetch(ResourcePlanSave.TABLE, "sensei_hours", resources, from, to, period, null, null);
    }

    /**
     * One plan's demand per resource per period (the plan grid): {@code lookup} is {@code sensei_project} or
     * {@code sensei_proposal}, {@code target} its id.
     */
    public static String plan(String lookup, UUID target, Collection<UUID> resources, LocalDate from, LocalDate to, Period period) {
        if (!PlanRequest.TARGETS.contains(lookup)) throw new IllegalArgumentException("a plan belongs to sensei_project or sensei_proposal, not " + lookup);
        return fetch(ResourcePlanSave.TABLE, "sensei_hours", resources, from, to, period, lookup, target);
    }

    /** The Web API path and query of a FetchXML query on an entity set, e.g. {@code sensei_resourcecapacities?fetchXml=%3Cfetch...}. */
    public static String path(String entitySet, String fetchXml) {
        return entitySet + "?fetchXml=" + URLEncoder.encode(fetchXml, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String fetch(String table, String hours, Collection<UUID> resources, LocalDate from, LocalDate to, Period period,
                                String lookup, UUID target) {
        if (resources.isEmpty()) throw new IllegalArgumentException("a heat map needs at least one resource");
        StringBuilder x = new StringBuilder("<fetch aggregate=\"true\"><entity name=\"").append(table).append("\">")
                .append("<attribute name=\"sensei_bookableresource\" groupby=\"true\" alias=\"resource\"/>")
                .append("<attribute name=\"sensei_date\" groupby=\"true\" dategrouping=\"year\" alias=\"year\"/>")
                .append("<attribute name=\"sensei_date\" groupby=\"true\" dategrouping=\"")
                .append(period == Period.WEEK ? "week" : "month").append("\" alias=\"period\"/>")
                .append("<attribute name=\"").append(hours).append("\" aggregate=\"sum\" alias=\"hours\"/>")
                .append("<filter type=\"and\"><condition attribute=\"sensei_bookableresource\" operator=\"in\">");
        for (UUID r : resources) x.append("<value>").append(r).append("</value>");
        x.append("</condition>");
        if (lookup != null) x.append("<condition attribute=\"").append(lookup).append("\" operator=\"eq\" value=\"").append(target).append("\"/>");
        x.append("<condition attribute=\"sensei_date\" operator=\"on-or-after\" value=\"").append(from).append("\"/>")
                .append("<condition attribute=\"sensei_date\" operator=\"on-or-before\" value=\"").append(to).append("\"/>")
                .append("</filter><order alias=\"resource\"/><order alias=\"year\"/><order alias=\"period\"/></entity></fetch>");
        return x.toString();
    }
}
