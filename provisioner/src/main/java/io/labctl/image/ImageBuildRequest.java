package io.labctl.image;

import io.labctl.core.LabctlException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What to build (see dockerfiles/base/Dockerfile for the meaning of each build argument). Null means the
 * Dockerfile's default. Local tarballs switch the build to {@code SOURCES=local}: nothing is downloaded.
 *
 * @param osPackages   null keeps the Dockerfile's package list; "" installs none (an offline base that has them)
 * @param devicePlugin the device-plugin/ directory (Dockerfile + built jar) to build labctl's device plugin image, or null
 */
public record ImageBuildRequest(Path dockerfiles, ImageNames names, String sparkVersion, String hadoopVersion,
                                String baseImage, Path sparkTarball, Path hadoopTarball, String sparkSha512,
                                String hadoopSha512, String osPackages, Path devicePlugin) {

    /** Checks everything that can be checked before a build starts; throws a usage error naming the option. */
    public ImageBuildRequest validate() {
        if (!Files.isRegularFile(dockerfiles.resolve("base/Dockerfile"))) {
            throw LabctlException.usage(dockerfiles + " has no base/Dockerfile", "pass --dockerfiles DIR of a labctl checkout");
        }
        requireVersion("--spark-version", sparkVersion, "3\\.5\\.\\d+", "3.5.7");
        requireVersion("--hadoop-version", hadoopVersion, "3\\.3\\.\\d+", "3.3.6");
        if ((sparkTarball == null) != (hadoopTarball == null)) {
            throw LabctlException.usage("--spark-tgz and --hadoop-tgz go together (a local build downloads nothing)",
                    "pass both files, or neither to download them from Apache");
        }
        requireTarball("--spark-tgz", sparkTarball, "spark-" + sparkVersionOrDefault() + "-bin-hadoop3.tgz");
        requireTarball("--hadoop-tgz", hadoopTarball, "hadoop-" + hadoopVersionOrDefault() + ".tar.gz");
        requireSha512("--spark-sha512", sparkSha512);
        requireSha512("--hadoop-sha512", hadoopSha512);
        if (devicePlugin != null && !Files.isRegularFile(devicePlugin.resolve("target/labctl-device-plugin.jar"))) {
            throw LabctlException.precondition("the device plugin's jar is not built (" + devicePlugin.resolve("target")
                    + ")", "build it with ./mvnw -pl device-plugin package, or pass --no-device-plugin");
        }
        if (baseImage != null && (baseImage.endsWith(":latest") || !baseImage.contains(":") && !baseImage.contains("@"))) {
            throw LabctlException.usage("--base-image '" + baseImage + "' has no explicit tag",
                    "pin it, e.g. ubuntu:22.04 (labctl never builds on latest)");
        }
        return this;
    }

    public boolean local() {
        return sparkTarball != null;
    }

    public String sparkVersionOrDefault() {
        return sparkVersion == null ? "3.5.7" : sparkVersion;
    }

    public String hadoopVersionOrDefault() {
        return hadoopVersion == null ? "3.3.6" : hadoopVersion;
    }

    private static void requireVersion(String option, String value, String pattern, String example) {
        if (value != null && !value.matches(pattern)) {
            throw LabctlException.usage(option + " '" + value + "' is not supported",
                    "the lab uses " + pattern.replace("\\", "").replace("d+", "x") + ", e.g. " + example);
        }
    }

    private static void requireTarball(String option, Path file, String expectedName) {
        if (file == null) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw LabctlException.usage(option + " " + file + " does not exist", "download " + expectedName + " first");
        }
        if (!file.getFileName().toString().equals(expectedName)) {
            throw LabctlException.usage(option + " " + file.getFileName() + " does not match the version (expected "
                    + expectedName + ")", "pass the matching --spark-version/--hadoop-version, or the right file");
        }
    }

    private static void requireSha512(String option, String value) {
        if (value != null && !value.matches("[0-9a-fA-F]{128}")) {
            throw LabctlException.usage(option + " is not a SHA-512 (128 hex digits)",
                    "copy it from the .sha512 file Apache publishes beside the tarball");
        }
    }
}
