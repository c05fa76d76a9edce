package io.ppmlab.emulator.resourcing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.datasets.Ids;
import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Resourcing's settings. The product settings are {@code sensei_configurationsetting} rows, so an administrator
 * changes them at run time through the Web API: {@value #HORIZON_KEY} ({@code {"yearsBehind":1,"yearsAhead":3}},
 * written by {@code sensei_SetCapacityHorizon}, which refuses more than 11 years) and {@value #SAVE_LIMIT_KEY}
 * (resource-years per save, e.g. {@code 45}). A missing row means the documented default; a row whose value is
 * not valid (typed in directly) is reported once in the log and the default applies. The lab's own knobs come
 * from system properties or the environment ({@link Knobs}).
 */
public final class ResourcingSettings {
    public static final String TABLE = "sensei_configurationsetting";
    public static final String HORIZON_KEY = "resourceCapacityHorizon";
    public static final String SAVE_LIMIT_KEY = "resourcePlanSaveLimit";
    public static final BigDecimal DEFAULT_SAVE_LIMIT = BigDecimal.valueOf(45);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final Consumer<String> log;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final AtomicReference<CapacityHorizon> lastHorizon = new AtomicReference<>();

    public ResourcingSettings(Store store, Consumer<String> log) {
        this.store = store;
        this.log = log;
    }

    /**
     * The lab's knobs: whether the emulator keeps capacity rows over the horizon itself ({@code -Dlab.capacity.maintain}
     * or {@code LAB_CAPACITY_MAINTAIN}, default true) and how often, in real time, it looks for calendar changes and a
     * new day on the emulator clock ({@code -Dlab.capacity.poll} or {@code LAB_CAPACITY_POLL}, ISO-8601, default PT1S).
     */
    public record Knobs(boolean maintainCapacity, Duration poll) {
        public static final Knobs DEFAULTS = new Knobs(true, Duration.ofSeconds(1));

        public static Knobs from(Function<String, String> properties, Function<String, String> environment) {
            String maintain = first(properties.apply("lab.capacity.maintain"), environment.apply("LAB_CAPACITY_MAINTAIN"));
            String poll = first(properties.apply("lab.capacity.poll"), environment.apply("LAB_CAPACITY_POLL"));
            boolean on = maintain == null || !(maintain.equalsIgnoreCase("false") || maintain.equalsIgnoreCase("off") || maintain.equals("0"));
            Duration every = DEFAULTS.poll();
            if (poll != null) {
                try {
                    every = Duration.parse(poll);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("the capacity poll interval is an ISO-8601 duration such as PT1S, not '" + poll + "'", e);
                }
                if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("the capacity poll interval must be positive: " + poll);
            }
            return new Knobs(on, every);
        }

        private static String first(String a, String b) {
            if (a != null && !a.isBlank()) return a.trim();
            return b == null || b.isBlank() ? null : b.trim();
        }
    }

    /** The id the setting row of {@code key} has when the lab writes it (the demo's convention). */
    public static UUID rowId(String key) { return Ids.of(TABLE, key); }

    /** The configured horizon, or the default (1 behind, 3 ahead). */
    public CapacityHorizon horizon() {
        Optional<String> value = value(HORIZON_KEY);
        CapacityHorizon h = CapacityHorizon.DEFAULT;
        if (value.isPresent()) {
            try {
                JsonNode node = JSON.readTree(value.get());
                if (node == null || !node.path("yearsBehind").canConvertToInt() || !node.path("yearsAhead").canConvertToInt()) {
                    throw new IllegalArgumentException("expected {\"yearsBehind\":<int>,\"yearsAhead\":<int>}");
                }
                h = new CapacityHorizon(node.get("yearsBehind").intValue(), node.get("yearsAhead").intValue());
            } catch (IOException | IllegalArgumentException | DataverseException e) {
                invalid(HORIZON_KEY, value.get(), e.getMessage(), "1 year behind, 3 ahead");
            }
        }
        CapacityHorizon before = lastHorizon.getAndSet(h);
        if (before != null && !before.equals(h)) log.accept("capacity horizon is now " + h.yearsBehind() + " years behind, " + h.yearsAhead() + " ahead");
        return h;
    }

    /** Resource-years one {@code sensei_SaveResourcePlan} may touch. */
    public BigDecimal saveLimit() {
        Optional<String> value = value(SAVE_LIMIT_KEY);
        if (value.isEmpty()) return DEFAULT_SAVE_LIMIT;
        try {
            BigDecimal limit = new BigDecimal(value.get().trim());
            if (limit.signum() <= 0) throw new NumberFormatException("must be positive");
            return limit;
        } catch (NumberFormatException e) {
            invalid(SAVE_LIMIT_KEY, value.get(), e.getMessage(), DEFAULT_SAVE_LIMIT.toPlainString());
            return DEFAULT_SAVE_LIMIT;
        }
    }

    /** The setting row's value: the row the lab writes, else any row of that name (one created through the Web API). */
    Optional<String> value(String key) { return row(key).map(r -> (String) r.get("sensei_value")).filter(v -> !v.isBlank()); }

    Optional<Row> row(String key) {
        Optional<Row> own = store.get(TABLE, rowId(key));
        if (own.isPresent()) return own;
        AtomicReference<Row> found = new AtomicReference<>();
        store.scan(TABLE, r -> {
            if (found.get() == null && key.equalsIgnoreCase(String.valueOf(r.get("sensei_name")))) found.set(r);
        });
        return Optional.ofNullable(found.get());
    }

    private void invalid(String key, String value, String why, String fallback) {
        if (reported.add(key + "=" + value)) {
            log.accept("configuration setting " + key + " = '" + value + "' is not valid (" + why + "); using the default, " + fallback);
        }
    }
}
