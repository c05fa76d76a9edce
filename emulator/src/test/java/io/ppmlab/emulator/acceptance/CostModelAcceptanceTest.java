package io.ppmlab.emulator.acceptance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modelled time of a request over a real server: the same request on the same data costs the same,
 * across repetitions, with other load present and across a restart; what the request does moves it.
 */
class CostModelAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    private static final String PROJECTS = "sensei_projects?$select=sensei_name,_sensei_program_value&$orderby=sensei_name";

    private static double modelled(LabHttp.Reply r) {
        assertThat(r.status()).as(r.body()).isLessThan(300);
        return Double.parseDouble(r.header("x-ms-lab-modelled-ms"));
    }

    @Test
    void theSameRequestCostsTheSameRepeatedUnderOtherLoadAndAfterARestart() throws Exception {
        LabHttp http = lab.http();
        String blue = http.token("blue@contoso.test", "demo");
        double first = modelled(http.get(blue, PROJECTS));
        for (int i = 0; i < 5; i++) assertThat(modelled(http.get(blue, PROJECTS))).isEqualTo(first);

        // other load: another user writes risks and reads portfolios meanwhile
        String admin = lab.adminToken();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger otherRequests = new AtomicInteger();
        Thread other = new Thread(() -> {
            LabHttp h = lab.http();
            while (!stop.get()) {
                h.post(admin, "sensei_portfolios", "{\"sensei_name\":\"load " + otherRequests.incrementAndGet() + "\"}");
                h.get(admin, "sensei_portfolios?$select=sensei_name");
            }
        });
        other.start();
        try {
            for (int i = 0; i < 10; i++) assertThat(modelled(http.get(blue, "sensei_projects?$select=sensei_name,_sensei_program_value&$orderby=sensei_name")))
                    .isEqualTo(first);
        } finally {
            stop.set(true);
            other.join();
        }
        assertThat(otherRequests.get()).isPositive();

        lab.restart();
        LabHttp again = lab.http();
        assertThat(modelled(again.get(again.token("blue@contoso.test", "demo"), PROJECTS))).as("after a restart").isEqualTo(first);
    }

    @Test
    void whatTheRequestDoesMovesItsCost() {
        LabHttp http = lab.http();
        String admin = lab.adminToken();
        double one = modelled(http.get(admin, "sensei_projects?$select=sensei_name&$top=1&$orderby=sensei_name"));
        double three = modelled(http.get(admin, "sensei_projects?$select=sensei_name&$top=3&$orderby=sensei_name"));
        assertThat(three).as("more rows returned").isGreaterThan(one);
        double expanded = modelled(http.get(admin, "sensei_projects?$select=sensei_name&$top=3&$orderby=sensei_name&$expand=sensei_program($select=sensei_name)"));
        assertThat(expanded).as("an expand follows a navigation per row").isGreaterThan(three);
        LabHttp.Reply created = http.post(admin, "sensei_portfolios", "{\"sensei_name\":\"cost\"}");
        double create = modelled(created);
        String id = created.header("OData-EntityId").replaceAll(".*\\((.*)\\)", "$1");
        double retrieve = modelled(http.get(admin, "sensei_portfolios(" + id + ")?$select=sensei_name"));
        assertThat(create).as("a write costs more than a read").isGreaterThan(retrieve + 9);
    }
}
