package io.ppmlab.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.store.RowCodec;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The storage encoding choice: the hand-packed {@link RowCodec} against Jackson JSON of the same row
 * (a demo project: 20-odd columns incl. lookups, money, dates). Time per encode/decode in ns; the
 * encoded sizes are printed at set-up. Run: {@code java -jar benchmarks/target/benchmarks.jar RowEncoding}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dchronicle.analytics.disable=true")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class RowEncodingBenchmark {
    private RowCodec codec;
    private Row row;
    private byte[] packed;
    private byte[] json;
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Setup
    public void setUp() throws Exception {
        DemoSecurity demo = new DemoSecurity();
        Table table = demo.schema.table("sensei_project").orElseThrow();
        row = demo.store.get("sensei_project", DemoOrganisation.recordId("sensei_project", "IT Project 1")).orElseThrow();
        codec = new RowCodec(table);
        packed = codec.encode(row);
        json = mapper.writeValueAsBytes(asJson(row));
        System.out.printf("%nencoded sizes of one project row: packed %d bytes, JSON %d bytes%n", packed.length, json.length);
    }

    private static Map<String, Object> asJson(Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.values().forEach((k, v) -> out.put(k, v instanceof io.ppmlab.schema.EntityRef r ? Map.of("table", r.table(), "id", r.id()) : v));
        return out;
    }

    @Benchmark
    public byte[] packedEncode() { return codec.encode(row); }

    @Benchmark
    public Row packedDecode() { return codec.decode(row.id(), packed); }

    @Benchmark
    public byte[] jsonEncode() throws Exception { return mapper.writeValueAsBytes(asJson(row)); }

    @Benchmark
    public Map<?, ?> jsonDecode() throws Exception { return mapper.readValue(json, Map.class); }
}
