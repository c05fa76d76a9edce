package io.ppmlab.emulator.product.process;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * The lab's load extension: a fixed amount of work per row, either simulated (the lab clock moves forward, see
 * {@link RunClock}) or real (the thread sleeps, and the runner interrupts it at the limit).
 */
record WorkPerRow(Duration perRow, boolean simulated) implements WorkflowExtension {
    @Override
    public String run(Run run) throws InterruptedException {
        for (JsonNode ignored : run.rows()) {
            run.clock().checkpoint();
            if (simulated) run.clock().work(perRow);
            else Thread.sleep(perRow.toMillis(), perRow.toNanosPart() % 1_000_000);
            run.clock().checkpoint();
            run.processed().incrementAndGet();
        }
        return "Worked " + seconds(perRow) + " s on each of " + run.rows().size() + " rows (" + (simulated ? "simulated on the lab clock" : "real time") + ").";
    }

    static String seconds(Duration d) { return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString(); }
}
