package io.ppmlab.emulator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.schema.Table;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FetchXML ({@code ?fetchXml=}) parsed and executed over the demo organisation as an administrator and as a
 * project user, with the paging-cookie annotations asked for. An input is the FetchXML document; it is sent to
 * the entity set of its {@code <entity name>} when that is a table (so the query runs, not only its check of
 * the name), else to {@code sensei_projects}. Seeds: {@code FetchXmlFuzzTestInputs/fetchXml}.
 */
class FetchXmlFuzzTest {
    private static final Pattern ENTITY = Pattern.compile("<entity\\s+name\\s*=\\s*['\"]([a-z_]{1,64})['\"]");
    private static final Map<String, String> PAGING = Map.of("Prefer",
            "odata.include-annotations=\"Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords\"");

    @FuzzTest(maxDuration = "15s")
    void fetchXml(byte[] input) {
        String xml = new String(input, StandardCharsets.UTF_8);
        Matcher m = ENTITY.matcher(xml);
        String set = m.find() ? FuzzLab.SCHEMA.table(m.group(1)).map(Table::entitySetName).orElse("sensei_projects") : "sensei_projects";
        String url = set + "?fetchXml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8);
        for (Caller caller : FuzzLab.CALLERS) {
            HostileInput.mayOnlyRefuse(() -> FuzzLab.lab().engine.get(caller, url, PAGING));
        }
    }
}
