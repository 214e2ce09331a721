package io.labctl.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * Turns what the Kubernetes client throws into one-line messages with the fix, and an exit code.
 * The API server's own words are kept: they usually name the field or permission at fault.
 */
public final class KubeErrors {
    private KubeErrors() {
    }

    /**
     * Runs one request against the client's API server, translating failures; {@code action} names
     * it in the message ("list pods").
     */
    public static <T> T call(KubernetesClient client, Supplier<T> request, String action) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw translate(e, client.getMasterUrl().toString(), action);
        }
    }

    /**
     * Translates any failure of a request against {@code server}. {@code action} says what labctl was
     * doing ("create deployment spark-a-master"), so the message reads as a sentence.
     */
    public static LabctlException translate(Throwable failure, String server, String action) {
        if (failure instanceof LabctlException known) {
            return known;
        }
        if (isUnreachable(failure)) {
            return new LabctlException(ExitCode.UNREACHABLE, "cannot reach the Kubernetes API server at " + server
                    + " (" + unreachableReason(failure) + ")",
                    "is the cluster running? check with `kubectl cluster-info`, or choose another --context",
                    failure);
        }
        KubernetesClientException kce = find(failure, KubernetesClientException.class);
        if (kce != null && kce.getCode() > 0) {
            String reason = kce.getStatus() != null && kce.getStatus().getMessage() != null
                    ? kce.getStatus().getMessage() : rootMessage(kce);
            return switch (kce.getCode()) {
                case 401 -> new LabctlException(ExitCode.FORBIDDEN, "the API server at " + server
                        + " rejected the credentials while trying to " + action,
                        "your kubeconfig credentials expired or are wrong; fetch a fresh kubeconfig", failure);
                case 403 -> new LabctlException(ExitCode.FORBIDDEN, "not allowed to " + action + ": " + reason,
                        "ask the cluster admin for that permission, or use a namespace you own with -n", failure);
                case 404 -> new LabctlException(ExitCode.NOT_FOUND, "not found while trying to " + action + ": "
                        + reason, null, failure);
                case 409 -> new LabctlException(ExitCode.PRECONDITION, "conflict while trying to " + action + ": "
                        + reason, "another tool changed the object; inspect it with kubectl and retry", failure);
                case 422, 400 -> new LabctlException(ExitCode.USAGE, "the API server refused to " + action + ": "
                        + reason, "fix the value it names and retry", failure);
                default -> new LabctlException(ExitCode.INTERNAL, "failed to " + action + " (HTTP " + kce.getCode()
                        + "): " + reason, "retry; with -v labctl prints the full error", failure);
            };
        }
        return new LabctlException(ExitCode.INTERNAL, "failed to " + action + ": " + rootMessage(failure),
                "retry; with -v labctl prints the full error", failure);
    }

    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException || t instanceof HttpTimeoutException || t instanceof SSLException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null
                    && t.getMessage().toLowerCase().contains("connection refused")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the server could not be reached, in words: from the cause's type, since the HTTP clients often leave the
     * message empty ("connection refused", "no answer within the connect timeout", "unknown host x").
     */
    static String unreachableReason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof ConnectException || t instanceof IOException && t.getMessage() != null
                    && t.getMessage().toLowerCase().contains("connection refused")) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host" + (t.getMessage() == null ? "" : " " + t.getMessage());
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t instanceof HttpTimeoutException) {
                return "no answer within the connect timeout";
            }
            if (t instanceof SSLException) {
                return "TLS: " + rootMessage(t);
            }
        }
        return rootMessage(failure);
    }

    /** The innermost non-empty message: usually the most specific one. */
    public static String rootMessage(Throwable failure) {
        String message = failure.toString();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message.lines().findFirst().orElse(message).trim();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
