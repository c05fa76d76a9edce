package io.ppmlab.emulator.acceptance;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.acceptance.WorkedExampleAcceptanceTest.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training page in headless Chromium against a real, resettable demo emulator: persona switching and the lists
 * each documented persona sees, a refused write, "why can I see this?", the documented example's matrix, a group
 * change's delay and effect, the heat map, and Reset. No screen may log a console error other than the deliberate
 * refusals' HTTP statuses. Screenshots go to target/training-screenshots (the README's come from there).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingPageBrowserTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator(c -> c, true);

    static final List<String> PERSONAS = List.of("blue", "green", "purple", "yellow", "red");
    static final Map<String, String> SETS = Map.of("sensei_portfolio", "sensei_portfolios", "sensei_program", "sensei_programs", "sensei_project", "sensei_projects");
    static HeadlessChromium browser;
    /** Console messages a test expects (the HTTP status of a deliberate refusal), as patterns. */
    final List<Pattern> expectedConsole = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start(Path.of("target", "training-screenshots"));
        browser.open(lab.http().root() + "/lab/ui/");
        browser.awaitScreen("personas");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void drainConsole() {
        browser.severeConsoleEntries();
    }

    @AfterEach
    void noConsoleErrors() {
        List<String> unexpected = browser.severeConsoleEntries().stream()
                .filter(m -> expectedConsole.stream().noneMatch(p -> p.matcher(m).find())).toList();
        assertThat(unexpected).as("console errors").isEmpty();
    }

    static void nav(String screen) {
        browser.find("nav button[data-screen='" + screen + "']").click();
        browser.awaitScreen(screen);
    }

    static void signInAs(String user) {
        nav("personas");
        browser.find("button[data-signin='" + user + "@contoso.test']").click();
        browser.awaitScreen("browse");
        browser.until("acting as " + user, () -> browser.find("#acting").getText().contains(user + "@contoso.test"));
    }

    @Test
    @Order(1)
    void thePersonaListShowsEveryUserWithBusinessUnitAndRolesReadLive() {
        nav("personas");
        List<WebElement> rows = browser.all("#people tbody tr");
        assertThat(rows).hasSize(DemoOrganisation.USERS.size());
        WebElement red = browser.find("#people tr[data-upn='red@contoso.test']");
        assertThat(red.getText()).contains("Red User", "HR", "Portfolio Manager");
        WebElement orgAccess = browser.find("#people tr[data-upn='resourceorgaccess@contoso.test']");
        assertThat(orgAccess.getText()).contains("Project User", "Resource Organizational Access");
        browser.screenshot("personas");
    }

    @Test
    @Order(2)
    void eachDocumentedPersonaSeesTheirOwnLists() {
        for (String user : PERSONAS) {
            signInAs(user);
            for (var set : SETS.entrySet()) {
                Set<String> shown = new TreeSet<>();
                browser.all("[data-list='" + set.getValue() + "'] li").forEach(li -> shown.add(li.getAttribute("data-name")));
                assertThat(shown).as(user + " " + set.getValue()).isEqualTo(visible(user, set.getKey()));
            }
            if (user.equals("blue") || user.equals("red")) browser.screenshot("browse-" + user);
        }
    }

    static Set<String> visible(String user, String table) {
        Set<String> out = new TreeSet<>();
        for (String[] r : WorkedExampleAcceptanceTest.records()) {
            if (r[0].equals(table) && WorkedExampleAcceptanceTest.expected(user, table, r[2]) != Access.NONE) out.add(r[2]);
        }
        return out;
    }

    @Test
    @Order(3)
    void aRefusedWriteShowsDataversesErrorInPlainWordsAndAnAllowedOneSaves() {
        expectedConsole.add(Pattern.compile("sensei_projects\\(.*403"));
        signInAs("blue");
        browser.find("button[data-open='IT Project 1']").click();
        browser.await("#edit-name");
        assertThat(browser.find("#registers").getText()).contains("IT Project 1 - Risk 1", "IT Project 1 - Issue 1");
        WebElement name = browser.find("#edit-name");
        name.clear();
        name.sendKeys("Renamed by Blue");
        browser.find("#save").click();
        WebElement error = browser.await("#save-result .error");
        assertThat(error.getText()).contains("access check", "0x80048306", "HTTP 403");
        browser.screenshot("refused-write");
        UUID project = DemoOrganisation.recordId("sensei_project", "IT Project 1");
        assertThat(lab.http().get(lab.adminToken(), "sensei_projects(" + project + ")?$select=sensei_name").json().get("sensei_name").asText())
                .isEqualTo("IT Project 1");

        signInAs("green");
        browser.find("button[data-open='IT Program 3']").click();
        WebElement description = browser.await("#edit-description");
        description.clear();
        description.sendKeys("Green owns this through the IT Program 3 group");
        browser.find("#save").click();
        assertThat(browser.await("#save-result .note").getText()).contains("Saved as Green User");
        UUID program = DemoOrganisation.recordId("sensei_program", "IT Program 3");
        assertThat(lab.http().get(lab.adminToken(), "sensei_programs(" + program + ")?$select=sensei_description").json().get("sensei_description").asText())
                .isEqualTo("Green owns this through the IT Program 3 group");
    }

    @Test
    @Order(4)
    void whyCanISeeThisNamesTheRoleDepthOrTeam() {
        signInAs("blue");
        browser.find("button[data-why='IT Project 1']").click();
        WebElement read = browser.await("dialog[open] [data-headline='Read']");
        assertThat(read.getText()).contains("Read: allowed", "Sensei IQ - Portfolio Manager", "Local depth", "business unit IT covers");
        WebElement write = browser.find("dialog[open] [data-headline='Write']");
        assertThat(write.getText()).contains("Write: refused", "Denied by the access check", "0x80048306");
        assertThat(browser.find("dialog[open] [data-right='Delete']").getAttribute("data-allowed")).isEqualTo("false");
        browser.screenshot("explain-blue");
        browser.find("dialog[open]").sendKeys(Keys.ESCAPE);
        browser.until("dialog closed", () -> browser.all("dialog[open]").isEmpty());

        signInAs("green");
        browser.find("button[data-why='IT Portfolio 2']").click();
        WebElement greenWrite = browser.await("dialog[open] [data-headline='Write']");
        assertThat(greenWrite.getText()).contains("Write: allowed", "team IT Portfolio 2", "owns the row");
        browser.find("dialog[open] button.primary").click();
    }

    @Test
    @Order(5)
    void theMatrixMatchesTheDocumentedExample() {
        nav("example");
        assertThat(browser.find("#example-summary").getAttribute("data-differences")).isEqualTo("0");
        int cells = 0;
        for (String user : PERSONAS) {
            for (String[] r : WorkedExampleAcceptanceTest.records()) {
                if (!SETS.containsKey(r[0])) continue;
                Access want = WorkedExampleAcceptanceTest.expected(user, r[0], r[2]);
                WebElement cell = browser.find("tr[data-record='" + r[2] + "'] td[data-user='" + user + "']");
                assertThat(cell.getAttribute("data-access")).as(user + " on " + r[2]).isEqualTo(code(want));
                assertThat(cell.getAttribute("data-documented")).as("documented " + user + " on " + r[2]).isEqualTo(code(want));
                cells++;
            }
        }
        assertThat(cells).isEqualTo(80);
        browser.screenshot("documented-example");
    }

    static String code(Access a) {
        return switch (a) {
            case NONE -> "none";
            case READ -> "R";
            case WRITE -> "RW";
        };
    }

    @Test
    @Order(6)
    void aGroupChangeShowsTheDelayThenTheEffect() {
        nav("groups");
        new Select(browser.find("#group-team")).selectByVisibleText("IT Program 3");
        browser.awaitScreen("groups");
        new Select(browser.find("#group-person")).selectByValue("blue@contoso.test");
        browser.awaitScreen("groups");
        assertThat(effect("IT Program 3")).isEqualTo("R");

        browser.find("#group-add").click();
        browser.until("pending shown", () -> browser.find("#group-pending").getText().contains("Not in effect yet"));
        browser.awaitScreen("groups");
        assertThat(browser.find("#group-members").getText()).contains("blue@contoso.test");
        assertThat(browser.find("#team-members").getText()).doesNotContain("blue@contoso.test");
        assertThat(effect("IT Program 3")).as("nothing changes before Blue signs in again").isEqualTo("R");
        browser.screenshot("group-pending");
        nav("example");
        assertThat(browser.find("tr[data-record='IT Program 3'] td[data-user='blue']").getAttribute("data-access")).isEqualTo("R");
        assertThat(browser.find("#example-summary").getAttribute("data-differences")).isEqualTo("0");

        nav("groups");
        browser.find("#group-signin").click();
        browser.until("team follows the group", () -> browser.find("#team-members").getText().contains("blue@contoso.test"));
        browser.awaitScreen("groups");
        assertThat(browser.find("#group-pending").getText()).contains("every change is in effect");
        assertThat(effect("IT Program 3")).isEqualTo("RW");
        browser.screenshot("group-effect");
        nav("example");
        WebElement cell = browser.find("tr[data-record='IT Program 3'] td[data-user='blue']");
        assertThat(cell.getAttribute("data-access")).isEqualTo("RW");
        assertThat(cell.getAttribute("class")).contains("diff");
        assertThat(browser.find("#example-summary").getAttribute("data-differences")).isEqualTo("1");
        browser.screenshot("documented-example-after-group-change");
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String effect(String record) {
        return browser.find("#group-effect li[data-record='" + record + "']").getAttribute("data-access");
    }

    @Test
    @Order(7)
    void theResourceManagersHeatMapShowsCapacityAndNewDemand() {
        nav("resources");
        browser.await("#heatmap svg");
        List<WebElement> cells = browser.all("#heatmap g[data-cell]");
        assertThat(cells).hasSize(7 * 6);
        String firstMonth = browser.find("#heat-start").getAttribute("value");
        WebElement blue = browser.find("#heatmap g[data-cell='Blue User|" + firstMonth + "']");
        assertThat(Double.parseDouble(blue.getAttribute("data-capacity"))).as("capacity from the calendar").isGreaterThan(0);
        assertThat(blue.getAttribute("data-demand")).isEqualTo("0");

        new Select(browser.find("#demand-project")).selectByVisibleText("IT Project 1");
        new Select(browser.find("#demand-resource")).selectByVisibleText("Blue User");
        WebElement hours = browser.find("#demand-hours");
        hours.clear();
        hours.sendKeys("120");
        browser.find("#demand-save").click();
        browser.until("demand drawn", () -> "120".equals(
                browser.find("#heatmap g[data-cell='Blue User|" + firstMonth + "']").getAttribute("data-demand")));
        browser.screenshot("heat-map");

        String before = browser.find("#clock-now").getText();
        browser.find("#clock-day").click();
        browser.until("clock advanced", () -> !browser.find("#clock-now").getText().equals(before));
        assertThat(lab.emulator().clock().offset()).isGreaterThanOrEqualTo(java.time.Duration.ofDays(1));
    }

    @Test
    @Order(8)
    void theKeyboardReachesTheScreens() {
        nav("personas");
        browser.blur();
        // Tab until the Browse tab has the focus, then Enter: no mouse needed.
        for (int i = 0; i < 10 && !"browse".equals(browser.focusedAttribute("data-screen")); i++) browser.press(Keys.TAB);
        assertThat(browser.focusedAttribute("data-screen")).isEqualTo("browse");
        browser.press(Keys.ENTER);
        browser.awaitScreen("browse");
    }

    @Test
    @Order(9)
    void resetPutsTheDemoBack() {
        UUID project = DemoOrganisation.recordId("sensei_project", "HR Project 1");
        String red = lab.http().token("red@contoso.test", "demo");
        assertThat(lab.http().patch(red, "sensei_projects(" + project + ")", "{\"sensei_name\":\"Changed in class\"}", "If-Match", "*").status()).isEqualTo(204);

        nav("reset");
        browser.find("#reset").click();
        browser.await("#reset-confirm").click();
        WebElement done = browser.await("#reset-result .note");
        assertThat(done.getText()).contains("The demo is back");
        System.out.println("[training] " + done.getText() + " (load average " + loadAverage() + ")");
        browser.screenshot("reset");

        String admin = lab.adminToken();
        assertThat(lab.http().get(admin, "sensei_projects(" + project + ")?$select=sensei_name").json().get("sensei_name").asText()).isEqualTo("HR Project 1");
        UUID program = DemoOrganisation.recordId("sensei_program", "IT Program 3");
        assertThat(lab.http().get(admin, "sensei_programs(" + program + ")?$select=sensei_description").json().path("sensei_description").asText(""))
                .doesNotContain("Green owns this");
        assertThat(lab.http().get(admin, "sensei_resourcedemands?$select=sensei_hours&$filter=sensei_hours%20eq%20120").json().get("value")).isEmpty();
        assertThat(lab.http().get(admin, lab.http().root() + "/lab/groups/" + DemoOrganisation.teamId("IT Program 3")).body())
                .contains("\"group\":[\"green@contoso.test\"]", "\"team\":[\"green@contoso.test\"]");

        nav("example");
        assertThat(browser.find("#example-summary").getAttribute("data-differences")).isEqualTo("0");
        assertThat(browser.find("tr[data-record='IT Program 3'] td[data-user='blue']").getAttribute("data-access")).isEqualTo("R");
    }

    @Test
    @Order(10)
    void aStatusUpdateShowsItsPanelsAndKpis() {
        signInAs("red");
        browser.find("button[data-open='HR Project 1']").click();
        browser.await("#status-create").click();
        WebElement overall = browser.await("#status-overall");
        assertThat(overall.getText()).contains("Overall:", "calculated as Red User");
        assertThat(browser.all("#status-panels tr[data-panel]")).isNotEmpty();
        assertThat(browser.find("#status-panels tr[data-panel='sensei_budget']").getText()).isNotBlank();
        browser.screenshot("status-update");
    }
}
