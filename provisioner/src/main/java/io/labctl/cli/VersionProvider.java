package io.labctl.cli;

import io.labctl.core.LabctlVersion;
import io.labctl.spark.standalone.SparkImages;
import picocli.CommandLine.IVersionProvider;

/** {@code labctl --version}: labctl's version (from the build), the Spark version it deploys, and the JVM. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "labctl " + LabctlVersion.get(),
            "Spark " + SparkImages.SPARK_VERSION + " (default images " + SparkImages.MASTER + ", " + SparkImages.WORKER + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
