package io.labctl.spark.access;

import io.labctl.core.Durations;
import io.labctl.core.ShellQuoting;
import io.labctl.spark.standalone.SparkLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plain kubectl (and minikube) commands behind {@code spark ui}, {@code spark logs} and {@code spark shell},
 * printed next to labctl's own output so that students learn the Kubernetes way.
 */
public final class AccessKubectl {
    private AccessKubectl() {
    }

    /** How to open the same UI by hand, on {@code localPort}. Empty when nothing needs forwarding. */
    public static List<String> ui(UiTarget target, int localPort, Optional<String> minikubeProfile) {
        if (!target.forwarded()) {
            return List.of();
        }
        String ns = target.namespace();
        List<String> commands = new ArrayList<>();
        if (target.kind() == SparkUi.Kind.MASTER) {
            String svc = SparkLabels.masterService(target.cluster());
            commands.add("kubectl port-forward -n " + ns + " svc/" + svc + " " + localPort + ":" + target.podPort()
                    + "   # then open http://localhost:" + localPort);
            minikubeProfile.ifPresent(profile -> commands.add("minikube service -p " + profile + " -n " + ns + " " + svc
                    + " --url   # the NodePort URLs: the second one is the UI (port " + target.podPort() + ")"));
        } else {
            commands.add("kubectl port-forward -n " + ns + " pod/" + target.pod() + " " + localPort + ":" + target.podPort()
                    + "   # then open http://localhost:" + localPort);
        }
        return commands;
    }

    /**
     * The {@code kubectl logs} line for the same pods: one pod by name, else a label selector with {@code --prefix}
     * (and {@code --tail=-1}, because kubectl shows only 10 lines per pod by default with a selector).
     */
    public static String logs(LogRequest request, Optional<String> pod) {
        StringBuilder line = new StringBuilder("kubectl logs -n " + request.namespace());
        if (pod.isPresent()) {
            line.append(" pod/").append(pod.get()).append(" --prefix");
        } else {
            String components = request.selection() == LogRequest.Selection.MASTER ? "=" + SparkLabels.MASTER
                    : " in (" + SparkLabels.MASTER + "," + SparkLabels.WORKER + ")";
            line.append(" -l ").append(ShellQuoting.quote(SparkLabels.INSTANCE + "=" + request.cluster() + ","
                    + SparkLabels.COMPONENT + components)).append(" --prefix");
            if (request.selection() == LogRequest.Selection.ALL) {
                line.append(" --max-log-requests=20"); // with -f, kubectl follows at most 5 pods unless told
            }
            if (request.tail() == null) {
                line.append(" --tail=-1");
            }
        }
        if (request.follow()) {
            line.append(" -f");
        }
        if (request.since() != null) {
            line.append(" --since=").append(Durations.format(request.since()));
        }
        if (request.tail() != null) {
            line.append(" --tail=").append(request.tail());
        }
        return line.toString();
    }

    /**
     * A throwaway pod with the same shell, as {@code kubectl run} makes it: {@code -it} attaches the terminal,
     * {@code --rm} deletes the pod when the shell exits, and the pod's own address is the driver's.
     */
    public static String shell(String namespace, String podName, String image, List<String> shell, String masterUrl) {
        String inPod = ShellQuoting.command(shell) + " --master " + masterUrl
                + " --conf spark.driver.host=$(hostname -i) --conf spark.driver.bindAddress=0.0.0.0";
        return "kubectl run -n " + namespace + " " + podName + " -it --rm --restart=Never --image=" + image
                + " -- bash -c " + ShellQuoting.quote(inPod);
    }
}
