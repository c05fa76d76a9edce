package io.ppmlab.emulator.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One parser serves every request thread; the shared Olingo EDM and the cache must hold up. */
class UriParserConcurrencyTest {
    @Test void parsesTheSameAndDifferentUrlsFromManyThreads() throws Exception {
        UriParser parser = new UriParser(ServiceModel.of(TestSchema.SCHEMA), 64);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int n = i % 100;
                results.add(pool.submit(() -> parser.parse("sensei_projects", Urls.query(
                        "$filter", "statecode eq " + n + " and _sensei_program_value eq '" + Urls.ID + "'",
                        "$expand", "sensei_program($select=sensei_name)")).options().toCanonicalString()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo("$filter=((statecode eq " + (i % 100)
                        + ") and (_sensei_program_value eq " + Urls.ID + "));$expand=sensei_program($select=sensei_name)");
            }
        } finally {
            pool.shutdown();
        }
    }
}
