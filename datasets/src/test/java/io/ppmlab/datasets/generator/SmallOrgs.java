package io.ppmlab.datasets.generator;

import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;

import java.util.ArrayList;
import java.util.List;

/** Reduced-scale generations shared by the generator tests. */
final class SmallOrgs {
    static final Schema SCHEMA = SchemaLoader.loadDefault();

    private SmallOrgs() {}

    /** The limits profile cut down: 40 projects, 12 resources, 1 year, 7 business units, 60 users. */
    static Knobs small(long seed) {
        return Knobs.none().withProjects(40).withResources(12).withYears(1).withBusinessUnits(7).withUsers(60).withSeed(seed);
    }

    static Collected collect(String profile, Knobs knobs) {
        List<Row> rows = new ArrayList<>();
        OrganisationGenerator.Generation g = OrganisationGenerator.prepare(profile, knobs, SCHEMA);
        GenerationResult result = g.run(rows::add);
        return new Collected(g, result, rows);
    }

    record Collected(OrganisationGenerator.Generation generation, GenerationResult result, List<Row> rows) {
        List<Row> rows(String table) { return rows.stream().filter(r -> r.table().equals(table)).toList(); }
    }
}
