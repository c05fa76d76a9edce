package io.ppmlab.emulator.batch;

import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.errors.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code $batch} body (multipart/mixed, RFC 2046, as OData 4.0 §11.7 and Dataverse use it) into
 * {@link BatchItem}s. Strict: every part needs a Content-Type ({@code application/http}, or
 * {@code multipart/mixed} with a boundary for a change set), a Content-Transfer-Encoding other than
 * {@code binary} is refused, every request needs a request line {@code METHOD URL HTTP/1.1}. Line breaks may be
 * CRLF or LF. Refused before anything runs, each with a 400: malformed structure, more than
 * {@value #MAX_REQUESTS} requests, a GET in a change set, a nested {@code $batch}, a change set in a change set, a
 * Content-ID used twice in one change set. Pure: no I/O, no state.
 */
public final class MultipartParser {
    public static final int MAX_REQUESTS = 1000;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");
    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Za-z]+) (\\S+) HTTP/(1\\.[01])");
    private static final Pattern HEADER = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*(.*?)[ \\t]*");
    /** RFC 2046 bchars: 1 to 70 of them, not ending in a space. */
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");

    private MultipartParser() {}

    /** The boundary of a {@code multipart/mixed} Content-Type header value; 400 when it is not one. */
    public static String boundary(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw malformed("the request has no Content-Type; send 'multipart/mixed; boundary=batch_<id>'.");
        }
        return boundaryOf(contentType, "the request").orElseThrow(() ->
                malformed("the Content-Type '" + contentType + "' has no boundary parameter; send 'multipart/mixed; boundary=batch_<id>'."));
    }

    /** The items of a batch body, in order. */
    public static List<BatchItem> parse(byte[] body, String boundary) {
        // ISO-8859-1 maps each byte to one char and back: bodies keep their exact bytes (UTF-8 JSON included).
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int[] counter = {0};
        List<BatchItem> items = new ArrayList<>();
        for (String encapsulation : split(text, boundary, "batch")) {
            Part part = part(encapsulation, "part " + (items.size() + 1) + " of the batch");
            String media = mediaType(part);
            if (media.equals("application/http")) {
                items.add(new BatchItem.Single(request(part, ++counter[0])));
            } else if (media.equals("multipart/mixed")) {
                items.add(changeSet(part, counter));
            } else {
                throw malformed(part.where() + " has Content-Type '" + part.headers().get("Content-Type")
                        + "'; a batch part is 'application/http' or a 'multipart/mixed' change set.");
            }
        }
        if (counter[0] > MAX_REQUESTS) throw ErrorCode.BATCH_TOO_MANY_REQUESTS.error(counter[0], MAX_REQUESTS);
        return items;
    }

    private record Part(String where, Map<String, String> headers, String content) {}

    private static BatchItem.ChangeSet changeSet(Part part, int[] counter) {
        String boundary = boundaryOf(part.headers().get("Content-Type"), part.where())
                .orElseThrow(() -> malformed(part.where() + " is a change set without a boundary parameter in its Content-Type."));
        List<PartRequest> requests = new ArrayList<>();
        Set<String> contentIds = new HashSet<>();
        for (String encapsulation : split(part.content(), boundary, "change set in " + part.where())) {
            Part inner = part(encapsulation, "request " + (requests.size() + 1) + " of the change set in " + part.where());
            String media = mediaType(inner);
            if (media.equals("multipart/mixed")) throw malformed(inner.where() + " is a change set: a change set cannot contain another change set.");
            if (!media.equals("application/http")) {
                throw malformed(inner.where() + " has Content-Type '" + inner.headers().get("Content-Type") + "'; a change set holds 'application/http' parts.");
            }
            PartRequest request = request(inner, ++counter[0]);
            if (request.method().equals("GET")) throw ErrorCode.BATCH_GET_IN_CHANGE_SET.error(inner.where() + ": GET " + request.target());
            if (request.contentId().isPresent() && !contentIds.add(request.contentId().get())) {
                throw malformed(inner.where() + " repeats Content-ID '" + request.contentId().get() + "'; Content-IDs are unique within a change set.");
            }
            requests.add(request);
        }
        if (requests.isEmpty()) throw malformed("the change set in " + part.where() + " holds no request.");
        return new BatchItem.ChangeSet(requests);
    }

    /** An application/http part: the embedded request line, headers and body. */
    private static PartRequest request(Part part, int number) {
        String cte = part.headers().get("Content-Transfer-Encoding");
        if (cte != null && !cte.equalsIgnoreCase("binary")) {
            throw malformed(part.where() + " has Content-Transfer-Encoding '" + cte + "'; batch parts are 'binary'.");
        }
        String content = part.content();
        int lineEnd = content.indexOf('\n');
        String requestLine = stripCr(lineEnd < 0 ? content : content.substring(0, lineEnd));
        Matcher m = REQUEST_LINE.matcher(requestLine);
        if (!m.matches()) {
            throw malformed(part.where() + " has the request line '" + utf8(requestLine) + "'; expected 'METHOD URL HTTP/1.1', e.g. 'POST /api/data/v9.2/sensei_projects HTTP/1.1'.");
        }
        String method = m.group(1);
        if (!METHODS.contains(method)) {
            throw malformed(part.where() + " uses the method '" + method + "'; a batch request is GET, POST, PATCH, PUT or DELETE (upper case).");
        }
        String target = utf8(m.group(2));
        String targetPath = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (targetPath.endsWith("$batch") || targetPath.endsWith("%24batch")) {
            throw ErrorCode.BATCH_NESTED.error(part.where() + " is '" + method + " " + target + "'.");
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int pos = lineEnd < 0 ? content.length() : lineEnd + 1;
        String body = "";
        while (pos < content.length()) {
            int eol = content.indexOf('\n', pos);
            String line = stripCr(eol < 0 ? content.substring(pos) : content.substring(pos, eol));
            pos = eol < 0 ? content.length() : eol + 1;
            if (line.isEmpty()) {
                body = content.substring(pos);
                break;
            }
            header(line, part.where() + " (request headers)", headers);
        }
        Optional<String> contentId = Optional.ofNullable(part.headers().get("Content-ID")).or(() -> Optional.ofNullable(headers.get("Content-ID")));
        if (contentId.isPresent() && (contentId.get().isEmpty() || contentId.get().chars().anyMatch(Character::isWhitespace))) {
            throw malformed(part.where() + " has the Content-ID '" + contentId.get() + "'; a Content-ID is a non-empty token such as 1.");
        }
        return new PartRequest(number, method, target, headers, stripTrailing(body).getBytes(StandardCharsets.ISO_8859_1), contentId);
    }

    /** Splits a part's MIME headers from its content at the first empty line. */
    private static Part part(String encapsulation, String where) {
        if (encapsulation.isBlank()) throw malformed(where + " is empty; a part starts with its headers (Content-Type: application/http).");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int pos = 0;
        int eol;
        while ((eol = encapsulation.indexOf('\n', pos)) >= 0) {
            String line = stripCr(encapsulation.substring(pos, eol));
            if (line.isEmpty()) return new Part(where, headers, encapsulation.substring(eol + 1));
            header(line, where, headers);
            pos = eol + 1;
        }
        if (pos < encapsulation.length()) header(stripCr(encapsulation.substring(pos)), where, headers);
        throw malformed(where + " has no empty line after its headers.");
    }

    private static void header(String line, String where, Map<String, String> headers) {
        Matcher m = HEADER.matcher(line);
        if (!m.matches()) throw malformed(where + " has the header line '" + utf8(line) + "'; expected 'Name: value'.");
        headers.put(m.group(1), utf8(m.group(2)));
    }

    private static String mediaType(Part part) {
        String type = part.headers().get("Content-Type");
        if (type == null) {
            throw malformed(part.where() + " has no Content-Type; a batch part is 'application/http' or a 'multipart/mixed' change set.");
        }
        return type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The encapsulations between {@code --boundary} delimiters up to the close delimiter {@code --boundary--}. The
     * line break before a delimiter belongs to the delimiter; a preamble before the first one and an epilogue after
     * the last are ignored (RFC 2046 §5.1.1).
     */
    private static List<String> split(String text, String boundary, String what) {
        String delimiter = "--" + boundary;
        int at = delimiter(text, delimiter, 0);
        if (at < 0) throw malformed("the " + what + " has no boundary delimiter '" + delimiter + "'.");
        List<String> out = new ArrayList<>();
        while (true) {
            int after = at + delimiter.length();
            if (text.startsWith("--", after)) return out;
            int eol = text.indexOf('\n', after);
            if (eol < 0) throw malformed("the " + what + " ends without its close delimiter '" + delimiter + "--'.");
            if (!text.substring(after, eol).isBlank()) {
                throw malformed("the " + what + " has text after the delimiter '" + delimiter + "' on the same line.");
            }
            int start = eol + 1;
            int next = delimiter(text, delimiter, start);
            if (next < 0) throw malformed("the " + what + " ends without its close delimiter '" + delimiter + "--'.");
            int end = next;
            if (end > start && text.charAt(end - 1) == '\n') end--;
            if (end > start && text.charAt(end - 1) == '\r') end--;
            out.add(text.substring(start, end));
            at = next;
        }
    }

    /** The next delimiter line: at the start of a line, followed by "--", blanks or a line break. */
    private static int delimiter(String text, String delimiter, int from) {
        int at = text.indexOf(delimiter, from);
        while (at >= 0) {
            int after = at + delimiter.length();
            boolean lineStart = at == 0 || text.charAt(at - 1) == '\n';
            boolean ends = after == text.length() || text.startsWith("--", after) || " \t\r\n".indexOf(text.charAt(after)) >= 0;
            if (lineStart && ends) return at;
            at = text.indexOf(delimiter, at + 1);
        }
        return -1;
    }

    private static Optional<String> boundaryOf(String contentType, String where) {
        String[] params = contentType.split(";", -1); // -1: ";" is ["", ""], not an empty array
        if (!params[0].trim().equalsIgnoreCase("multipart/mixed")) {
            throw malformed(where + " has Content-Type '" + contentType + "'; a batch is 'multipart/mixed; boundary=batch_<id>'.");
        }
        for (int i = 1; i < params.length; i++) {
            int eq = params[i].indexOf('=');
            if (eq < 0 || !params[i].substring(0, eq).trim().equalsIgnoreCase("boundary")) continue;
            String value = params[i].substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
            if (!BOUNDARY.matcher(value).matches()) {
                throw malformed(where + " has the boundary '" + value + "'; a boundary is 1 to 70 letters, digits or '()+_,-./:=? characters.");
            }
            return Optional.of(value);
        }
        return Optional.empty();
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String stripTrailing(String body) {
        int end = body.length();
        while (end > 0 && " \t\r\n".indexOf(body.charAt(end - 1)) >= 0) end--;
        return body.substring(0, end);
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static DataverseException malformed(String why) { return ErrorCode.BATCH_MALFORMED.error(why); }
}
