package io.ppmlab.emulator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ppmlab.emulator.api.Caller;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code $filter}, {@code $apply}, {@code $orderby}, {@code $expand}, {@code $select}, {@code $top},
 * {@code $count}, skip tokens, navigation paths and parameter aliases, parsed and executed by the query engine
 * over the demo organisation as an administrator and as a project user.
 * An input is the URL after {@code /api/data/v9.2/} (still percent-encoded), optionally followed by a line break
 * and a {@code Prefer} header value; the seeds are in {@code QueryOptionsFuzzTestInputs/query}.
 */
class QueryOptionsFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void query(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String pathAndQuery = newline < 0 ? text : text.substring(0, newline);
        Map<String, String> headers = newline < 0 ? Map.of() : Map.of("Prefer", text.substring(newline + 1));
        for (Caller caller : FuzzLab.CALLERS) {
            HostileInput.mayOnlyRefuse(() -> FuzzLab.lab().engine.get(caller, pathAndQuery, headers));
        }
    }
}
