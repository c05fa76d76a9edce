package io.ppmlab.emulator.query;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.model.QueryOptions;
import io.ppmlab.emulator.query.index.IndexSource;
import io.ppmlab.emulator.query.index.TableIndex;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.ppmlab.emulator.query.QueryFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code serve --index-dates}, date-only columns are indexed by day: a closed day range is an index start, and the planner intersects it with a
 * lookup's (a heat map's resources and months) instead of reading every row of the resources. The answers are those
 * of a scan in every case; only what is read changes.
 */
class DayRangeIndexTest {
    private static final QueryFixture LAB = new QueryFixture(true, TableIndex.WITH_DAYS);
    private static final List<UUID> RESOURCES = new ArrayList<>();
    /** A resource with 20 days of capacity (January 1 to 20). */
    private static final UUID SHORT = new UUID(77, 99);
    private static QueryEngine indexed;
    private static QueryEngine scanning;
    private static final Caller ADMIN = caller("green");

    @BeforeAll
    static void capacity() {
        for (int r = 0; r < 6; r++) {
            UUID resource = new UUID(77, r);
            RESOURCES.add(resource);
            for (LocalDate d = LocalDate.of(2031, 1, 1); d.isBefore(LocalDate.of(2032, 1, 1)); d = d.plusDays(1)) {
                LAB.store.put(new Row("sensei_resourcecapacity", UUID.randomUUID(), Map.of(
                        "sensei_bookableresource", new EntityRef("bookableresource", resource), "sensei_date", d,
                        "sensei_capacity", BigDecimal.valueOf(8))));
            }
        }
        for (LocalDate d = LocalDate.of(2031, 1, 1); d.isBefore(LocalDate.of(2031, 1, 21)); d = d.plusDays(1)) {
            LAB.store.put(new Row("sensei_resourcecapacity", UUID.randomUUID(), Map.of(
                    "sensei_bookableresource", new EntityRef("bookableresource", SHORT), "sensei_date", d, "sensei_capacity", BigDecimal.valueOf(8))));
        }
        indexed = LAB.engine(organization());
        scanning = LAB.engine(organization(), LAB.store, IndexSource.NONE);
    }

    private static String explain(String query) {
        int q = query.indexOf('?');
        QueryOptions o = LAB.parser.parse(query.substring(0, q), query.substring(q + 1).replace(" ", "%20")).options();
        return indexed.explain(ADMIN, table("sensei_resourcecapacity"), o);
    }

    private static void sameAsAScan(String query) {
        assertThat(text(indexed.get(ADMIN, query, Map.of()))).as(query).isEqualTo(text(scanning.get(ADMIN, query, Map.of())));
    }

    @Test
    void aLookupAndAClosedDayRangeAreIntersected() {
        String q = "sensei_resourcecapacities?$select=sensei_date&$filter=_sensei_bookableresource_value eq " + RESOURCES.get(0)
                + " and sensei_date ge 2031-03-01 and sensei_date le 2031-03-31";
        // March has 6 x 31 rows, the resource 365: the smaller start, narrowed by the other; 31 rows are read
        assertThat(explain(q)).isEqualTo("index:sensei_date(186) & index:sensei_bookableresource(365)");
        sameAsAScan(q + "&$orderby=sensei_date");
        assertThat(values(indexed.get(ADMIN, q, Map.of()), "sensei_date")).hasSize(31);
    }

