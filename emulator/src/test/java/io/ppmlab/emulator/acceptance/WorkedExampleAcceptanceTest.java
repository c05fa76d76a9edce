package io.ppmlab.emulator.acceptance;

import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product documentation's IT/HR worked example, through HTTP: five Portfolio Managers, every
 * portfolio, program and project of the demo, and a risk under each project; each expected access
 * (none / read / read-write) is checked by a single GET, by a list and by a PATCH.
 */
class WorkedExampleAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    enum Access { NONE, READ, WRITE }

    /** Read/write records per user: exactly the documentation's lists. */
    static final Map<String, Set<String>> READ_WRITE = Map.of(
            "blue", Set.of(),
            "green", Set.of("IT Portfolio 2", "IT Program 3"),
            "purple", Set.of("IT Portfolio 2", "IT Program 1", "IT Program 2", "HR Portfolio 2"),
            "yellow", Set.of("HR Portfolio 2", "HR Program 2", "HR Project 2"),
            "red", Set.of("HR Portfolio 1", "HR Program 1", "HR Program 3", "HR Project 1", "IT Project 2"));
    static final Map<String, String> BU = Map.of("blue", "IT", "green", "IT", "purple", "IT", "yellow", "HR", "red", "HR");
    static final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void signIn() {
        READ_WRITE.keySet().forEach(user -> tokens.put(user, lab.http().token(user + "@contoso.test", "demo")));
    }

    /** Portfolio Manager: read of programs and projects of the own BU; read-write where owner or group member; portfolios only then. */
    static Access expected(String user, String table, String record) {
        String headline = table.equals("sensei_risk") ? record.substring(0, record.indexOf(" - ")) : record;
        if (READ_WRITE.get(user).contains(headline)) return Access.WRITE;
        boolean ownBu = headline.startsWith(BU.get(user) + " ");
        return ownBu && !table.equals("sensei_portfolio") ? Access.READ : Access.NONE;
    }

    static List<String[]> records() {
        List<String[]> all = new ArrayList<>();
        for (String bu : List.of("IT", "HR")) {
            for (int i = 1; i <= 2; i++) all.add(new String[]{"sensei_portfolio", "sensei_portfolios", bu + " Portfolio " + i});
            for (int i = 1; i <= 3; i++) all.add(new String[]{"sensei_program", "sensei_programs", bu + " Program " + i});
            for (int i = 1; i <= 3; i++) all.add(new String[]{"sensei_project", "sensei_projects", bu + " Project " + i});
            for (int i = 1; i <= 3; i++) all.add(new String[]{"sensei_risk", "sensei_risks", bu + " Project " + i + " - Risk 1"});
        }
        return all;
    }

    @TestFactory
    List<DynamicTest> everyUserSeesExactlyWhatTheDocumentationSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String user : List.of("blue", "green", "purple", "yellow", "red")) {
            for (String[] r : records()) {
                Access want = expected(user, r[0], r[2]);
                tests.add(DynamicTest.dynamicTest(user + " → " + r[2] + " : " + want, () -> check(user, r[0], r[1], r[2], want)));
            }
        }
        return tests;
    }

    private static void check(String user, String table, String set, String name, Access want) {
        UUID id = DemoOrganisation.recordId(table, name);
        String token = tokens.get(user);
        LabHttp.Reply get = lab.http().get(token, set + "(" + id + ")?$select=sensei_name");
        assertThat(get.status()).as("GET " + get.body()).isEqualTo(want == Access.NONE ? 403 : 200);
        if (want == Access.NONE) assertThat(get.errorCode()).isEqualTo("0x80048306");

        LabHttp.Reply list = lab.http().get(token, set + "?$select=sensei_name");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("value").findValuesAsText("sensei_name").contains(name)).as("listed").isEqualTo(want != Access.NONE);

        LabHttp.Reply patch = lab.http().patch(token, set + "(" + id + ")", "{\"sensei_name\":\"" + name + "\"}", "If-Match", "*");
        assertThat(patch.status()).as("PATCH " + patch.body()).isEqualTo(want == Access.WRITE ? 204 : 403);
    }
}
