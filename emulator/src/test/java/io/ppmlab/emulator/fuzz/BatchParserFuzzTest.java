package io.ppmlab.emulator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.Envelope;
import io.ppmlab.emulator.batch.BatchItem;
import io.ppmlab.emulator.batch.MultipartParser;
import io.ppmlab.emulator.batch.PartRequest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code $batch} multipart parser, then what every part meets next: its envelope check and, for a URL
 * relative to the service root, the URI parser. An input is the batch's Content-Type header value, a line break
 * and the body. Seeds: {@code BatchParserFuzzTestInputs/batch}.
 */
class BatchParserFuzzTest {
    private static final String ROOT = "/api/data/v9.2/";

    @FuzzTest(maxDuration = "15s")
    void batch(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        String contentType = new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8).strip();
        byte[] body = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
        HostileInput.mayOnlyRefuse(() -> {
            List<BatchItem> items = MultipartParser.parse(body, MultipartParser.boundary(contentType));
            for (BatchItem item : items) {
                List<PartRequest> parts = item instanceof BatchItem.ChangeSet cs ? cs.requests() : List.of(((BatchItem.Single) item).request());
                for (PartRequest part : parts) HostileInput.mayOnlyRefuse(() -> next(part));
            }
        });
    }

    private static void next(PartRequest part) {
        String target = part.target().startsWith(ROOT) ? part.target().substring(ROOT.length()) : part.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        Envelope.check(new ApiRequest(part.method(), "v9.2", path, query, part.headers(), part.body(), "http://localhost" + ROOT));
        if (!target.startsWith("$") && !target.contains("://")) FuzzLab.PARSER.parse(path, query);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == b) return i;
        return -1;
    }
}
