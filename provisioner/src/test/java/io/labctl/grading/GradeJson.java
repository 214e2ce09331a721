package io.labctl.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A `labctl grade --format json` report as tests read it. */
record GradeJson(JsonNode root) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static GradeJson parse(String json) {
        try {
            return new GradeJson(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON report: " + json, e);
        }
    }

    double score() {
        return root.get("score").asDouble();
    }

    double maxScore() {
        return root.get("maxScore").asDouble();
    }

    boolean gradable() {
        return root.get("gradable").asBoolean();
    }

    JsonNode check(String id) {
        for (JsonNode c : root.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + root.toPrettyString());
    }

    /** Points lost per check id, for checks that lost any. */
    Map<String, Double> lost() {
        Map<String, Double> lost = new TreeMap<>();
        for (JsonNode c : root.get("checks")) {
            double l = c.get("maxPoints").asDouble() - c.get("points").asDouble();
            if (l > 0.001) {
                lost.put(c.get("id").asText(), Math.round(l * 100) / 100.0);
            }
        }
        return lost;
    }

    /** id -> status, observed, hint: what an assertion failure should print. */
    Map<String, String> explain() {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode c : root.get("checks")) {
            if (!"passed".equals(c.get("status").asText())) {
                out.put(c.get("id").asText(), c.get("status").asText() + " | " + c.get("observed").asText() + " | "
                        + c.path("hint").asText());
            }
        }
        return out;
    }
}
