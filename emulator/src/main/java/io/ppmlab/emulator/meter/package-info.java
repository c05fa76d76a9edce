/**
 * The storage meter: per table, the bytes the store holds and the Dataverse database quota the same rows would
 * take, from a stated SQL Server row-size model ({@link io.ppmlab.emulator.meter.RowSizeModel} over the layout of
 * {@link io.ppmlab.emulator.meter.TableLayout}); and the capacity quota per resource-year
 * ({@link io.ppmlab.emulator.meter.StorageMeter#measure}). Depends on the {@code Store} interface only.
 */
package io.ppmlab.emulator.meter;
