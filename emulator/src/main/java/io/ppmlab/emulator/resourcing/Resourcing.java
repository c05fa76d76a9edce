package io.ppmlab.emulator.resourcing;

import io.ppmlab.emulator.odata.ResourcingOperations;
import io.ppmlab.emulator.operations.AccessGuard;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.operations.VersionSequence;
import io.ppmlab.emulator.operations.WriteRules;
import io.ppmlab.emulator.operations.actions.ActionRouter;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Schema;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Resourcing, wired once: capacity kept over the horizon ({@link CapacityService}, in the background unless the
 * lab knob switches it off), and the product's two actions, {@code sensei_SaveResourcePlan} ({@link ResourcePlanSave})
 * and {@code sensei_SetCapacityHorizon}, registered on each action router over the store it writes to (the
 * emulator's store, or a $batch change set's write buffer, so a save inside a change set commits with it).
 */
public final class Resourcing implements AutoCloseable {
    /**
     * What resourcing is built from: {@code store} is the store every writer uses, {@code watch} the
     * {@link CalendarWatch} somewhere under it; {@code dataDir} null keeps the capacity state in memory.
     */
    public record Wiring(Schema schema, Store store, CalendarWatch watch, VersionSequence versions, Clock clock,
                         Path dataDir, ResourcingSettings.Knobs knobs, Consumer<String> log) {}

    private final Wiring w;
    private final ResourcingSettings settings;
    private final CapacityService capacity;

    private Resourcing(Wiring w, ResourcingSettings settings, CapacityService capacity) {
        this.w = w;
        this.settings = settings;
        this.capacity = capacity;
    }

    /** Builds resourcing and, unless switched off, starts keeping capacity in the background. */
    public static Resourcing open(Wiring w) {
        ResourcingSettings settings = new ResourcingSettings(w.store(), w.log());
        Path stateFile = w.dataDir() == null ? null : w.dataDir().resolve("resourcing").resolve("capacity-state.json");
        CapacityService capacity = new CapacityService(new CapacityService.Wiring(w.schema(), w.store(), w.watch(), w.versions(),
                w.clock(), settings, stateFile, w.log()));
        if (w.knobs().maintainCapacity()) capacity.start(w.knobs().poll());
        return new Resourcing(w, settings, capacity);
    }

    /**
     * Registers the resourcing actions on {@code router}, writing through {@code over} with its rules; {@code guards}
     * builds the security guard over a store (the same guard class single writes use).
     */
    public ActionRouter register(ActionRouter router, Store over, Function<Store, AccessGuard> guards, WriteRules rules) {
        ResourcePlanSave plans = plans(over, guards, rules);
        HorizonAction horizon = new HorizonAction(w.schema(), over, new SystemColumns(over, w.clock(), w.versions()), guards.apply(over),
                new ResourcingSettings(over, w.log()), w.clock());
        return router.with(ResourcingOperations.SAVE_RESOURCE_PLAN, plans::handle)
                .with(ResourcingOperations.SET_CAPACITY_HORIZON, horizon::handle);
    }

    /** The resource-plan save over a store (benchmarks and tests call it without HTTP). */
    public ResourcePlanSave plans(Store over, Function<Store, AccessGuard> guards, WriteRules rules) {
        return new ResourcePlanSave(new ResourcePlanSave.Wiring(w.schema(), over, w.versions(), w.clock(), guards, rules, settings));
    }

    public CapacityService capacity() { return capacity; }

    public ResourcingSettings settings() { return settings; }

    @Override
    public void close() { capacity.close(); }
}
