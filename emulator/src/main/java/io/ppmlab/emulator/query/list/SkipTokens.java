package io.ppmlab.emulator.query.list;

import io.ppmlab.emulator.odata.ODataQueryException;
import io.ppmlab.emulator.query.exec.Cursor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $skiptoken} values: shaped like Dataverse's paging cookie ({@code <cookie pagenumber="2"
 * pagingcookie="..." istracking="False" />}, the inner cookie URL-encoded), carrying the last row's order keys
 * and id, and signed with an HMAC over the query, the caller and the page size. A token edited by hand, taken
 * from another query or used by another user is refused; a valid one still only continues the same
 * security-filtered query, so it cannot read past security. The key lives in memory: tokens die with the process.
 */
public final class SkipTokens {
    private static final Pattern OUTER = Pattern.compile("^<cookie pagenumber=\"(\\d+)\" pagingcookie=\"([^\"]*)\" istracking=\"False\" />$");
    private static final Pattern INNER = Pattern.compile("token=\"([A-Za-z0-9_\\-]+)\\.([A-Za-z0-9_\\-]+)\"");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;

    public SkipTokens(byte[] key) { this.key = key.clone(); }

    /** A fresh random key: tokens of one emulator run are meaningless to any other. */
    public static SkipTokens random() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new SkipTokens(k);
    }

    /** What a token is bound to: the resource path, the query options without the token, the caller, the page size. */
    public record Binding(String path, String options, UUID caller, int pageSize) {
        String text() { return path + "\n" + options + "\n" + caller + "\n" + pageSize; }
    }

    /** A decoded token: the page it leads to, where the previous page ended, and how much of $top is left (-1: none). */
    public record Position(int page, Cursor after, int remaining) {}

    public String issue(Binding binding, String idColumn, int page, Cursor after, int remaining) {
        StringBuilder payload = new StringBuilder();
        payload.append(page).append('|').append(remaining).append('|').append(after.id());
        for (Object k : after.keys()) payload.append('|').append(encode(k));
        String body = B64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        String sig = B64.encodeToString(mac(binding.text() + "\n" + body));
        String id = "{" + after.id().toString().toUpperCase() + "}";
        String inner = "<cookie page=\"" + (page - 1) + "\" token=\"" + body + "." + sig + "\"><" + idColumn
                + " last=\"" + id + "\" first=\"" + id + "\" /></cookie>";
        return "<cookie pagenumber=\"" + page + "\" pagingcookie=\"" + lowerHex(urlEncode(inner)) + "\" istracking=\"False\" />";
    }

    public Position read(String token, Binding binding) {
        Matcher outer = OUTER.matcher(token.trim());
        if (!outer.matches()) throw invalid();
        String inner;
        try {
            inner = URLDecoder.decode(outer.group(2), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        Matcher m = INNER.matcher(inner);
        if (!m.find()) throw invalid();
        String body = m.group(1);
        byte[] expected = mac(binding.text() + "\n" + body);
        byte[] given;
        try {
            given = B64D.decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(expected, given)) throw invalid();
        String[] parts = new String(B64D.decode(body), StandardCharsets.UTF_8).split("\\|", -1);
        int page = Integer.parseInt(parts[0]);
        if (page != Integer.parseInt(outer.group(1))) throw invalid();
        List<Object> keys = new ArrayList<>();
        for (int i = 3; i < parts.length; i++) keys.add(decode(parts[i]));
        return new Position(page, new Cursor(keys.toArray(), UUID.fromString(parts[2])), Integer.parseInt(parts[1]));
    }

    /** Percent-encodes a token for a URL query string (spaces as %20, which every client decodes alike). */
    public static String urlEncode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }

    /** Dataverse writes the inner cookie's escapes in lower case ({@code %3ccookie}). */
    public static String lowerHex(String encoded) {
        StringBuilder sb = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            sb.append(c);
            if (c == '%' && i + 2 < encoded.length()) {
                sb.append(Character.toLowerCase(encoded.charAt(i + 1))).append(Character.toLowerCase(encoded.charAt(i + 2)));
                i += 2;
            }
        }
        return sb.toString();
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private static String encode(Object k) {
        if (k == null) return "n";
        if (k instanceof String s) return "s" + B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
        if (k instanceof Integer i) return "i" + i;
        if (k instanceof Long l) return "l" + l;
        if (k instanceof BigDecimal d) return "d" + d.toPlainString();
        if (k instanceof Instant t) return "t" + t;
        if (k instanceof LocalDate d) return "D" + d;
        if (k instanceof Boolean b) return "b" + b;
        if (k instanceof UUID u) return "u" + u;
        return "s" + B64.encodeToString(k.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Object decode(String s) {
        String v = s.substring(1);
        return switch (s.charAt(0)) {
            case 'n' -> null;
            case 's' -> new String(B64D.decode(v), StandardCharsets.UTF_8);
            case 'i' -> Integer.valueOf(v);
            case 'l' -> Long.valueOf(v);
            case 'd' -> new BigDecimal(v);
            case 't' -> Instant.parse(v);
            case 'D' -> LocalDate.parse(v);
            case 'b' -> Boolean.valueOf(v);
            case 'u' -> UUID.fromString(v);
            default -> throw invalid();
        };
    }

    static ODataQueryException invalid() {
        return new ODataQueryException(400, io.ppmlab.emulator.odata.ODataErrors.QUERY,
                "The $skiptoken is not valid for this query. Send the @odata.nextLink unchanged, with the same Prefer: odata.maxpagesize, as the same user.");
    }
}
