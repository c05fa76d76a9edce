/**
 * The lab's own measurements of resourcing, run by {@code lab measure}: the capacity fill of a horizon
 * ({@link io.ppmlab.harness.measure.CapacityFill}) and the 45 resource-year plan save over HTTP against raw store
 * applies of the same rows ({@link io.ppmlab.harness.measure.PlanSaveBench}). Each returns a result record that
 * prints as a text table and as JSON, with the machine facts a reader needs to judge the noise. They run the
 * emulator in this JVM, as a library: the plan save reads back the rows a save wrote from the server's own store.
 */
package io.ppmlab.harness.measure;
