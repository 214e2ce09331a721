package io.labctl.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's mock API server (expectations first, then the CRUD store, like {@code @EnableKubernetesMockClient(crud =
 * true)}) that also takes server-side apply, which the CRUD store of kubernetes-server-mock 7.7.0 does not: it answers
 * an apply PATCH with 404 when the object is absent and 415 (Unsupported Media Type) when it exists.
 *
 * <p>What is emulated, and only that: an apply creates the object when it is absent and merges into it (RFC 7386 JSON
 * merge patch: lists are replaced, where real server-side apply merges some lists by key) when it exists; an apply that changes nothing keeps the resourceVersion, as the real API server does (what
 * makes labctl's "unchanged" and a second deploy a no-op); an apply without {@code fieldManager} is refused with 422,
 * as the real one refuses it. Field ownership, conflicts and the removal of fields a manager stopped applying are NOT
 * emulated: the test bed's ITs prove those on a real API server.
 */
public final class ServerSideApplyMock {
    private static final String APPLY_CONTENT_TYPE = "application/apply-patch+yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerSideApplyMock() {
    }

    /** A started server on a free loopback port (plain HTTP); stop it with {@code destroy()} after closing its clients. */
    public static KubernetesMockServer start() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(JSON), new MockWebServer(),
                responses, new ApplyingDispatcher(responses), false);
        server.init();
        return server;
    }

    private static final class ApplyingDispatcher extends Dispatcher {
        private final Map<ServerRequest, Queue<ServerResponse>> responses;
        private final MockDispatcher expectations;
        private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());

        ApplyingDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
            this.responses = responses;
            this.expectations = new MockDispatcher(responses);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            Queue<ServerResponse> expected = responses.get(new SimpleRequest(request.method(), request.getPath()));
            if (expected != null && !expected.isEmpty()) {
                return expectations.dispatch(request);
            }
            if (request.method() == HttpMethod.PATCH && isApply(request)) {
                synchronized (this) { // the read-compare-write below must not interleave with another apply
                    return apply(request);
                }
            }
            return crud.dispatch(request);
        }

        @Override
        public void shutdown() {
            expectations.shutdown();
            crud.shutdown();
        }

        private static boolean isApply(RecordedRequest request) {
            String type = request.getHeader("Content-Type");
            return type != null && type.startsWith(APPLY_CONTENT_TYPE);
        }

        private MockResponse apply(RecordedRequest request) {
            URI uri = URI.create(request.getPath());
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            if (!("&" + query).contains("&fieldManager=")) {
                return new MockResponse().setResponseCode(422)
                        .setBody(status(422, "Invalid", "fieldManager: Required value: is required for apply patch"));
            }
            String path = uri.getRawPath();
            JsonNode applied = readTree(YAML, request.getUtf8Body()); // YAML by its content type; JSON is YAML too
            var current = crud.findResource(crud.getKey(path));
            if (current == null) {
                String collection = path.substring(0, path.lastIndexOf('/'));
                return crud.handleCreate(new RecordedRequest(request.getHttpVersion(), HttpMethod.POST, collection,
                        jsonHeaders(), new Buffer().writeUtf8(applied.toString())));
            }
            JsonNode before = readTree(JSON, current.getValue());
            JsonNode merged = mergePatch(before.deepCopy(), applied);
            if (merged.equals(before)) {
                return new MockResponse().setResponseCode(200).setBody(current.getValue());
            }
            return crud.handleUpdate(new RecordedRequest(request.getHttpVersion(), HttpMethod.PUT, path, jsonHeaders(),
                    new Buffer().writeUtf8(merged.toString())));
        }

        /**
         * RFC 7386 JSON merge patch: objects merge field by field, null removes, anything else (lists included)
         * replaces. Not the CRUD store's own merge, which appends lists (the ports of a Service twice).
         */
        private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
            if (!patch.isObject() || !target.isObject()) {
                return patch;
            }
            ObjectNode result = (ObjectNode) target;
            patch.properties().forEach(field -> {
                if (field.getValue().isNull()) {
                    result.remove(field.getKey());
                } else {
                    JsonNode existing = result.get(field.getKey());
                    result.set(field.getKey(), existing == null ? field.getValue() : mergePatch(existing, field.getValue()));
                }
            });
            return result;
        }

        private static JsonNode readTree(ObjectMapper mapper, String text) {
            try {
                return mapper.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Headers jsonHeaders() {
            return Headers.builder().add("Content-Type", "application/json").build();
        }

        private static String status(int code, String reason, String message) {
            ObjectNode status = JSON.createObjectNode();
            status.put("apiVersion", "v1").put("kind", "Status").put("status", "Failure").put("code", code)
                    .put("reason", reason).put("message", message);
            return status.toString();
        }
    }
}
