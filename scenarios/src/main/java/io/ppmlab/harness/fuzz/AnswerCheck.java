package io.ppmlab.harness.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks of one answer: never a 5xx, and under {@code /api/data} every answer that is not a success is
 * Dataverse's error shape, a JSON object {@code {"error":{"code":"...","message":"..."}}} (or, for a {@code $batch}
 * that ran, the multipart batch response). A failure's signature
 * (check, status, method, path with ids and numbers blanked) deduplicates the same fault reached by many inputs.
 */
final class AnswerCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GUID = Pattern.compile("[{]?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}[}]?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{2,}");

    private AnswerCheck() {}

    /** What is wrong with the answer, if anything. */
    static Optional<String> problem(FuzzRequest request, RawHttp.Answer answer) {
        if (answer.status() >= 500) return Optional.of("server error " + answer.status());
        boolean success = answer.status() >= 200 && answer.status() < 400;
        if (!request.underApi() || success || request.method().equals("HEAD")) return Optional.empty();
        // a $batch that stopped at a failing part answers 400 with the batch response, the part's error inside it
        if (request.target().contains("$batch") && answer.headers().getOrDefault("content-type", "").startsWith("multipart/mixed")) return Optional.empty();
        return shapeProblem(answer.body());
    }

    static Optional<String> shapeProblem(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of("error answer is not JSON");
        }
        if (root == null || !root.isObject()) return Optional.of("error answer is not a JSON object");
        JsonNode error = root.path("error");
        if (!error.path("code").isTextual() || !error.path("message").isTextual()) return Optional.of("error answer lacks error.code or error.message");
        return Optional.empty();
    }

    /** The dedup key of a failure. */
    static String signature(String check, FuzzRequest request, int status) {
        String target = request.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        path = DIGITS.matcher(GUID.matcher(path).replaceAll("{id}")).replaceAll("N");
        if (path.length() > 80) path = path.substring(0, 80) + "...";
        return check + " | " + status + " | " + request.method() + " " + path;
    }
}
