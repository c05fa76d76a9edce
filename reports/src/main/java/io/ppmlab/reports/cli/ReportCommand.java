package io.ppmlab.reports.cli;

import io.ppmlab.reports.html.ReportWriter;
import io.ppmlab.reports.results.UnusableInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lab report <folder>...}: report.html next to one run's results.json, or a comparison of several runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes report.html next to results.json (one folder), or a comparison report of several folders.",
                "Exit 0 written, 2 unusable input."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FOLDER", description = "results folders (or their results.json)")
    List<Path> folders;

    @Option(names = "--out", description = "where a comparison report goes (default target/lab-runs/compare-<time>/report.html)")
    Path out;

    @Override
    public Integer call() {
        ReportWriter writer = new ReportWriter();
        try {
            Path written;
            if (folders.size() == 1) {
                written = writer.single(folders.get(0));
            } else {
                Path target = out != null ? out : LabRoot.find().resolve("target/lab-runs/compare-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))).resolve(ReportWriter.FILE);
                written = writer.comparison(folders, target);
            }
            System.out.println("report: " + written.toAbsolutePath());
            return 0;
        } catch (UnusableInput e) {
            System.err.println("unusable input: " + e.getMessage());
            return 2;
        }
    }
}
