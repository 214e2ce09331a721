package io.labctl.image;

import io.labctl.core.LabctlException;
import io.labctl.spark.standalone.SparkImages;

import java.util.List;

/** The three images labctl builds, all with one explicit tag: the base, and master and worker built FROM it. */
public record ImageNames(String tag) {
    public static final String BASE_REPOSITORY = "labctl/spark-base";
    public static final String MASTER_REPOSITORY = "labctl/spark-master";
    public static final String WORKER_REPOSITORY = "labctl/spark-worker";
    /** labctl's device plugin has its own version; its image is built FROM the base like master and worker. */
    public static final String DEVICE_PLUGIN = "labctl/device-plugin:0.1.0";

    public ImageNames {
        if (tag == null || !tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
            throw LabctlException.usage("--tag '" + tag + "' is not a valid image tag",
                    "use letters, digits, '.', '-' or '_', e.g. " + SparkImages.SPARK_VERSION);
        }
        if (tag.equals("latest")) {
            throw LabctlException.usage("--tag latest is refused",
                    "use an explicit version tag: with 'latest' Kubernetes pulls every time and ignores loaded images");
        }
    }

    public String base() {
        return BASE_REPOSITORY + ":" + tag;
    }

    public String master() {
        return MASTER_REPOSITORY + ":" + tag;
    }

    public String worker() {
        return WORKER_REPOSITORY + ":" + tag;
    }

    public List<String> all() {
        return List.of(base(), master(), worker());
    }
}
