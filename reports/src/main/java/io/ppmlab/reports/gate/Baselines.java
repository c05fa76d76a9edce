package io.ppmlab.reports.gate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.ResultsReader;
import io.ppmlab.reports.results.UnusableInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads what {@code --baseline} names: a committed baseline file, or any earlier results.json (or its folder) of the same suite. */
public final class Baselines {
    private final ObjectMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public BaselineFile load(Path path) {
        Path file = ResultsReader.resultsFile(path);
        if (!Files.isRegularFile(file)) throw new UnusableInput("no baseline at " + path);
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UnusableInput("malformed baseline " + file + ": " + e.getMessage(), e);
        }
        String schema = root == null ? null : root.path("schema").asText(null);
        if (BaselineFile.SCHEMA.equals(schema)) {
            try {
                BaselineFile b = mapper.treeToValue(root, BaselineFile.class);
                if (b.suite() == null) throw new UnusableInput("baseline " + file + " names no suite");
                return b;
            } catch (IOException e) {
                throw new UnusableInput("malformed baseline " + file + ": " + e.getMessage(), e);
            }
        }
        if (Results.SCHEMA.equals(schema)) {
            Results r = new ResultsReader().read(file);
            return new BaselineBuilder().build(List.of(r), "from one earlier run: " + file);
        }
        throw new UnusableInput(file + " is neither a baseline (" + BaselineFile.SCHEMA + ") nor a results file (" + Results.SCHEMA + ")");
    }
}
