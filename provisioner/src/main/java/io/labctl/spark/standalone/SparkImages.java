package io.labctl.spark.standalone;

import io.labctl.core.LabctlException;

import java.util.regex.Pattern;

/**
 * Default image names (built by {@code labctl image build} from dockerfiles/, or by testbed/images)
 * and validation of image references. Tags are explicit: an untagged or {@code latest} image makes
 * the kubelet pull on every start and ignore the copy loaded onto the node.
 */
public final class SparkImages {
    public static final String SPARK_VERSION = "3.5.7";
    public static final String BASE = "labctl/spark-base:" + SPARK_VERSION;
    public static final String MASTER = "labctl/spark-master:" + SPARK_VERSION;
    public static final String WORKER = "labctl/spark-worker:" + SPARK_VERSION;

    // name components, optional registry host[:port], then :tag and/or @sha256:digest
    private static final Pattern REFERENCE = Pattern.compile(
            "^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                    + "(@sha256:[a-f0-9]{64})?$");

    private SparkImages() {
    }

    /** Throws a usage error unless {@code image} is a valid reference with an explicit, non-latest tag or a digest. */
    public static void requirePinned(String option, String image) {
        if (image == null || image.isBlank() || !REFERENCE.matcher(image).matches()) {
            throw LabctlException.usage(option + " '" + image + "' is not a valid image reference",
                    "use NAME:TAG, e.g. " + MASTER);
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String tag = tagOf(image);
        if (tag == null) {
            throw LabctlException.usage(option + " '" + image + "' has no tag, which means 'latest'",
                    "give an explicit tag, e.g. " + image + ":" + SPARK_VERSION + " (labctl never uses latest)");
        }
        if (tag.equals("latest")) {
            throw LabctlException.usage(option + " '" + image + "' uses the tag 'latest'",
                    "use an explicit version tag: with 'latest' the kubelet pulls every time and ignores loaded images");
        }
    }

    /** The tag of an image reference, or null when there is none. */
    static String tagOf(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(colon + 1) : null;
    }
}
