package io.ppmlab.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** uPlot's script and stylesheet, read from its WebJar on the classpath so the report can inline them. */
final class Assets {
    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

    private Assets() {}

    static String uplotScript() {
        return read(UPLOT + "uPlot.iife.min.js");
    }

    static String uplotStyle() {
        return read(UPLOT + "uPlot.min.css");
    }

    static String read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource + " (is the uPlot WebJar on the classpath?)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
