package io.ppmlab.emulator.batch;

import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.errors.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The $batch body parser: well-formed shapes Dataverse clients send, and every malformed input as a 400, never a crash. */
class MultipartParserTest {
    private static final String B = "batch_AAA123";
    private static final String C = "changeset_BBB456";
    private static final String HTTP = "Content-Type: application/http\nContent-Transfer-Encoding: binary\n";

    private static List<BatchItem> parse(String body) {
        return MultipartParser.parse(body.getBytes(StandardCharsets.UTF_8), B);
    }

    private static String get(String url) { return "--" + B + "\n" + HTTP + "\nGET " + url + " HTTP/1.1\nAccept: application/json\n\n"; }

    private static String changeSet(String... parts) {
        return "--" + B + "\nContent-Type: multipart/mixed; boundary=" + C + "\n\n" + String.join("", parts) + "--" + C + "--\n";
    }

    private static String post(String id, String url, String json) {
        return "--" + C + "\n" + HTTP + (id == null ? "" : "Content-ID: " + id + "\n") + "\nPOST " + url
                + " HTTP/1.1\nContent-Type: application/json\n\n" + json + "\n";
    }

    private static String body(BatchItem item) {
        return new String(((BatchItem.Single) item).request().body(), StandardCharsets.UTF_8);
    }

