/**
 * The lab's own measurements of resourcing, run by {@code lab measure}: the capacity fill of a horizon
 * ({@link io.ppmlab.emulator.measure.CapacityFill}) and the 45 resource-year plan save over HTTP against raw store
 * applies of the same rows ({@link io.ppmlab.emulator.measure.PlanSaveBench}). Each returns a result record that
 * prints as a text table and as JSON, with the machine facts a reader needs to judge the noise.
 */
package io.ppmlab.emulator.measure;
