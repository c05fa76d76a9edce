package io.ppmlab.harness.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request as the fuzzer writes it on the wire: any method token, any target (not validated: invalid
 * percent-escapes and odd characters are the point), headers in order, and a body. {@code Host},
 * {@code Connection: close} and a correct {@code Content-Length} are always added, so an answer that never comes is
 * the server's fault, not a request still waiting for bytes.
 */
record FuzzRequest(String kind, String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

    byte[] wire(String hostAndPort) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + body.length);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostAndPort).append("\r\nConnection: close\r\n");
        for (Map.Entry<String, String> h : headers) head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Under the Web API: {@code /api/data} itself or below it ({@code /api/dataX} is another path, Javalin's own 404). */
    boolean underApi() { return target.equals("/api/data") || target.startsWith("/api/data/") || target.startsWith("/api/data?"); }

    boolean writes() { return method.equals("POST") || method.equals("PATCH") || method.equals("PUT") || method.equals("DELETE"); }

    /** The request for a report: method, target and body, cut to {@code max} characters, control bytes escaped. */
    String shown(int max) {
        String text = method + " " + target + (body.length == 0 ? "" : "\n" + new String(body, StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') b.append(String.format("\\x%02x", (int) c)); else b.append(c);
        }
        return b.toString();
    }
}
