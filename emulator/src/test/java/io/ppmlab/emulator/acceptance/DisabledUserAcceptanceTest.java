package io.ppmlab.emulator.acceptance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline keeps what it read of a user between requests; disabling the user still refuses the very next request. */
class DisabledUserAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    @Test
    void aUserDisabledBetweenTwoRequestsIsRefusedOnTheSecond() {
        LabHttp http = lab.http();
        String yellow = http.token("yellow@contoso.test", "demo");
        assertThat(http.get(yellow, "sensei_projects?$select=sensei_name").status()).isEqualTo(200);
        String id = http.get(lab.adminToken(), "systemusers?$select=systemuserid&$filter=domainname%20eq%20'yellow@contoso.test'")
                .json().path("value").get(0).path("systemuserid").asText();
        LabHttp.Reply disable = http.patch(lab.adminToken(), "systemusers(" + id + ")", "{\"isdisabled\":true}");
        assertThat(disable.status()).as(disable.body()).isEqualTo(204);
        LabHttp.Reply refused = http.get(yellow, "sensei_projects?$select=sensei_name");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("user disabled");
    }
}
