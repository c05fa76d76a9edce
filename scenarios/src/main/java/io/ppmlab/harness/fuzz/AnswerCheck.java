package io.ppmlab.harness.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * The checks of one answer: never a 5xx, and under {@code /api/data} every answer that is not a success is
 * Dataverse's error shape, a JSON object {@code {"error":{"code":"...","message":"..."}}} (or, for a {@code $batch}
 * that ran, the multipart batch response). A failure's signature
 * (check, status, method, path with ids and numbers blanked) deduplicates the same fault reached by many inputs.
 */
final class AnswerCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * The dedup key of a failure: the check, the status, the method and the path's shape, which is its first segment
     * after the version (an entity set, {@code $batch}, a function) cut before any key, or {@code <odd>} when that
     * segment is mangled, or {@code <outside /api/data>}.
     */
    static String signature(String check, FuzzRequest request, int status) {
        return check + " | " + status + " | " + request.method() + " " + shape(request);
    }

    private static String shape(FuzzRequest request) {
        if (!request.underApi()) return "<outside /api/data>";
        String rest = request.target().substring("/api/data".length());
        String[] segments = rest.split("/", 4);
        if (segments.length < 3) return "/api/data" + (rest.length() > 20 ? rest.substring(0, 20) + "..." : rest);
        String first = segments[2];
        int cut = first.length();
        for (char c : new char[]{'(', '?', '%'}) {
            int at = first.indexOf(c);
            if (at >= 0) cut = Math.min(cut, at);
        }
        first = first.substring(0, cut);
        String version = segments[1].matches("[vV][0-9.]{1,5}") ? segments[1] : "<odd version>";
        return "/api/data/" + version + "/" + (first.matches("[A-Za-z0-9_$.]{1,60}") ? first : "<odd>")
                + (segments.length > 3 || cut < segments[2].length() ? "..." : "");
    }
}
