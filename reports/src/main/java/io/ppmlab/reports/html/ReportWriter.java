package io.ppmlab.reports.html;

import io.ppmlab.reports.gate.GateOutcome;
import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.ResultsReader;
import io.ppmlab.reports.results.UnusableInput;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads results folders and writes their report.html (with the gate's section when the folder holds a gate.json). */
public final class ReportWriter {
    public static final String FILE = "report.html";
    public static final String GATE_FILE = "gate.json";

    private final ResultsReader reader = new ResultsReader();
    private final ReportPage page = new ReportPage();

    /** Writes {@code <folder>/report.html} and returns its path. */
    public Path single(Path folder) {
        Results r = reader.read(folder);
        Path dir = Files.isDirectory(folder) ? folder : folder.toAbsolutePath().getParent();
        Path out = dir.resolve(FILE);
        write(out, page.single(r, gate(dir.resolve(GATE_FILE))));
        return out;
    }

    /** Writes a comparison of the folders' runs into {@code out} and returns it. */
    public Path comparison(List<Path> folders, Path out) {
        List<Results> runs = new ArrayList<>();
        for (Path f : folders) runs.add(reader.read(f));
        write(out, page.comparison(runs));
        return out;
    }

    private static GateOutcome gate(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readValue(file.toFile(), GateOutcome.class);
        } catch (IOException e) {
            throw new UnusableInput("malformed " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path out, String html) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(out, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }
}
