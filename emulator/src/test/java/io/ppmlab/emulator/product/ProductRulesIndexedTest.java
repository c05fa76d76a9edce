package io.ppmlab.emulator.product;

/** {@link ProductRulesContract} with cascades answered by the query engine's indexes ({@code IndexedStore}). */
class ProductRulesIndexedTest extends ProductRulesContract {
    @Override boolean indexed() { return true; }
}
