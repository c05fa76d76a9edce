package io.ppmlab.emulator.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.odata.ODataQueryException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The invariant every fuzz target checks: hostile input is answered or refused with one of the project's own
 * Dataverse-shaped 4xx errors. Anything else that escapes (a {@code RuntimeException} the HTTP edge would turn
 * into a 500, a {@code StackOverflowError}, an {@code OutOfMemoryError}) is a finding, and so is an input that
 * costs more than {@link #MAX_CPU_NANOS} of CPU or allocates more than {@link #MAX_ALLOCATED_BYTES}.
 * CPU time rather than wall time: the build machine is shared, and a busy neighbour must not fail the run.
 */
final class HostileInput {
    /** Per input; the slowest seed of the corpus takes a few milliseconds. */
    static final long MAX_CPU_NANOS = 2_000_000_000L;
    /** Per input; the demo organisation's largest answer is well under a megabyte. */
    static final long MAX_ALLOCATED_BYTES = 256L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private HostileInput() {}

    /** Runs one input; a response must be below 500 and, when it says JSON, be JSON. */
    static void mayOnlyRefuse(Supplier<ApiResponse> action) {
        mayOnlyRefuse(() -> {
            ApiResponse response = action.get();
            if (response.status() >= 500) throw new AssertionError("answered " + response.status());
            if (response.contentType() != null && response.contentType().contains("json")) requireJson(response.body());
        });
    }

    /** Runs one input that returns nothing but may throw. */
    static void mayOnlyRefuse(Runnable action) {
        if (excess(action).isEmpty()) return;
        // The first run of an input may load, instrument and compile classes on this thread, which counts in its
        // CPU time and allocation: only a second run over the bounds is a finding.
        excess(action).ifPresent(e -> { throw new AssertionError(e); });
    }

    /** Runs the input; how it exceeded the bounds, if it did. */
    private static Optional<String> excess(Runnable action) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        try {
            action.run();
        } catch (DataverseException e) {
            if (e.status() >= 500) throw new AssertionError("refused with " + e.status() + ": " + e.getMessage(), e);
        } catch (ODataQueryException e) {
            if (e.httpStatus() >= 500) throw new AssertionError("refused with " + e.httpStatus() + ": " + e.getMessage(), e);
        }
        long cpuUsed = THREADS.getCurrentThreadCpuTime() - cpu;
        long allocatedNow = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocated;
        if (cpuUsed > MAX_CPU_NANOS) return Optional.of("one input took " + cpuUsed / 1_000_000 + " ms of CPU");
        if (allocatedNow > MAX_ALLOCATED_BYTES) return Optional.of("one input allocated " + (allocatedNow >> 20) + " MB");
        return Optional.empty();
    }

    private static void requireJson(byte[] body) {
        try {
            JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("a JSON answer that is not JSON: " + e.getMessage(), e);
        }
    }
}
