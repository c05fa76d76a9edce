package io.ppmlab.harness;

import io.ppmlab.harness.crash.CrashCommand;
import io.ppmlab.harness.fuzz.FuzzCommand;
import io.ppmlab.harness.measure.MeasureCommand;
import io.ppmlab.harness.run.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The harness: everything that acts as a client of the emulator or measures it ({@code ./lab run}, {@code measure}, {@code crash}, {@code fuzz}). */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "ppm-lab harness 0.1.0",
        description = "Load-test harness of the PPM Dataverse lab: runs persona scenarios against the emulator and judges the documented limits.",
        subcommands = {RunCommand.class, MeasureCommand.class, CrashCommand.class, FuzzCommand.class, CommandLine.HelpCommand.class})
public final class HarnessMain implements Runnable {
    public static void main(String[] args) {
        System.exit(new CommandLine(new HarnessMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
