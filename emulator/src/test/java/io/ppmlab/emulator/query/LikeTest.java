package io.ppmlab.emulator.query;

import io.ppmlab.emulator.api.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.ppmlab.emulator.query.QueryFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** FetchXML like: Dataverse's SQL wildcards, case-insensitive, against the demo's project names. */
class LikeTest {
    private static final QueryEngine ENGINE = new QueryFixture().engine(organization());
    private static final Caller ADMIN = caller("admin");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "IT Project 1|1", "it project _|3", "%Project 2|2", "%project%|6", "[IH][TR] Project 3|2",
            "[^I]% Project 1|1", "IT Project [1-2]|2", "HR%|3", "%.%|0", "IT Project 1%|1", "(IT)%|0",
            // sets never make an invalid pattern (found by QueryOptionsFuzzTest): a reversed range matches nothing,
            // an empty set matches nothing, [^] any one character, regex syntax inside a set is literal
            "IT Project [2-1]|0", "IT Project []|0", "IT Project [^]|3", "IT Project[ \\&amp;&amp;[]1|1", "IT Project [$-)1]|1"})
    void wildcards(String pattern, int matches) {
        String fetch = "<fetch><entity name='sensei_project'><attribute name='sensei_name'/><filter>"
                + "<condition attribute='sensei_name' operator='like' value='" + pattern + "'/></filter></entity></fetch>";
        var r = ENGINE.get(ADMIN, "sensei_projects?fetchXml=" + URLEncoder.encode(fetch, StandardCharsets.UTF_8), Map.of());
        assertThat(json(r).path("value").size()).isEqualTo(matches);
    }
}
