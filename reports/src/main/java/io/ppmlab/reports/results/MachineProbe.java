package io.ppmlab.reports.results;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The facts of this machine that a reader needs to judge a timing: cores, memory, Java, OS, load average now. */
public final class MachineProbe {
    private MachineProbe() {}

    public static Run.Machine now(List<Double> loadAtStart) {
        var bean = ManagementFactory.getOperatingSystemMXBean();
        Long memory = bean instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : null;
        return new Run.Machine(Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), loadAtStart, loadAverage());
    }

    /** The 1, 5 and 15-minute load averages from /proc/loadavg; the 1-minute one from the OS bean elsewhere. */
    public static List<Double> loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < 3; i++) out.add(Double.parseDouble(parts[i]));
            return out;
        } catch (Exception e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return one < 0 ? List.of() : List.of(one);
        }
    }
}
