package io.labctl.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads HTTP endpoints of pods through the API server's proxy subresource
 * ({@code /api/v1/namespaces/NS/pods/POD:PORT/proxy/PATH}). This works from any machine that can
 * reach the API server, on every provider, without port-forwards or host networking; it needs the
 * {@code get} permission on {@code pods/proxy}.
 */
public final class ApiServerProxy {
    private static final long TIMEOUT_SECONDS = 10;

    private final KubernetesClient client;

    public ApiServerProxy(KubernetesClient client) {
        this.client = client;
    }

    /**
     * GETs {@code path} from {@code port} of the pod. Returns empty when the pod does not answer yet
     * (connection refused, 503 from the proxy, timeout); throws for anything else.
     */
    public Optional<String> getFromPod(String namespace, String pod, int port, String path) {
        String url = base() + "api/v1/namespaces/" + encode(namespace) + "/pods/" + encode(pod) + ":" + port
                + "/proxy" + (path.startsWith("/") ? path : "/" + path);
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
                .uri(url).timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).build();
        try {
            HttpResponse<String> response = client.getHttpClient().sendAsync(request, String.class)
                    .get(TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
            if (response.isSuccessful()) {
                return Optional.ofNullable(response.body());
            }
            if (response.code() == 503 || response.code() == 502 || response.code() == 500) {
                // The proxy answers 5xx while the process in the pod is not listening yet.
                return Optional.empty();
            }
            throw new ProxyException(response.code(), url, response.body());
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw KubeErrors.translate(e.getCause(), client.getMasterUrl().toString(), "GET " + url);
        }
    }

    private String base() {
        String master = client.getMasterUrl().toString();
        return master.endsWith("/") ? master : master + "/";
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    /** The proxy answered with an unexpected HTTP status (403 for a missing pods/proxy permission). */
    public static final class ProxyException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;

        ProxyException(int code, String url, String body) {
            super("HTTP " + code + " from " + url + (body == null ? "" : ": " + body.lines().findFirst().orElse("")));
            this.code = code;
        }

        public int code() {
            return code;
        }
    }
}
