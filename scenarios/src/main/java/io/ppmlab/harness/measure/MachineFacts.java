package io.ppmlab.harness.measure;

import io.ppmlab.harness.run.Machine;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;
import java.util.Locale;

/**
 * The machine a measurement ran on, so a reader can judge its noise: a 1-minute load average above the processor
 * count means the figures were taken while other work competed for the CPUs.
 *
 * @param physicalMemoryBytes -1 when the JVM does not say
 * @param loadAverage1m       from {@code /proc/loadavg}, else the OS bean; -1 when neither says
 */
public record MachineFacts(int processors, long maxHeapBytes, long physicalMemoryBytes, String javaVersion, String javaVm,
                           String os, double loadAverage1m) {

    public static MachineFacts now() {
        OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        long physical = bean instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), physical,
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), currentLoadAverage());
    }

    /** The 1-minute load average now ({@link Machine#loadAverage()}), -1 where the system does not say. */
    public static double currentLoadAverage() {
        List<Double> load = Machine.loadAverage();
        return load.isEmpty() ? -1 : load.get(0);
    }

    public String toText() {
        return String.format(Locale.ROOT, "machine: %d processors, %,d MB memory, max heap %,d MB, Java %s (%s), %s, load average %.2f (1 min)",
                processors, physicalMemoryBytes >> 20, maxHeapBytes >> 20, javaVersion, javaVm, os, loadAverage1m);
    }
}
