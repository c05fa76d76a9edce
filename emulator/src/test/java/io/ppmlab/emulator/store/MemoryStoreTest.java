package io.ppmlab.emulator.store;

class MemoryStoreTest extends StoreContract {
    @Override
    protected Store newStore() { return new MemoryStore(TestSchema.standard()); }
}
