package io.ppmlab.reports;

import io.ppmlab.reports.cli.BenchCommand;
import io.ppmlab.reports.cli.GateCommand;
import io.ppmlab.reports.cli.ReportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The reports program: {@code report}, {@code gate} and {@code bench}, fronted by {@code ./lab}. */
@Command(name = "lab", mixinStandardHelpOptions = true, subcommands = {ReportCommand.class, GateCommand.class, BenchCommand.class},
        description = "Reports, the CI capacity gate and JMH runs of the PPM Dataverse lab.")
public final class ReportsMain implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with usage errors mapped to exit 2 (unusable input), as the gate documents. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ReportsMain());
        cl.setExitCodeExceptionMapper(e -> 2);
        return cl;
    }
}
