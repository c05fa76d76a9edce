package io.ppmlab.emulator.security;

/**
 * A share and its place in the model's order, the tie-break when several shares grant the same right. A full load
 * numbers shares in the order it reads them; a share added later takes the next number, a share changed in place
 * keeps its own.
 */
public record OrderedShare(long order, Share share) {}
