package io.ppmlab.harness.sim;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.ppmlab.harness.record.Recorder;
import io.ppmlab.harness.sim.journeys.Admin;
import io.ppmlab.harness.sim.journeys.Integration;
import io.ppmlab.harness.sim.journeys.Journey;
import io.ppmlab.harness.sim.journeys.PmoExecutive;
import io.ppmlab.harness.sim.journeys.PortfolioManager;
import io.ppmlab.harness.sim.journeys.ProjectUser;
import io.ppmlab.harness.sim.journeys.ResourceManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The personas of a suite together, as the harness runs them (one Gatling run, one scenario per persona, the mix of
 * {@link Mix}). The persona simulations ({@code PortfolioManagerSimulation}, ...) are this with one persona.
 * Gatling's own assertion fails the run when any check of any response failed; latency assertions are the harness's
 * (a committed file per suite), so that the verdict table shows them beside the measured figures.
 */
public class SuiteSimulation extends Simulation {
    private final LabConfig config = LabConfig.fromSystemProperties();
    private final Recorder recorder = new Recorder(config.paced() ? config.warmUp() : Duration.ZERO);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lab-progress");
        t.setDaemon(true);
        return t;
    });

    public SuiteSimulation() {
        this(Set.of());
    }

    /** Only the named personas (all when empty). */
    protected SuiteSimulation(Set<String> only) {
        Fixtures fixtures = Fixtures.read(config.fixtures());
        Set<String> chosen = only.isEmpty() ? personasProperty() : only;
        HttpProtocolBuilder protocol = http.baseUrl(config.baseUrl()).acceptHeader("application/json")
                .header("OData-Version", "4.0").header("OData-MaxVersion", "4.0")
                .disableUrlEncoding().disableWarmUp().disableCaching().disableFollowRedirect();
        List<PopulationBuilder> populations = new ArrayList<>();
        for (Mix mix : Mix.of(config.suite())) {
            if (!chosen.isEmpty() && !chosen.contains(mix.persona())) continue;
            Journey journey = journey(mix.persona(), fixtures);
            populations.add(population(journey, mix));
        }
        if (populations.isEmpty()) throw new IllegalStateException("no persona of suite " + config.suite() + " matches " + chosen);
        setUp(populations).protocols(protocol).assertions(global().failedRequests().count().is(0L));
    }

    private Journey journey(String persona, Fixtures fixtures) {
        Api api = new Api(recorder, persona, config.baseUrl());
        Duration think = config.thinkTime();
        boolean saves = !config.paced() && !config.suite().equals("scale");
        return switch (persona) {
            case PortfolioManager.PERSONA -> new PortfolioManager(api, fixtures, think);
            case ProjectUser.PERSONA -> new ProjectUser(api, fixtures, think);
            case PmoExecutive.PERSONA -> new PmoExecutive(api, fixtures, think);
            case ResourceManager.PERSONA -> new ResourceManager(api, fixtures, think, saves);
            case Integration.PERSONA -> new Integration(api, fixtures);
            case Admin.PERSONA -> new Admin(api, fixtures, think);
            default -> throw new IllegalArgumentException("unknown persona " + persona);
        };
    }

    private PopulationBuilder population(Journey journey, Mix mix) {
        var iteration = exec(journey.iteration()).exec(session -> {
            recorder.journey(journey.persona(), session.isFailed());
            return session.markAsSucceeded();
        });
        ScenarioBuilder scenario = scenario(journey.persona()).feed(listFeeder(journey.users()).circular()).exec(journey.signIn());
        if (config.paced()) {
            // Each user holds perUserRate requests per second: one iteration of n requests every n / rate seconds
            // (heavy screens: one iteration per mix.pace()). Users arrive over a ramp, as people sign in over minutes,
            // not in one instant: 100 password sign-ins at once would queue the first seconds behind key derivation.
            Duration pacing = mix.pace() != null ? mix.pace() : Duration.ofMillis(Math.round(journey.requests() * 1000 / config.perUserRate()));
            int users = mix.pacedUsers(config.users());
            Duration ramp = Duration.ofSeconds(Math.max(1, Math.min(10, config.duration().toSeconds() / 6)));
            // Open injection of exactly `users` users, each looping for the duration: a closed "constant concurrent
            // users" profile replaced every user that finished its loop by a new one, which signed in again and ran
            // the run well past --duration.
            if (mix.pace() != null && !config.warmUp().isZero()) {
                // A heavy screen opened once a minute would run only inside the warm-up and never be measured: these
                // users arrive when the warm-up ends (the interactive users have warmed the server by then).
                return scenario.during(config.duration()).on(pace(pacing).exec(iteration))
                        .injectOpen(nothingFor(config.warmUp()), rampUsers(users).during(ramp));
            }
            // the warm-up first, then the measured duration (the recorder keeps the warm-up out of the percentiles)
            return scenario.during(config.warmUp().plus(config.duration())).on(pace(pacing).exec(iteration))
                    .injectOpen(rampUsers(users).during(ramp));
        }
        int users = Math.max(1, mix.users() * Math.max(1, config.users()));
        var journeys = scenario.repeat(mix.iterations() * Math.max(1, config.iterations())).on(iteration);
        return mix.arrivalGap() == null ? journeys.injectOpen(atOnceUsers(users))
                : journeys.injectOpen(rampUsers(users).during(mix.arrivalGap().multipliedBy(users)));
    }

    private static Set<String> personasProperty() {
        String p = System.getProperty("lab.personas", "");
        return p.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(p.split(",")));
    }

    @Override
    public void before() {
        recorder.injectionStarts();
        ticker.scheduleAtFixedRate(() -> recorder.printProgress(System.out), 2, 2, TimeUnit.SECONDS);
    }

    @Override
    public void after() {
        ticker.shutdownNow();
        recorder.printProgress(System.out);
        recorder.write(config.record());
    }
}
