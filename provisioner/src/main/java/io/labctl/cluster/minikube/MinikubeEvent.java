package io.labctl.cluster.minikube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * One line of {@code minikube start --output=json}: a CloudEvent whose type is {@code io.k8s.sigs.minikube.*}
 * and whose {@code data} holds strings only (minikube's pkg/minikube/out/register). Lines that are not such an
 * event (minikube prints a few plain lines on some paths) parse to empty.
 */
public sealed interface MinikubeEvent {
    String PREFIX = "io.k8s.sigs.minikube.";
    ObjectMapper JSON = new ObjectMapper();

    /** A step of the start sequence: "[3/12] Starting control plane node...". */
    record Step(int current, int total, String name, String message) implements MinikubeEvent {
        public String display() {
            return "[" + current + "/" + total + "] " + message.strip();
        }
    }

    /** A fatal error; minikube exits with {@code exitCode} after printing it. */
    record Error(int exitCode, String message, String advice) implements MinikubeEvent {
    }

    /** info, warning, download and download.progress events. */
    record Note(String kind, String message) implements MinikubeEvent {
    }

    static Optional<MinikubeEvent> parse(String line) {
        if (line == null || !line.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        String type = event.path("type").asText("");
        if (!type.startsWith(PREFIX)) {
            return Optional.empty();
        }
        JsonNode data = event.path("data");
        String kind = type.substring(PREFIX.length());
        return Optional.of(switch (kind) {
            case "step" -> new Step(number(data, "currentstep"), number(data, "totalsteps"), data.path("name").asText(""),
                    data.path("message").asText(""));
            case "error" -> new Error(number(data, "exitcode"), data.path("message").asText("").strip(),
                    data.path("advice").asText("").strip());
            case "download", "download.progress" -> new Note(kind, data.path("artifact").asText("")
                    + (data.has("progress") ? " " + data.path("progress").asText() : ""));
            default -> new Note(kind, data.path("message").asText("").strip());
        });
    }

    /** minikube writes every number as a string ("3"); a missing one is 0. */
    private static int number(JsonNode data, String field) {
        try {
            return Integer.parseInt(data.path(field).asText("0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
