package io.ppmlab.harness.run;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the emulator process in the harness's own tests: prints the server's "listening" line, answers
 * {@code /lab/health}, writes its pid next to its data directory ({@code <data-dir>/../fake.pid}), and with {@code die-after-ms} exits on its own
 * (an emulator that dies mid-run), or with {@code never-listen} exits at once.
 */
public final class FakeEmulator {
    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("fake.mode", "die-after-ms=2500");
        Path dataDir = Path.of(value(args, "--data-dir"));
        Files.writeString(dataDir.toAbsolutePath().getParent().resolve("fake.pid"), String.valueOf(ProcessHandle.current().pid()));
        if (mode.equals("never-listen")) {
            System.out.println("cannot open the store: simulated failure");
            System.exit(3);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/lab/health", ex -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        System.out.println("emulator listening on http://127.0.0.1:" + server.getAddress().getPort() + "/api/data/v9.2/");
        if (mode.startsWith("die-after-ms=")) {
            Thread.sleep(Long.parseLong(mode.substring("die-after-ms=".length())));
            System.exit(137);
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static String value(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        throw new IllegalArgumentException(name + " missing");
    }
}
