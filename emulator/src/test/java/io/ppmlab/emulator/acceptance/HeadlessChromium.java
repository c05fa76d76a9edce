package io.ppmlab.emulator.acceptance;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium and chromedriver driven by Selenium, headless, with a fresh profile and nothing downloaded:
 * the driver and browser are given by path, so Selenium Manager never runs. Skips (assumption) when either is absent.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;
    private final Path screenshots;

    private HeadlessChromium(WebDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    static HeadlessChromium start(Path screenshots) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver; .ci/run installs them)");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        Path profile = Files.createTempDirectory(tmp, "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--force-device-scale-factor=1", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().withSilent(true).build();
        Files.createDirectories(screenshots);
        ChromeDriver driver = new ChromeDriver(service, options);
        // the page is made for a 1280x800 projector: make that the viewport, not the window with its frame
        Object frame = driver.executeScript("return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];");
        List<?> extra = (List<?>) frame;
        driver.manage().window().setSize(new Dimension(1280 + ((Number) extra.get(0)).intValue(), 800 + ((Number) extra.get(1)).intValue()));
        return new HeadlessChromium(driver, profile, screenshots);
    }

    WebDriver driver() { return driver; }

    void open(String url) { driver.get(url); }

    WebElement find(String css) { return driver.findElement(By.cssSelector(css)); }

    List<WebElement> all(String css) { return driver.findElements(By.cssSelector(css)); }

    /** Waits for an element matching css to be visible. */
    WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the screen id has finished loading. */
    void awaitScreen(String id) {
        await("main[data-screen='" + id + "'][aria-busy='false']");
    }

    /** Waits for a condition; elements replaced by a re-render meanwhile (stale) or not there yet count as "not yet". */
    void until(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** Presses a key on whatever has the focus, as a person at the keyboard would. */
    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Drops the focus back to the start of the document. */
    void blur() {
        ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur();");
    }

    String focusedAttribute(String name) {
        return driver.switchTo().activeElement().getAttribute(name);
    }

    /** Saves the viewport as screenshots/name.png. */
    Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Console entries at SEVERE since the last call (errors thrown by scripts, console.error, failed requests). */
    List<String> severeConsoleEntries() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) out.add(e.getMessage());
        }
        return out;
    }

    @Override
    public void close() {
        driver.quit();
        RunningEmulator.deleteQuietly(profile);
    }

}
