package io.ppmlab.emulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the emulator jar: {@code java -jar emulator.jar <command>}. */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "ppm-lab 0.1.0",
        description = "Dataverse Web API emulator and load-test lab for a PPM product.",
        subcommands = {ServeCommand.class, TrainCommand.class, GenerateCommand.class, MeterCommand.class, CommandLine.HelpCommand.class})
public final class LabCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new LabCommand()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
