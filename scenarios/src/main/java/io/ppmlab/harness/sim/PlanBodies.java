package io.ppmlab.harness.sim;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the resource manager's journey: heat-map FetchXML and resource-plan saves. */
public final class PlanBodies {
    private PlanBodies() {}

    /** Hours per resource per month for a set of resources between two dates (the product's heat map). */
    public static String heatMap(String table, String hours, List<String> resources, String from, String to) {
        return "<fetch aggregate=\"true\"><entity name=\"" + table + "\">"
                + "<attribute name=\"sensei_bookableresource\" groupby=\"true\" alias=\"resource\"/>"
                + "<attribute name=\"sensei_date\" groupby=\"true\" dategrouping=\"year\" alias=\"year\"/>"
                + "<attribute name=\"sensei_date\" groupby=\"true\" dategrouping=\"month\" alias=\"period\"/>"
                + "<attribute name=\"" + hours + "\" aggregate=\"sum\" alias=\"hours\"/>"
                + "<filter type=\"and\"><condition attribute=\"sensei_bookableresource\" operator=\"in\">" + Api.values(resources) + "</condition>"
                + "<condition attribute=\"sensei_date\" operator=\"on-or-after\" value=\"" + from + "\"/>"
                + "<condition attribute=\"sensei_date\" operator=\"on-or-before\" value=\"" + to + "\"/>"
                + "</filter><order alias=\"resource\"/><order alias=\"year\"/><order alias=\"period\"/></entity></fetch>";
    }

    /**
     * A daily plan of {@code resources} x the first {@code months} months of {@code year}, {@code hours} a day: for 90
     * resources and 6 months, 16,290 rows and exactly 45 resource-years, for {@code project}.
     */
    public static String daily(String project, List<String> resources, int year, int months, int hours) {
        StringBuilder b = new StringBuilder(1 << 21).append("{\"Target\":{\"@odata.id\":\"sensei_projects(").append(project).append(")\"},\"Demand\":[");
        LocalDate end = LocalDate.of(year, 1, 1).plusMonths(months);
        boolean first = true;
        for (String r : resources) {
            for (LocalDate d = LocalDate.of(year, 1, 1); d.isBefore(end); d = d.plusDays(1)) {
                if (!first) b.append(',');
                first = false;
                b.append("{\"ResourceId\":\"").append(r).append("\",\"Date\":\"").append(d).append("\",\"Hours\":").append(hours).append('}');
            }
        }
        return b.append("]}").toString();
    }

    /**
     * 90 resources for January to June (45 resource-years) plus a 91st for January and 6 days of February
     * (1/12 + 6/28/12 = 0.101): 45.1 resource-years, one over the documented limit, as month-long period rows.
     */
    public static String fortyFivePointOne(String project, List<String> resources, int year) {
        if (resources.size() != 91) throw new IllegalArgumentException("the 45.1 resource-year save takes 91 resources");
        StringBuilder b = new StringBuilder("{\"Target\":{\"@odata.id\":\"sensei_projects(" + project + ")\"},\"Demand\":[");
        for (int i = 0; i < 90; i++) {
            for (int m = 1; m <= 6; m++) {
                LocalDate start = LocalDate.of(year, m, 1);
                period(b, resources.get(i), start, start.plusMonths(1).minusDays(1), 160);
            }
        }
        period(b, resources.get(90), LocalDate.of(year, 1, 1), LocalDate.of(year, 2, 6), 200);
        b.setLength(b.length() - 1);
        return b.append("]}").toString();
    }

    private static void period(StringBuilder b, String resource, LocalDate from, LocalDate to, int hours) {
        b.append("{\"ResourceId\":\"").append(resource).append("\",\"Date\":\"").append(from).append("\",\"EndDate\":\"").append(to)
                .append("\",\"Hours\":").append(hours).append("},");
    }
}
