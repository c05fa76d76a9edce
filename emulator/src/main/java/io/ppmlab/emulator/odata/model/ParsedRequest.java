package io.ppmlab.emulator.odata.model;

/** A request URL turned into our own model: what it addresses and how to shape the answer. */
public record ParsedRequest(ResourcePath path, QueryOptions options) {}
