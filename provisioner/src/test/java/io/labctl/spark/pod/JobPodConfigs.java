package io.labctl.spark.pod;

import java.util.List;
import java.util.Map;

/** Test-config factory with defaults for the job pod steps. */
final class JobPodConfigs {
    private JobPodConfigs() {
    }

    static JobPodConfig defaults() {
        return new JobPodConfig("spark-a-job-x2b4c", "lab", Map.of("app.kubernetes.io/instance", "spark-a"),
                "labctl/spark-master:3.5.7", "spark://spark-a-master-svc.lab.svc:7077", "labctl-spark-a-pi",
                "org.apache.spark.examples.JavaSparkPi", "/opt/spark/examples/jars/spark-examples.jar", List.of("10"),
                Map.of("spark.executor.memory", "1024m"), 512, false);
    }

    static JobPodConfig uploaded() {
        JobPodConfig d = defaults();
        return new JobPodConfig(d.podName(), d.namespace(), d.labels(), d.image(), d.masterUrl(), d.appName(), null,
                JobPodConfig.UPLOAD_DIR + "/wordcount.py", List.of("in.txt"), Map.of(), d.driverMemoryMib(), true);
    }

    /** A shell pod: the application is the shell program, no main class, no arguments. */
    static JobPodConfig shell(String program) {
        JobPodConfig d = defaults();
        return new JobPodConfig("spark-a-shell-x2b4c", d.namespace(), d.labels(), d.image(), d.masterUrl(),
                "labctl-spark-a-" + program, null, program, List.of(), d.conf(), d.driverMemoryMib(), false);
    }
}
