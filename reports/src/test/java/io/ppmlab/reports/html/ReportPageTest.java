package io.ppmlab.reports.html;

import io.ppmlab.reports.Fixtures;
import io.ppmlab.reports.results.ResultsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPageTest {
    private final ResultsReader reader = new ResultsReader();
    private final ReportPage page = new ReportPage();

    @Test
    void aLimitsRunHasEverySectionInOrder() {
        String html = page.single(reader.read(Fixtures.path("limits-run")), null);
        List<String> order = List.of("id=\"limits\"", "id=\"run\"", "id=\"requests\"", "id=\"over-time\"", "id=\"save45\"", "id=\"scale\"",
                "id=\"server\"", "id=\"storage\"", "id=\"jmh\"");
        int last = -1;
        for (String section : order) {
            int at = html.indexOf(section);
            assertThat(at).as(section).isGreaterThan(last);
            last = at;
        }
        assertThat(html).contains("pmo.projects.apply (N^0.800)", "not-emulated", "gatling/portfoliomanagersimulation-20261205/index.html",
                "QueryBenchmark.respond[projects=5000]", "812,345 B/op", "none (too few samples)");
    }

    @Test
    void isSelfContained() {
        String html = page.single(reader.read(Fixtures.path("limits-run")), null);
        // nothing is loaded from elsewhere: no script or stylesheet by URL, no remote image
        assertThat(html).doesNotContain("<script src", "<link rel=\"stylesheet\"", "src=\"http", "url(http", "@import");
        assertThat(html).contains("uPlot", "</html>");
        Matcher m = Pattern.compile("(src|href)=\"([^\"]+)\"").matcher(html);
        while (m.find()) assertThat(m.group(2)).as("reference %s", m.group(0)).matches("data:.*|#.*|gatling/.*");
    }

    @Test
    void aMinimalRunRendersWithoutOptionalSections() {
        String html = page.single(reader.read(Fixtures.path("minimal")), null);
        assertThat(html).contains("This run gives no verdict on documented limits", "none in this run: timings cannot be read as ratios")
                .doesNotContain("id=\"server\"", "id=\"jmh\"", "id=\"scale\"");
    }

    @Test
    void severalRunsMakeAComparisonWithDeltasAndIntervals(@TempDir Path tmp) throws Exception {
        Path out = new ReportWriter().comparison(List.of(Fixtures.path("smoke-1"), Fixtures.path("smoke-2"), Fixtures.path("smoke-regressed")),
                tmp.resolve("cmp/report.html"));
        String html = Files.readString(out);
        assertThat(html).contains("Comparison of 3 runs", "run 3 p50 ms", "change (95 % interval)", "combined 99.9 % error");
        assertThat(html).containsPattern("\\+\\d+\\.\\d %( \\[[-0-9.]+, [-0-9.]+\\] ms)");
    }
}
