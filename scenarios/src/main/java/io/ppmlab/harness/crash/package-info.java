/**
 * The kill -9 test of the resource-plan save, end to end: {@link io.ppmlab.harness.crash.PlanSaveCrashLoop}
 * starts a real emulator process, sends large {@code sensei_SaveResourcePlan} saves over HTTP, kills the process
 * with SIGKILL at a random moment, restarts it on the same data directory and reads every plan back over HTTP:
 * each save must be whole or absent, every acknowledged save whole, and the store must open.
 *
 * <p>How the pieces fit: {@code ChildEmulator} runs and kills the process (the server jar, launched by the
 * harness's {@code EmulatorProcess}); {@code CrashFixture} creates the resources, projects and first plans once; {@code PlanBook} knows what
 * each project's plan should hold and picks each round's saves ({@code PlanSave}); {@code SaveSender} sends them
 * while the loop waits to kill; {@code PlanReading} and {@code SaveOutcome} are the pure check (unit-tested
 * without a server); {@code CrashRound} and {@code CrashReport} are what a run found. The store-level twin of
 * this test is the emulator's {@code store/CrashLoop} (its test sources), which kills a writer of raw batches.
 */
package io.ppmlab.harness.crash;
