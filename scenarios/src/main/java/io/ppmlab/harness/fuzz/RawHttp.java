package io.ppmlab.harness.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the JDK's client refuses the malformed targets and
 * header values the fuzzer exists to send. Reads until the server closes, within one deadline for the whole
 * exchange, and de-chunks the body.
 */
final class RawHttp {
    /** Answers are cut here; the demo organisation's largest is far smaller. */
    static final int MAX_ANSWER = 32 << 20;

    private final String host;
    private final int port;
    private final Duration timeout;

    RawHttp(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    String hostAndPort() { return host + ":" + port; }

    /** One answer: status, headers (names lower-case) and body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String text() { return new String(body, StandardCharsets.UTF_8); }
    }

    /** Why no answer came: the deadline passed, or the connection ended without a status line. */
    static final class NoAnswer extends Exception {
        final boolean timedOut;

        NoAnswer(String message, boolean timedOut) {
            super(message, null, false, false);
            this.timedOut = timedOut;
        }
    }

    Answer exchange(byte[] request) throws NoAnswer {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return parse(readAll(socket, deadline));
        } catch (SocketTimeoutException e) {
            throw new NoAnswer("no answer within " + timeout.toMillis() + " ms", true);
        } catch (IOException e) {
            throw new NoAnswer("the connection failed: " + e.getMessage(), false);
        }
    }

    private static byte[] readAll(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 << 10];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) throw new SocketTimeoutException();
            socket.setSoTimeout((int) Math.max(1, left));
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException e) {
                if (out.size() > 0) break; // a reset after the answer was sent (the server closed with unread request bytes)
                throw e;
            }
            if (n < 0) break;
            if (out.size() + n > MAX_ANSWER) break;
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static Answer parse(byte[] raw) throws NoAnswer {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) throw new NoAnswer("the connection closed without a complete answer (" + raw.length + " bytes)", false);
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) throw new NoAnswer("not an HTTP status line: " + lines[0], false);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            throw new NoAnswer("not an HTTP status line: " + lines[0], false);
        }
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunked.length);
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[]{'\r', '\n'}, at);
            if (lineEnd < 0) break;
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) break;
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(size, chunked.length - start));
            at = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
            return i;
        }
        return -1;
    }
}
