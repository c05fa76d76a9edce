package io.ppmlab.reports.results;

/**
 * Input the report or the gate cannot judge: a missing or malformed file, another suite or dataset, too few samples.
 * The gate exits 2 on it; the message says which file and what is wrong.
 */
public class UnusableInput extends RuntimeException {
    public UnusableInput(String message) {
        super(message);
    }

    public UnusableInput(String message, Throwable cause) {
        super(message, cause);
    }
}
