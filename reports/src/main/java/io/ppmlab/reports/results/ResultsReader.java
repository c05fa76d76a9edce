package io.ppmlab.reports.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a results folder (or its results.json) and refuses what is not a "ppm-lab/results/1" file. */
public final class ResultsReader {
    public static final String FILE = "results.json";

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The results.json of a folder, or the file itself when a file is given. */
    public static Path resultsFile(Path folderOrFile) {
        return Files.isDirectory(folderOrFile) ? folderOrFile.resolve(FILE) : folderOrFile;
    }

    public Results read(Path folderOrFile) {
        Path file = resultsFile(folderOrFile);
        if (!Files.isRegularFile(file)) throw new UnusableInput("no results file at " + file);
        Results results;
        try {
            results = mapper.readValue(file.toFile(), Results.class);
        } catch (JsonProcessingException e) {
            throw new UnusableInput("malformed results file " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnusableInput("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (results == null || !Results.SCHEMA.equals(results.schema())) {
            throw new UnusableInput(file + " is not a results file of schema " + Results.SCHEMA
                    + " (schema: " + (results == null ? "none" : results.schema()) + ")");
        }
        if (results.run() == null || results.suite() == null) throw new UnusableInput(file + " has no run.suite");
        return results;
    }
}
