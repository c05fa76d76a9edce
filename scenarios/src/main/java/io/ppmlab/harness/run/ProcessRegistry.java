package io.ppmlab.harness.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The processes a run started, killed by a shutdown hook on Ctrl-C or any exit, so that none is left running. */
public final class ProcessRegistry {
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

    public ProcessRegistry() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::killAll, "lab-cleanup"));
    }

    public Process track(Process p) {
        processes.add(p);
        return p;
    }

    public <T extends AutoCloseable> T track(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    public void killAll() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort: the process is killed below or was gone
            }
        }
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
