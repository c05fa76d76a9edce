package io.ppmlab.emulator.product.status;

import java.util.Collection;

/** The KPI options the product ships, and the Overall roll-up: Troubled if any other is, else On Watch if any is, else On Track. */
final class Kpis {
    static final int ON_TRACK = 955000000;
    static final int ON_WATCH = 955000001;
    static final int TROUBLED = 955000002;

    private Kpis() {}

    static int overall(Collection<Integer> others) {
        if (others.contains(TROUBLED)) return TROUBLED;
        if (others.contains(ON_WATCH)) return ON_WATCH;
        return ON_TRACK;
    }
}
