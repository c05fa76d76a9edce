package io.ppmlab.harness.run;

import io.ppmlab.schema.SchemaLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up reaches every table an assign or delete may walk, not only those the journeys query. */
class WarmUpTablesTest {
    @Test
    void everyCascadeChildAndEveryTablePointingAtAHeadlineIsWarmed() {
        var tables = RunPoint.cascadeTables(SchemaLoader.loadDefault());
        assertThat(tables).contains("sensei_risk", "sensei_issue", "sensei_changerequest", "sensei_actionitem", "sensei_task",
                "sensei_resourcedemand", "teammembership");
        assertThat(tables).doesNotContain("businessunit", "systemuser");
    }
}
