package io.ppmlab.emulator.product;

import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.store.Store;

/**
 * Whether the product's subscription is active: the lab setting {@code lab_subscriptionEnded} (a configuration
 * setting row an administrator writes with the plain Web API) set to {@code true} ends it. Then the product's own
 * actions refuse with the message and the address users are sent to, while the data stays and the plain Web API
 * keeps serving it, as Dataverse would with the product's access removed.
 */
public final class Subscription {
    public static final String SETTING = "lab_subscriptionEnded";
    /** Where the product sends users once access is removed (the vendor's web site). */
    public static final String REDIRECT = "https://www.senseiprojectsolutions.com";
    public static final String MESSAGE = "Your Sensei IQ subscription has ended and access to the Sensei IQ application has been removed. "
            + "Your data remains in place in Microsoft Dataverse. Please contact your Sensei representative to renew. Redirecting to " + REDIRECT;

    private final ConfigurationSettings settings;

    public Subscription(Store store) { this.settings = new ConfigurationSettings(store); }

    public boolean active() { return !settings.value(SETTING).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false); }

    /** Throws the product's refusal (403) once the subscription has ended. */
    public void require() {
        if (!active()) throw ErrorCode.SUBSCRIPTION_ENDED.error(MESSAGE);
    }
}
