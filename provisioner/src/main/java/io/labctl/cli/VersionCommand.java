package io.labctl.cli;

import io.labctl.core.LabctlVersion;
import io.labctl.spark.standalone.SparkImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code labctl version}: kubectl's name for what {@code --version} prints, with {@code -o json|yaml} for scripts. */
@Command(name = "version", description = "Print labctl's version, the Spark version it deploys, and the Java it runs on.",
        footerHeading = "%nExamples:%n",
        footer = {"  labctl version", "  labctl version -o json"})
@UsesGlobalOptions({GlobalOptionUse.RESULT})
public final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> version = new LinkedHashMap<>();
        version.put("labctl", LabctlVersion.get());
        version.put("spark", SparkImages.SPARK_VERSION);
        version.put("sparkImages", SparkImages.MASTER + ", " + SparkImages.WORKER);
        version.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        Cli.of(spec).print(version, (v, style) -> String.join("\n", new VersionProvider().getVersion()) + "\n");
        return 0;
    }
}
