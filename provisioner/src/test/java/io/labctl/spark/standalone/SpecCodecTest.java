package io.labctl.spark.standalone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. */
class SpecCodecTest {

    @Test
    void roundTrip_givesTheSameSpec() {
        SparkClusterSpec spec = TestSpecs.exposed(Expose.none, null);

        assertThat(SpecCodec.fromJson(SpecCodec.toJson(spec), "test")).isEqualTo(spec);
    }

    @Test
    void fromJson_readsWhatLabctl01Recorded_withUpperCaseEnums() {
        String recorded = "{\"name\":\"spark-a\",\"namespace\":\"lab\",\"workers\":2,\"workerCores\":1,\"workerMemory\":\"1g\","
                + "\"workerCpuRequest\":\"250m\",\"masterImage\":\"labctl/spark-master:3.5.7\",\"workerImage\":"
                + "\"labctl/spark-worker:3.5.7\",\"expose\":\"NODEPORT\",\"nodePort\":null,\"nodeSelector\":{},\"tolerations\":[]}";

        assertThat(SpecCodec.fromJson(recorded, "test")).isEqualTo(TestSpecs.defaults());
    }
}
