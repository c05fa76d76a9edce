package io.ppmlab.emulator.batch;

import io.ppmlab.emulator.errors.ErrorCode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a part's request line points: the API version, the path below {@code /api/data/<version>/} and the raw
 * query. Takes the forms Dataverse takes: an absolute URL, {@code /api/data/v9.2/...}, a path relative to the
 * service root, and a Content-ID reference ({@code $1}, {@code $1/lastname}, {@code $1/primarycontactid/$ref}).
 */
record PartTarget(String version, String path, String rawQuery) {
    private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?]*(.*)");
    private static final String API = "/api/data/";

    static PartTarget resolve(String target, String batchVersion, ContentIds ids) {
        String t = target;
        String version = batchVersion;
        if (t.startsWith("$")) {
            int end = firstOf(t, '/', '?');
            t = ids.path(t.substring(0, end)) + t.substring(end);
        } else {
            Matcher absolute = ABSOLUTE.matcher(t);
            if (absolute.matches()) t = absolute.group(1).isEmpty() ? "/" : absolute.group(1);
            if (t.startsWith("/")) {
                if (!t.startsWith(API)) {
                    throw ErrorCode.BAD_REQUEST.error("The URL '" + target + "' of a batch request is not below " + API + "<version>/.");
                }
                String rest = t.substring(API.length());
                int slash = firstOf(rest, '/', '?');
                version = rest.substring(0, slash);
                t = slash < rest.length() && rest.charAt(slash) == '/' ? rest.substring(slash + 1) : rest.substring(slash);
            }
        }
        int q = t.indexOf('?');
        return q < 0 ? new PartTarget(version, t, "") : new PartTarget(version, t.substring(0, q), t.substring(q + 1));
    }

    private static int firstOf(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == a || s.charAt(i) == b) return i;
        return s.length();
    }
}