    @Test
    void requestsOutsideChangeSetsComeInOrder() {
        List<BatchItem> items = parse(get("/api/data/v9.2/sensei_projects?$select=sensei_name") + get("WhoAmI") + "--" + B + "--\n");
        assertThat(items).hasSize(2).allMatch(i -> i instanceof BatchItem.Single);
        PartRequest first = ((BatchItem.Single) items.get(0)).request();
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.target()).isEqualTo("/api/data/v9.2/sensei_projects?$select=sensei_name");
        assertThat(first.headers()).containsEntry("accept", "application/json");
        assertThat(first.body()).isEmpty();
        assertThat(first.number()).isEqualTo(1);
        assertThat(((BatchItem.Single) items.get(1)).request().number()).isEqualTo(2);
    }

    @Test
    void crlfAndLfBothWorkAndTheLineBreakBeforeADelimiterIsNotPartOfTheBody() {
        String lf = "--" + B + "\n" + HTTP + "\nPOST sensei_portfolios HTTP/1.1\nContent-Type: application/json\n\n{\"sensei_name\":\"é\"}\n--" + B + "--";
        String crlf = lf.replace("\n", "\r\n");
        for (String text : List.of(lf, crlf)) {
            List<BatchItem> items = parse(text);
            assertThat(body(items.get(0))).isEqualTo("{\"sensei_name\":\"é\"}");
        }
    }

    @Test
    void aChangeSetKeepsItsRequestsAndContentIds() {
        List<BatchItem> items = parse(changeSet(post("1", "sensei_portfolios", "{}"), post("2", "$1", "{}"), post(null, "x", "{}"))
                + get("sensei_portfolios") + "--" + B + "--");
        assertThat(items).hasSize(2);
        BatchItem.ChangeSet set = (BatchItem.ChangeSet) items.get(0);
        assertThat(set.requests()).extracting(PartRequest::contentId)
                .containsExactly(Optional.of("1"), Optional.of("2"), Optional.empty());
        assertThat(set.requests()).extracting(PartRequest::number).containsExactly(1, 2, 3);
        assertThat(set.requests().get(1).target()).isEqualTo("$1");
        assertThat(items.get(1).size()).isEqualTo(1);
    }

    @Test
    void preambleEpilogueTransportPaddingAndEmptyBatchAreAccepted() {
        String text = "preamble to ignore\n--" + B + "  \n" + HTTP + "\nGET WhoAmI HTTP/1.1\n\n\n--" + B + "--\nepilogue";
        assertThat(parse(text)).hasSize(1);
        assertThat(parse("--" + B + "--")).isEmpty();
    }

    @Test
    void aBoundaryThatIsAPrefixOfAnotherLineIsNotADelimiter() {
        String text = "--" + B + "\n" + HTTP + "\nPOST x HTTP/1.1\n\n--" + B + "x is data\n--" + B + "--";
        assertThat(body(parse(text).get(0))).isEqualTo("--" + B + "x is data");
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                arguments("multipart/mixed; boundary=batch_1", "batch_1"),
                arguments("multipart/mixed;boundary=\"batch_80dd1615-2a10-428a-bb6f-0e559792721f\"", "batch_80dd1615-2a10-428a-bb6f-0e559792721f"),
                arguments("Multipart/Mixed; charset=utf-8; Boundary=b", "b"));
    }

    @ParameterizedTest
    @MethodSource("boundaries")
    void boundaryComesFromTheContentType(String contentType, String boundary) {
        assertThat(MultipartParser.boundary(contentType)).isEqualTo(boundary);
    }

    static Stream<Arguments> badContentTypes() {
        return Stream.of(
                arguments(null, "has no Content-Type"),
                arguments("application/json", "'multipart/mixed; boundary=batch_<id>'"),
                arguments("multipart/mixed", "has no boundary parameter"),
                arguments("multipart/mixed; boundary=", "has the boundary ''"),
                arguments("multipart/mixed; boundary=\"a;b\"", "has the boundary '\"a'"),
                arguments("multipart/mixed; boundary=" + "x".repeat(71), "1 to 70"));
    }

    @ParameterizedTest
    @MethodSource("badContentTypes")
    void badContentTypesAre400(String contentType, String message) {
        assertThatThrownBy(() -> MultipartParser.boundary(contentType)).isInstanceOf(DataverseException.class)
                .satisfies(e -> assertThat(((DataverseException) e).status()).isEqualTo(400))
                .hasMessageContaining(message);
    }

    static Stream<Arguments> malformed() {
        String ok = get("WhoAmI");
        String end = "--" + B + "--";
        return Stream.of(
                arguments("no delimiter", "just text", ErrorCode.BATCH_MALFORMED, "has no boundary delimiter '--batch_AAA123'"),
                arguments("empty body", "", ErrorCode.BATCH_MALFORMED, "has no boundary delimiter"),
                arguments("other boundary", "--batch_other\n" + HTTP + "\nGET x HTTP/1.1\n\n--batch_other--", ErrorCode.BATCH_MALFORMED, "has no boundary delimiter"),
                arguments("no close delimiter", ok, ErrorCode.BATCH_MALFORMED, "ends without its close delimiter '--batch_AAA123--'"),
                arguments("text after delimiter", "--" + B + " junk\n" + HTTP + "\nGET x HTTP/1.1\n\n" + end, ErrorCode.BATCH_MALFORMED, "has text after the delimiter"),
                arguments("empty part", "--" + B + "\n\n" + end, ErrorCode.BATCH_MALFORMED, "part 1 of the batch is empty"),
                arguments("no Content-Type", "--" + B + "\nContent-Transfer-Encoding: binary\n\nGET x HTTP/1.1\n\n" + end, ErrorCode.BATCH_MALFORMED, "part 1 of the batch has no Content-Type"),
                arguments("other Content-Type", "--" + B + "\nContent-Type: application/json\n\n{}\n" + end, ErrorCode.BATCH_MALFORMED, "has Content-Type 'application/json'"),
                arguments("header without colon", "--" + B + "\nContent-Type application/http\n\nGET x HTTP/1.1\n\n" + end, ErrorCode.BATCH_MALFORMED, "has the header line 'Content-Type application/http'"),
                arguments("headers never end", "--" + B + "\nContent-Type: application/http\n" + end, ErrorCode.BATCH_MALFORMED, "no empty line after its headers"),
                arguments("base64", "--" + B + "\nContent-Type: application/http\nContent-Transfer-Encoding: base64\n\nGET x HTTP/1.1\n\n" + end, ErrorCode.BATCH_MALFORMED, "Content-Transfer-Encoding 'base64'"),
                arguments("no request line", "--" + B + "\n" + HTTP + "\n\n" + end, ErrorCode.BATCH_MALFORMED, "has the request line ''"),
                arguments("no HTTP version", "--" + B + "\n" + HTTP + "\nGET /api/data/v9.2/x\n\n" + end, ErrorCode.BATCH_MALFORMED, "expected 'METHOD URL HTTP/1.1'"),
                arguments("HTTP/2", "--" + B + "\n" + HTTP + "\nGET x HTTP/2.0\n\n" + end, ErrorCode.BATCH_MALFORMED, "expected 'METHOD URL HTTP/1.1'"),
                arguments("space in URL", "--" + B + "\n" + HTTP + "\nGET a b HTTP/1.1\n\n" + end, ErrorCode.BATCH_MALFORMED, "expected 'METHOD URL HTTP/1.1'"),
                arguments("lower-case method", "--" + B + "\n" + HTTP + "\nget x HTTP/1.1\n\n" + end, ErrorCode.BATCH_MALFORMED, "the method 'get'"),
                arguments("TRACE", "--" + B + "\n" + HTTP + "\nTRACE x HTTP/1.1\n\n" + end, ErrorCode.BATCH_MALFORMED, "the method 'TRACE'"),
                arguments("bad request header", "--" + B + "\n" + HTTP + "\nGET x HTTP/1.1\nnot a header\n\n" + end, ErrorCode.BATCH_MALFORMED, "(request headers) has the header line 'not a header'"),
                arguments("blank Content-ID", "--" + B + "\n" + HTTP + "Content-ID: a b\n\nGET x HTTP/1.1\n\n" + end, ErrorCode.BATCH_MALFORMED, "the Content-ID 'a b'"),
                arguments("change set without boundary", "--" + B + "\nContent-Type: multipart/mixed\n\n--" + C + "--\n" + end, ErrorCode.BATCH_MALFORMED, "change set without a boundary"),
                arguments("empty change set", changeSet() + end, ErrorCode.BATCH_MALFORMED, "holds no request"),
                arguments("change set not closed", "--" + B + "\nContent-Type: multipart/mixed; boundary=" + C + "\n\n" + post("1", "x", "{}") + end, ErrorCode.BATCH_MALFORMED, "ends without its close delimiter '--changeset_BBB456--'"),
                arguments("change set in change set", changeSet("--" + C + "\nContent-Type: multipart/mixed; boundary=inner\n\n--inner--\n") + end, ErrorCode.BATCH_MALFORMED, "a change set cannot contain another change set"),
                arguments("duplicate Content-ID", changeSet(post("1", "x", "{}"), post("1", "y", "{}")) + end, ErrorCode.BATCH_MALFORMED, "repeats Content-ID '1'"),
                arguments("GET in change set", changeSet("--" + C + "\n" + HTTP + "\nGET /api/data/v9.2/x HTTP/1.1\n\n") + end, ErrorCode.BATCH_GET_IN_CHANGE_SET, "An invalid HTTP method 'GET' was detected"),
                arguments("nested batch", "--" + B + "\n" + HTTP + "\nPOST /api/data/v9.2/$batch HTTP/1.1\nContent-Type: multipart/mixed; boundary=x\n\n--x--\n" + end, ErrorCode.BATCH_NESTED, "A batch cannot contain another batch"),
                arguments("nested batch in change set", changeSet(post("1", "$batch", "")) + end, ErrorCode.BATCH_NESTED, "A batch cannot contain another batch"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedBodiesAre400WithAClearMessage(String name, String text, ErrorCode code, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(DataverseException.class)
                .satisfies(e -> assertThat(((DataverseException) e).errorCode()).isEqualTo(code))
                .satisfies(e -> assertThat(((DataverseException) e).status()).isEqualTo(400))
                .hasMessageContaining(message);
    }

    @Test
    void aThousandRequestsPassAndOneMoreIsRefusedCountingChangeSetItems() {
        String thousand = IntStream.range(0, 998).mapToObj(i -> get("WhoAmI")).collect(Collectors.joining())
                + changeSet(post("1", "x", "{}"), post("2", "y", "{}"));
        assertThat(parse(thousand + "--" + B + "--")).hasSize(999);
        String more = thousand + get("WhoAmI") + "--" + B + "--";
        assertThatThrownBy(() -> parse(more)).isInstanceOf(DataverseException.class)
                .satisfies(e -> assertThat(((DataverseException) e).errorCode()).isEqualTo(ErrorCode.BATCH_TOO_MANY_REQUESTS))
                .hasMessageContaining("The batch contains 1001 requests; a batch can contain at most 1000 requests");
    }

    @Test
    void arbitraryBytesNeverEscapeAsAnythingButA400() {
        java.util.Random random = new java.util.Random(42);
        String valid = changeSet(post("1", "sensei_portfolios", "{\"a\":1}")) + get("WhoAmI") + "--" + B + "--\n";
        for (int i = 0; i < 2000; i++) {
            StringBuilder mutated = new StringBuilder(valid);
            for (int k = 0; k < 3; k++) {
                int at = random.nextInt(mutated.length());
                switch (random.nextInt(3)) {
                    case 0 -> mutated.deleteCharAt(at);
                    case 1 -> mutated.insert(at, "\n-:$\r ".charAt(random.nextInt(6)));
                    default -> mutated.setCharAt(at, (char) (32 + random.nextInt(95)));
                }
            }
            try {
                parse(mutated.toString());
            } catch (DataverseException e) {
                assertThat(e.status()).isEqualTo(400);
            }
        }
    }
}
