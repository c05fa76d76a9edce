package io.ppmlab.emulator.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
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

    /** The 1-minute load average now. */
    public static double currentLoadAverage() {
        try {
            String line = Files.readString(Path.of("/proc/loadavg")).trim();
            return Double.parseDouble(line.substring(0, line.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            double fromBean = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return fromBean < 0 ? -1 : fromBean;
        }
    }

    public String toText() {
        return String.format(Locale.ROOT, "machine: %d processors, %,d MB memory, max heap %,d MB, Java %s (%s), %s, load average %.2f (1 min)",
                processors, physicalMemoryBytes >> 20, maxHeapBytes >> 20, javaVersion, javaVm, os, loadAverage1m);
    }
}
