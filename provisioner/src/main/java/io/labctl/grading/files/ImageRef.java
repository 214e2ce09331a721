package io.labctl.grading.files;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference as written in a FROM line or a pod's {@code image:}, split into
 * repository, tag and digest. The repository is normalized the way Docker Hub resolves it
 * ({@code docker.io/library/ubuntu} is {@code ubuntu}), so references compare as images, not as text.
 *
 * @param reference  the reference as written (after ARG substitution)
 * @param repository lower case, without the Docker Hub registry and {@code library/}
 * @param tag        the tag, or null when untagged
 * @param digest     the digest ({@code sha256:...}), or null
 */
public record ImageRef(String reference, String repository, String tag, String digest) {

    /** What kind of image a FROM names: the lab wants its own base built on an OS image. */
    public enum Kind {
        /** A bare operating system (ubuntu, debian, ...): what the base image starts from. */
        OS,
        /** An image that already carries Java: the lab asks students to install it themselves. */
        JAVA,
        /** A public image that already carries Spark: the lab asks students to build their own. */
        SPARK,
        /** Anything else, most likely the student's own base image. */
        OTHER
    }

    private static final Set<String> OS_IMAGES = Set.of("ubuntu", "debian", "alpine", "centos", "fedora",
            "rockylinux", "almalinux", "amazonlinux", "oraclelinux", "archlinux", "opensuse/leap", "busybox");
    private static final Set<String> JAVA_IMAGES = Set.of("openjdk", "eclipse-temurin", "amazoncorretto",
            "adoptopenjdk", "ibmjava", "ibm-semeru-runtimes", "sapmachine", "azul/zulu-openjdk");
    private static final Set<String> SPARK_IMAGES = Set.of("spark", "apache/spark", "apache/spark-py",
            "apache/spark-r", "bitnami/spark", "gcr.io/spark-operator/spark", "gcr.io/spark-operator/spark-py",
            "jupyter/pyspark-notebook", "jupyter/all-spark-notebook", "datamechanics/spark");
    // Big Data Europe's spark-base, spark-master, spark-worker: the images most tutorials use.
    private static final String SPARK_IMAGE_FAMILY = "bde2020/spark-";

    // Ubuntu and Debian publish the same image under a version and a code name (22.04 and jammy).
    private static final Map<String, String> CODE_NAMES = Map.of("jammy", "22.04", "focal", "20.04",
            "noble", "24.04", "bionic", "18.04", "bookworm", "12", "bullseye", "11", "buster", "10");
    // Dated tags (jammy-20240125) are snapshots of the release the name before the date stands for.
    private static final Pattern DATED_TAG = Pattern.compile("(.+)-\\d{8}(?:\\.\\d+)?");
    private static final String LATEST = "latest";

    public static ImageRef parse(String reference) {
        String rest = reference.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        // A colon before the last slash belongs to a registry port (localhost:5000/spark), not a tag.
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageRef(reference.trim(), normalize(rest), tag, digest);
    }

    private static String normalize(String repository) {
        String r = repository.toLowerCase(Locale.ROOT);
        for (String hub : new String[] {"docker.io/", "index.docker.io/", "registry-1.docker.io/"}) {
            if (r.startsWith(hub)) {
                r = r.substring(hub.length());
            }
        }
        return r.startsWith("library/") ? r.substring("library/".length()) : r;
    }

    /** Still contains a build argument that has no default ({@code FROM ${BASE}}): cannot be judged. */
    public boolean unresolved() {
        return reference.contains("$");
    }

    /** The image a FROM line names to start from nothing: not an image at all. */
    public boolean scratch() {
        return repository.equals("scratch");
    }

    /** A digest or a tag other than {@code latest}: the same reference gives the same image tomorrow. */
    public boolean pinned() {
        return digest != null || (tag != null && !tag.equals(LATEST));
    }

    public Kind kind() {
        if (OS_IMAGES.contains(repository)) {
            return Kind.OS;
        }
        if (JAVA_IMAGES.contains(repository)) {
            return Kind.JAVA;
        }
        if (SPARK_IMAGES.contains(repository) || repository.startsWith(SPARK_IMAGE_FAMILY)) {
            return Kind.SPARK;
        }
        return Kind.OTHER;
    }

    /**
     * This reference names the {@code required} image: same repository, the same release (a code name
     * or dated tag of it counts), and the same digest when {@code required} names one.
     */
    public boolean isImage(ImageRef required) {
        return repository.equals(required.repository)
                && (required.tag == null || release(required.tag).equals(release(tag)))
                && (required.digest == null || required.digest.equals(digest));
    }

    private static String release(String tag) {
        if (tag == null) {
            return LATEST;
        }
        String t = tag.toLowerCase(Locale.ROOT);
        Matcher dated = DATED_TAG.matcher(t);
        if (dated.matches()) {
            t = dated.group(1);
        }
        return CODE_NAMES.getOrDefault(t, t);
    }

    @Override
    public String toString() {
        return reference;
    }
}
