package io.ppmlab.harness.measure;

/** Where a long measurement says how far it is: the command draws a bar on a terminal, tests pass {@link #none()}. */
public interface Progress {

    void start(String task, long total, String unit);

    void advance(long done);

    void finish();

    static Progress none() {
        return new Progress() {
            @Override public void start(String task, long total, String unit) {}

            @Override public void advance(long done) {}

            @Override public void finish() {}
        };
    }
}
