package io.ppmlab.emulator.product;

/** {@link ProductRulesContract} with cascades answered by table scans. */
class ProductRulesTest extends ProductRulesContract {
    @Override boolean indexed() { return false; }
}
