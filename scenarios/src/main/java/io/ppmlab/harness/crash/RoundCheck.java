package io.ppmlab.harness.crash;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The check after a restart: reads every crash project's plan back over the Web API and judges it. A project the
 * round saved must show that save whole if it was acknowledged, whole or absent if it was under way at the kill;
 * every other project must hold exactly what the book says. The book is then updated with what was found.
 */
final class RoundCheck {
    /** @param inFlightOutcome null when no save was under way at the kill */
    record Result(SaveOutcome inFlightOutcome, List<String> problems) {
        Result {
            problems = List.copyOf(problems);
        }
    }

    private RoundCheck() {}

    /** What the client saw that is already wrong before anything is read back: a refusal, a wrong count, not SIGKILL. */
    static List<String> windowProblems(PlanGrid grid, List<PlanSave> saves, SaveWindow window) {
        List<String> problems = new ArrayList<>();
        if (window.refusal() != null) problems.add(window.refusal());
        if (window.exitStatus() != ChildEmulator.KILLED_BY_SIGKILL) {
            problems.add("the emulator process ended with status " + window.exitStatus() + ", not " + ChildEmulator.KILLED_BY_SIGKILL + " (SIGKILL)");
        }
        for (int i = 0; i < window.acknowledged(); i++) {
            String problem = replyProblem(grid, saves.get(i), window.replies().get(i));
            if (problem != null) problems.add(problem);
        }
        return problems;
    }

    /** A save's 200 must count every cell as created (new plan) or updated (re-save); null when it does. */
    static String replyProblem(PlanGrid grid, PlanSave save, String reply) {
        JsonNode json = new WebApiClient.Reply(200, reply).json();
        return json.path(save.replyCountField()).asInt() == grid.cells() ? null
                : save + " was answered " + json + ", not " + grid.cells() + " rows " + save.replyCountField();
    }

    /**
     * Reads every project and judges it.
     *
     * @param sent         the first {@code sent} of {@code saves} reached the server, or may have
     * @param acknowledged the first {@code acknowledged} were answered 200
     * @param inFlight     index of the save under way at the kill, or -1
     */
    static Result run(WebApiClient client, String token, PlanGrid grid, PlanBook book, List<PlanSave> saves, int sent, int acknowledged,
                      int inFlight) {
        List<String> problems = new ArrayList<>();
        Map<UUID, Integer> reached = new HashMap<>();
        for (int i = 0; i < sent; i++) reached.put(saves.get(i).project(), i);
        SaveOutcome inFlightOutcome = null;
        for (UUID project : book.projects()) {
            PlanReading found = read(client, token, grid, project);
            Integer i = reached.get(project);
            if (i == null) {
                if (!found.equals(book.expected(project))) {
                    problems.add("project " + project + " changed with no save sent to it: expected " + book.expected(project) + ", found " + found);
                }
            } else {
                PlanSave s = saves.get(i);
                SaveOutcome outcome = SaveOutcome.judge(found, s.before(), s.after());
                if (i < acknowledged) {
                    if (outcome != SaveOutcome.WHOLE) problems.add("acknowledged " + s + " is " + outcome + " after the restart: " + found);
                } else if (i == inFlight) {
                    inFlightOutcome = outcome;
                    if (outcome == SaveOutcome.MIXED) problems.add(s + ", under way at the kill, is MIXED after the restart: " + found);
                } else if (outcome != SaveOutcome.ABSENT) {
                    problems.add(s + " was refused but is " + outcome + ": " + found);
                }
            }
            book.record(project, found);
        }
        return new Result(inFlightOutcome, problems);
    }

    /** A project's demand rows, as one plan load of the product reads them (one query, pages of 5,000). */
    static PlanReading read(WebApiClient client, String token, PlanGrid grid, UUID project) {
        List<PlanReading.DemandRow> rows = new ArrayList<>();
        for (JsonNode r : client.readAll(token, "sensei_resourcedemands?$select=sensei_hours,sensei_date,_sensei_bookableresource_value"
                + "&$filter=_sensei_project_value%20eq%20" + project)) {
            JsonNode hours = r.path("sensei_hours");
            rows.add(new PlanReading.DemandRow(UUID.fromString(r.path("_sensei_bookableresource_value").asText()),
                    LocalDate.parse(r.path("sensei_date").asText()), hours.isNumber() ? hours.decimalValue() : null));
        }
        return PlanReading.of(grid, rows);
    }
}
