package io.ppmlab.emulator.product.status;

import io.ppmlab.emulator.odata.ProductOperations;
import io.ppmlab.emulator.operations.WriteRules;
import io.ppmlab.emulator.operations.actions.ActionRouter;
import io.ppmlab.emulator.product.ReadAs;
import io.ppmlab.emulator.product.Subscription;
import io.ppmlab.emulator.product.WriteAs;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * Status updates, wired once: the panel snapshot as a write rule around the product's others, and the status
 * update actions. Panel queries and the buttons' writes go through the Web API as the calling user.
 */
public final class StatusUpdates {
    /** {@code productActive} is false once the subscription has ended. */
    public record Wiring(Schema schema, Clock clock, ReadAs reads, WriteAs writes, BooleanSupplier productActive) {}

    private final Wiring w;
    private final Table table;
    private final PanelSettings settings;
    private final PanelTimings timings = new PanelTimings();
    private final PanelCalculator calculator;

    public StatusUpdates(Wiring w) {
        this.w = w;
        this.table = w.schema().table(StatusUpdateRules.TABLE).orElseThrow();
        this.settings = new PanelSettings(table);
        this.calculator = new PanelCalculator(w.reads(), w.clock(), table, timings);
    }

    /** {@code rules} plus the snapshot of a created status update, reading parents and settings from {@code over}. */
    public WriteRules around(WriteRules rules, Store over) {
        return new StatusUpdateRules(rules, over, settings, calculator, w.productActive());
    }

    /**
     * Registers the actions; they act through the Web API, so {@code store} only locates parents and settings.
     * With the subscription ended they refuse.
     */
    public ActionRouter register(ActionRouter router, Store store, Subscription subscription) {
        ActionRouter.UnboundAction guard = (caller, request) -> {
            subscription.require();
            return null;
        };
        StatusUpdateActions a = new StatusUpdateActions(store, w.reads(), w.writes(), settings, timings, w.clock());
        return router.with(ProductOperations.DUPLICATE_STATUS_UPDATE, guarded(guard, a::duplicate))
                .with(ProductOperations.CLEAR_STATUS_UPDATE, guarded(guard, a::clear))
                .with(ProductOperations.GET_STATUS_UPDATE_PANELS, guarded(guard, a::panels))
                .with(ProductOperations.GET_STATUS_UPDATE_PANEL_TIMINGS, a::timings);
    }

    /** {@code guard} runs first and throws to refuse. */
    private static ActionRouter.UnboundAction guarded(ActionRouter.UnboundAction guard, ActionRouter.UnboundAction action) {
        return (caller, request) -> {
            guard.call(caller, request);
            return action.call(caller, request);
        };
    }
}
