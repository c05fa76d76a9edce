package io.ppmlab.benchmarks.http;

import io.javalin.Javalin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The reference of {@code scripts/http-ratio.sh}: a bare Javalin process that answers {@code GET /row} with
 * a fixed JSON body (the bytes of the Web API answer it is compared with) and the same headers, and does
 * nothing else. It stops by itself after the given number of seconds.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.ppmlab.benchmarks.http.BareJsonServer PORT BODY_FILE MAX_SECONDS</pre>
 */
public final class BareJsonServer {
    private BareJsonServer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        long maxSeconds = Long.parseLong(args[2]);
        Javalin app = Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = port;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/row", ctx -> ctx.header("OData-Version", "4.0")
                    .contentType("application/json; odata.metadata=minimal").result(body));
        });
        app.start();
        System.out.println("bare JSON server listening on http://127.0.0.1:" + app.port() + "/row (" + body.length + " bytes)");
        Executors.newSingleThreadScheduledExecutor().schedule(() -> {
            app.stop();
            System.exit(0);
        }, maxSeconds, TimeUnit.SECONDS);
    }
}
