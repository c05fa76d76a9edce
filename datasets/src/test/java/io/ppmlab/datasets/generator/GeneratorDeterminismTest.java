package io.ppmlab.datasets.generator;

import org.junit.jupiter.api.Test;

import static io.ppmlab.datasets.generator.SmallOrgs.SCHEMA;
import static io.ppmlab.datasets.generator.SmallOrgs.small;
import static org.assertj.core.api.Assertions.assertThat;

/** Same profile, knobs and seed: the same rows byte for byte (row-stream hash) and the same manifest content. */
class GeneratorDeterminismTest {

    private static Manifest manifest(Knobs knobs) {
        GenerationResult r = OrganisationGenerator.prepare("limits", knobs, SCHEMA).run(row -> {});
        return Manifest.of(r, knobs);
    }

    @Test
    void sameInputsGiveTheSameManifestHash() {
        Manifest a = manifest(small(42));
        Manifest b = manifest(small(42));
        assertThat(a.content().get("rowsSha256")).isEqualTo(b.content().get("rowsSha256"));
        assertThat(a.contentSha256()).isEqualTo(b.contentSha256());
    }

    @Test
    void reusableStrategyIsDeterministicToo() {
        Knobs k = small(42).withTeamStrategy(TeamStrategy.REUSABLE);
        assertThat(manifest(k).contentSha256()).isEqualTo(manifest(k).contentSha256());
    }

    @Test
    void anotherSeedOrStrategyGivesOtherRows() {
        Manifest base = manifest(small(42));
        assertThat(manifest(small(43)).content().get("rowsSha256")).isNotEqualTo(base.content().get("rowsSha256"));
        assertThat(manifest(small(42).withTeamStrategy(TeamStrategy.REUSABLE)).content().get("rowsSha256"))
                .isNotEqualTo(base.content().get("rowsSha256"));
    }

    @Test
    void demoProfileIsDeterministic() {
        String a = OrganisationGenerator.prepare("demo", Knobs.none(), SCHEMA).run(row -> {}).rowsSha256();
        String b = OrganisationGenerator.prepare("demo", Knobs.none(), SCHEMA).run(row -> {}).rowsSha256();
        assertThat(a).isEqualTo(b).hasSize(64);
    }
}