    @Test
    void theHeatMapsFetchXmlAggregateAnswersAsAScan() {
        StringBuilder in = new StringBuilder();
        for (UUID r : RESOURCES.subList(0, 3)) in.append("<value>").append(r).append("</value>");
        String fetch = "<fetch aggregate=\"true\"><entity name=\"sensei_resourcecapacity\">"
                + "<attribute name=\"sensei_bookableresource\" groupby=\"true\" alias=\"resource\"/>"
                + "<attribute name=\"sensei_date\" groupby=\"true\" dategrouping=\"month\" alias=\"period\"/>"
                + "<attribute name=\"sensei_capacity\" aggregate=\"sum\" alias=\"hours\"/>"
                + "<filter type=\"and\"><condition attribute=\"sensei_bookableresource\" operator=\"in\">" + in + "</condition>"
                + "<condition attribute=\"sensei_date\" operator=\"on-or-after\" value=\"2031-02-10\"/>"
                + "<condition attribute=\"sensei_date\" operator=\"on-or-before\" value=\"2031-04-20\"/>"
                + "</filter><order alias=\"resource\"/><order alias=\"period\"/></entity></fetch>";
        String q = "sensei_resourcecapacities?fetchXml=" + URLEncoder.encode(fetch, StandardCharsets.UTF_8);
        sameAsAScan(q);
        // 3 resources x 3 months (February from the 10th: 19 days, March 31, April to the 20th: 20) of 8 hours
        assertThat(values(indexed.get(ADMIN, q, Map.of()), "hours")).hasSize(9).contains("152", "248", "160");
    }

    @Test
    void openOrVeryWideRangesGiveNoDayHintAndAnEmptyOneReadsNothing() {
        String resource = "_sensei_bookableresource_value eq " + RESOURCES.get(1);
        assertThat(explain("sensei_resourcecapacities?$filter=" + resource + " and sensei_date ge 2031-03-01"))
                .isEqualTo("index:sensei_bookableresource(365)");
        assertThat(explain("sensei_resourcecapacities?$filter=" + resource + " and sensei_date ge 1900-01-01 and sensei_date le 2031-12-31"))
                .isEqualTo("index:sensei_bookableresource(365)");
        assertThat(explain("sensei_resourcecapacities?$filter=sensei_date ge 2031-03-10 and sensei_date le 2031-03-01")).isEqualTo("index:sensei_date(0)");
        sameAsAScan("sensei_resourcecapacities?$select=sensei_date&$filter=" + resource + " and sensei_date gt 2031-06-29 and sensei_date lt 2031-07-02");
        sameAsAScan("sensei_resourcecapacities?$select=sensei_date&$filter=sensei_date le 2031-01-02 and 2031-01-01 le sensei_date&$orderby=sensei_date");
        sameAsAScan("sensei_resourcecapacities?$select=sensei_date&$filter=Microsoft.Dynamics.CRM.Between(PropertyName='sensei_date',"
                + "PropertyValues=['2031-05-30','2031-06-02'])&$orderby=sensei_date");
    }

    @Test
    void withoutDayIndexesTheRangeGivesNoStart() {
        QueryFixture plain = new QueryFixture();
        String q = "sensei_resourcecapacities?$filter=sensei_date ge 2031-03-01 and sensei_date le 2031-03-31";
        int at = q.indexOf('?');
        QueryOptions o = plain.parser.parse(q.substring(0, at), q.substring(at + 1).replace(" ", "%20")).options();
        assertThat(plain.engine(organization()).explain(ADMIN, table("sensei_resourcecapacity"), o)).startsWith("all(");
    }

    @Test
    void aDayRangeFarLargerThanTheLookupIsNotIntersectedAndAComparableOneIs() {
        // 20 rows of one resource against the year's 2,210 rows: more than 8 x 20 ids to walk, so the lookup alone
        assertThat(explain("sensei_resourcecapacities?$filter=_sensei_bookableresource_value eq " + SHORT
                + " and sensei_date ge 2031-01-01 and sensei_date le 2031-12-31")).isEqualTo("index:sensei_bookableresource(20)");
        // one resource's 365 rows against the year's 2,210: within 8 x, intersected
        assertThat(explain("sensei_resourcecapacities?$filter=_sensei_bookableresource_value eq " + RESOURCES.get(2)
                + " and sensei_date ge 2031-01-01 and sensei_date le 2031-12-31")).isEqualTo("index:sensei_bookableresource(365) & index:sensei_date(2210)");
    }
}
