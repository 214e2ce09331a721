package io.labctl.spark.standalone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;

/** JSON form of a {@link SparkClusterSpec}, as stored in the master Deployment's annotation. */
public final class SpecCodec {
    // Case-insensitive enums: clusters deployed by labctl 0.1 recorded "expose":"NODEPORT".
    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .build();

    private SpecCodec() {
    }

    public static String toJson(SparkClusterSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new LabctlException(ExitCode.INTERNAL, "cannot encode the cluster spec: " + e.getMessage(), null, e);
        }
    }

    public static SparkClusterSpec fromJson(String json, String where) {
        try {
            return JSON.readValue(json, SparkClusterSpec.class);
        } catch (JsonProcessingException e) {
            throw LabctlException.precondition("the " + SparkLabels.SPEC_ANNOTATION + " annotation on " + where
                    + " is not valid (" + e.getOriginalMessage() + ")", "redeploy the cluster with `labctl spark deploy`");
        }
    }
}
