package io.labctl.cli.spark;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.labctl.cli.Cli;
import io.labctl.cli.OutputFormat;
import io.labctl.core.LabctlException;
import io.labctl.kube.KubeSession;
import io.labctl.kube.Namespaces;
import io.labctl.spark.standalone.SparkClusterSpec;
import io.labctl.spark.standalone.StandaloneManifests;
import io.labctl.spark.standalone.StandaloneScaler;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --dry-run} of deploy and scale prints: the objects labctl would apply. YAML (also for -o text: a dry
 * run's result is the manifest itself) keeps the templates' comments; -o json gives a List. Either can be given to
 * {@code kubectl apply -f} and does the same.
 */
final class SparkDryRun {
    private SparkDryRun() {
    }

    /** Deploy: the Namespace first when labctl would create it, so the output also applies on a fresh cluster. */
    static void printDeploy(Cli cli, SparkClusterSpec clusterSpec) {
        List<HasMetadata> extra = new ArrayList<>();
        String namespace = clusterSpec.namespace();
        if (!Namespaces.isBuiltIn(namespace)) {
            try (KubeSession session = cli.connect()) {
                Namespaces.wouldCreate(session.client(), namespace).ifPresent(extra::add);
            } catch (LabctlException e) {
                cli.progress().note("cannot tell whether namespace " + namespace + " exists (" + e.getMessage()
                        + "); the YAML includes it, without labctl's created-by mark");
                extra.add(Namespaces.unmarked(namespace));
            }
        }
        print(cli, clusterSpec, extra);
    }

    /** Scale re-applies the cluster's recorded spec with the new count: that, and from how many it would go. */
    static void printScale(Cli cli, StandaloneScaler.ScalePlan plan) {
        SparkClusterSpec wanted = plan.wanted();
        cli.progress().note("dry run: " + wanted.name() + " would go from " + plan.currentWorkers() + " to "
                + wanted.workers() + " workers; nothing was changed");
        print(cli, wanted, List.of());
    }

    private static void print(Cli cli, SparkClusterSpec clusterSpec, List<HasMetadata> extra) {
        StandaloneManifests manifests = new StandaloneManifests();
        if (cli.options().output() == OutputFormat.json) {
            List<HasMetadata> items = new ArrayList<>(extra);
            items.addAll(manifests.render(clusterSpec).inApplyOrder());
            cli.print(new KubernetesListBuilder().withItems(items).build(), (list, style) -> "");
        } else {
            cli.out().print(manifests.toYaml(clusterSpec, extra));
            cli.out().flush();
        }
    }
}
