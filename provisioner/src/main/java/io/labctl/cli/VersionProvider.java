package io.labctl.cli;

import io.labctl.spark.standalone.SparkImages;
import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code labctl --version}: labctl's version (from the build), the Spark version it deploys, and the JVM. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "labctl " + labctlVersion(),
            "Spark " + SparkImages.SPARK_VERSION + " (default images " + SparkImages.MASTER + ", " + SparkImages.WORKER + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    public static String labctlVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/io/labctl/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
