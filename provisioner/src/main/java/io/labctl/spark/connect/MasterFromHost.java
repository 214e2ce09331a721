package io.labctl.spark.connect;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.labctl.core.Progress;
import io.labctl.kube.KubeErrors;
import io.labctl.spark.standalone.ClusterEndpoints;
import io.labctl.spark.standalone.SparkPorts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;

/**
 * The master's RPC port as this machine reaches it: the NodePort at a node's address when a node answers there,
 * otherwise a port-forward to the master pod through the API server, kept open while the job runs.
 *
 * @param url     spark://HOST:PORT for the driver on this machine
 * @param forward the port-forward to close when the job is done, when one was needed
 */
record MasterFromHost(String url, Optional<LocalPortForward> forward) implements AutoCloseable {
    /** A NodePort either answers at once or is filtered; a student should not wait for a slow "no". */
    static final int CONNECT_MILLIS = 1500;

    static MasterFromHost open(KubernetesClient client, ClusterEndpoints endpoints, Pod masterPod, Progress progress) {
        for (String candidate : endpoints.fromHost()) {
            URI uri = URI.create(candidate);
            if (answers(uri.getHost(), uri.getPort())) {
                progress.note("the master answers from here at " + candidate + " (NodePort)");
                return new MasterFromHost(candidate, Optional.empty());
            }
        }
        String pod = masterPod.getMetadata().getName();
        LocalPortForward forward = KubeErrors.call(client, () -> client.pods().inNamespace(masterPod.getMetadata()
                .getNamespace()).withName(pod).portForward(SparkPorts.SPARK_RPC_PORT), "port-forward to " + pod);
        String url = "spark://127.0.0.1:" + forward.getLocalPort();
        progress.note((endpoints.fromHost().isEmpty() ? "no NodePort" : "no node answers on the NodePort from here")
                + "; forwarding " + url + " to pod " + pod + ":" + SparkPorts.SPARK_RPC_PORT + " while the job runs"
                + " (kubectl port-forward -n " + masterPod.getMetadata().getNamespace() + " pod/" + pod + " "
                + forward.getLocalPort() + ":" + SparkPorts.SPARK_RPC_PORT + ")");
        return new MasterFromHost(url, Optional.of(forward));
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        forward.ifPresent(f -> {
            try {
                f.close();
            } catch (IOException ignored) {
                // the job is over; a half-closed forward dies with the process
            }
        });
    }
}
