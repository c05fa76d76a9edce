package io.ppmlab.emulator.odata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds raw query strings the way HTTP clients send them (form encoding: spaces as '+'). */
final class Urls {
    private Urls() {}

    static final String ID = "00000000-0000-0000-0000-000000000001";
    static final String ID2 = "a1b2c3d4-0000-4000-8000-00000000beef";

    /** {@code query("$filter", "a eq 1", "@p1", "'x'")} gives {@code %24filter=a+eq+1&%40p1=%27x%27}. */
    static String query(String... namesAndValues) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (sb.length() > 0) sb.append('&');
            sb.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    static String filter(String expression) { return query("$filter", expression); }
}
