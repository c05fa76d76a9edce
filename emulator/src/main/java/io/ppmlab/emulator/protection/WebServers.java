package io.ppmlab.emulator.protection;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The environment's web servers behind a load balancer with ARR affinity: a request carrying an
 * {@code ARRAffinity} cookie goes to the server it names; one without is spread round-robin and gets
 * the cookie of the server that answered.
 */
public final class WebServers {
    public static final String COOKIE = "ARRAffinity";
    private static final String PREFIX = "lab-ws-";

    private final int count;
    private final AtomicInteger next = new AtomicInteger();

    public WebServers(int count) { this.count = count; }

    /** The server for a request, from its {@code Cookie} header (absent or unknown: the next one in turn). */
    public int pick(Optional<String> cookieHeader) {
        return cookieHeader.flatMap(this::affinity).orElseGet(() -> Math.floorMod(next.getAndIncrement(), count));
    }

    public String name(int server) { return PREFIX + server; }

    /** The {@code Set-Cookie} value that keeps a client on {@code server}. */
    public String setCookie(int server) { return COOKIE + "=" + name(server) + "; Path=/; HttpOnly"; }

    private Optional<Integer> affinityOf(String value) {
        if (!value.startsWith(PREFIX)) return Optional.empty();
        try {
            int n = Integer.parseInt(value.substring(PREFIX.length()));
            return n >= 0 && n < count ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<Integer> affinity(String header) {
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) return affinityOf(p.substring(COOKIE.length() + 1).trim());
        }
        return Optional.empty();
    }
}
