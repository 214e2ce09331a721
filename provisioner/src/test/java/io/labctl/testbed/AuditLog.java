package io.labctl.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The API server's audit log (JSON lines, one event per stage). Tests use it to prove what a command
 * did and did not write, and to count its requests.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One completed request. */
    public record Event(Instant received, String verb, String user, String userAgent, String resource,
                        String subresource, String namespace, String name, int code, String requestUri) {
        public boolean isWrite() {
            return List.of("create", "update", "patch", "delete", "deletecollection").contains(verb);
        }

        public boolean fromLabctl() {
            return userAgent != null && userAgent.startsWith("labctl/");
        }
    }

    private final Path file;

    AuditLog(Path file) {
        this.file = file;
    }

    /** Completed requests received at or after {@code since}. */
    public List<Event> since(Instant since) {
        List<Event> events = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                JsonNode e = JSON.readTree(line);
                if (!"ResponseComplete".equals(e.path("stage").asText())) {
                    continue;
                }
                Instant received = Instant.parse(e.path("requestReceivedTimestamp").asText());
                if (received.isBefore(since)) {
                    continue;
                }
                JsonNode ref = e.path("objectRef");
                events.add(new Event(received, e.path("verb").asText(), e.path("user").path("username").asText(),
                        e.path("userAgent").asText(null), ref.path("resource").asText(null),
                        ref.path("subresource").asText(null), ref.path("namespace").asText(null),
                        ref.path("name").asText(null), e.path("responseStatus").path("code").asInt(),
                        e.path("requestURI").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    public List<Event> since(Instant since, Predicate<Event> filter) {
        return since(since).stream().filter(filter).toList();
    }
}
