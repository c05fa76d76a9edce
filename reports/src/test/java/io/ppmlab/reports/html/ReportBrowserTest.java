package io.ppmlab.reports.html;

import io.ppmlab.reports.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens written reports in Debian's headless Chromium (driven by Selenium through Debian's chromedriver; Selenium
 * Manager never downloads anything): no console error, and every chart drew something. Screenshots go to
 * target/report-screenshots/ (-Dreport.screenshot.dir=... copies the limits one elsewhere, e.g. for the README).
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static ChromeDriver driver;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
    }

    @Test
    void limitsReportRendersEveryChartWithoutConsoleErrors() throws Exception {
        Path folder = copy("limits-run");
        Path report = new ReportWriter().single(folder);
        int charts = open(report);
        // three uPlot charts over time, one log-log scale chart, SVG: save distribution, server ops, storage, JMH per unit (3)
        assertThat(charts).isGreaterThanOrEqualTo(10);
        Path shot = screenshot("limits-report.png", 9000);
        String dir = System.getProperty("report.screenshot.dir");
        if (dir != null) Files.copy(shot, Path.of(dir).resolve("report-limits.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A real run's folder ({@code -Dreport.results=<folder>}), e.g. the limits run whose screenshot the README shows;
     * {@code -Dreport.screenshot.maxHeight=<px>} (default 3200) takes more of the page, e.g. all of it with every chart.
     */
    @Test
    void aRealRunsReportRendersToo() throws Exception {
        String folder = System.getProperty("report.results");
        assumeTrue(folder != null, "no -Dreport.results=<results folder> given");
        Path report = new ReportWriter().single(Path.of(folder));
        assertThat(open(report)).isGreaterThanOrEqualTo(4);
        Path shot = screenshot("real-run-report.png", Integer.getInteger("report.screenshot.maxHeight", 3200));
        String dir = System.getProperty("report.screenshot.dir");
        if (dir != null) Files.copy(shot, Path.of(dir).resolve("report-real-run.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void comparisonReportRendersToo() throws Exception {
        Path out = new ReportWriter().comparison(List.of(Fixtures.path("smoke-1"), Fixtures.path("smoke-regressed")), tmp.resolve("cmp/report.html"));
        assertThat(open(out)).isGreaterThanOrEqualTo(1);
        screenshot("comparison-report.png", 9000);
    }

    /** Opens the report, checks the console and every chart, and returns how many charts it has. */
    private int open(Path report) {
        driver.get(report.toUri().toString());
        List<WebElement> charts = driver.findElements(By.cssSelector(".chart"));
        assertThat(charts).isNotEmpty();
        JavascriptExecutor js = driver;
        for (WebElement chart : charts) {
            String name = chart.getAttribute("data-chart");
            Object drawn = js.executeScript("""
                    const el = arguments[0];
                    if (el.tagName.toLowerCase() === 'svg') {
                      return Array.from(el.querySelectorAll('rect')).filter(r => parseFloat(r.getAttribute('width')) > 0).length;
                    }
                    const canvas = el.querySelector('canvas');
                    if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
                    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    let painted = 0;
                    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
                    return painted;
                    """, chart);
            assertThat(((Number) drawn).longValue()).as("chart '%s' drew nothing", name).isPositive();
        }
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).as("console errors and warnings").isEmpty();
        return charts.size();
    }

    /** A screenshot of the page's top, at most {@code maxHeight} pixels tall. */
    private static Path screenshot(String name, int maxHeight) throws Exception {
        long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.body.scrollHeight");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 40, maxHeight)));
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path dir = Files.createDirectories(Path.of("target/report-screenshots"));
        return Files.copy(png.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path copy(String fixture) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(fixture));
        Files.copy(Fixtures.path(fixture).resolve("results.json"), folder.resolve("results.json"), StandardCopyOption.REPLACE_EXISTING);
        return folder;
    }
}
