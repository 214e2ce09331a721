package io.labctl.grading.files;

import io.labctl.grading.checks.CheckTarget;
import io.labctl.grading.checks.CheckType;

import java.util.List;

/** The check types that grade a submission folder, as lab files name them in {@code type:}. */
public final class FileCheckTypes {
    private FileCheckTypes() {
    }

    public static List<CheckType> all() {
        return List.of(
                // Exercise 2: the base image starts from the OS the lab names (ubuntu:22.04).
                new CheckType("dockerfile-base-image", CheckTarget.FILES,
                        "a Dockerfile starts FROM the required OS image (ubuntu:22.04)", DockerfileBaseImageCheck::new),
                // Exercise 2: Java is installed by the student, in the right version.
                new CheckType("dockerfile-java", CheckTarget.FILES,
                        "the base image installs OpenJDK of the required version (11)", DockerfileJavaCheck::new),
                // Exercise 2: Hadoop and Spark are extracted where the lab says (one check per component).
                new CheckType("dockerfile-under-opt", CheckTarget.FILES,
                        "a component (hadoop, spark) is installed under /opt", DockerfileUnderOptCheck::new),
                // Exercise 2: master and worker images are built on the base, not from scratch or Docker Hub.
                new CheckType("dockerfile-from-base", CheckTarget.FILES,
                        "the master and worker images are built FROM the student's base image",
                        DockerfileFromBaseCheck::new),
                // Exercises 2-3: latest would make Kubernetes ignore the image loaded into the cluster.
                new CheckType("images-pinned", CheckTarget.FILES,
                        "no FROM or container image is untagged or :latest", ImagesPinnedCheck::new),
                // Exercise 3: the manifests parse at all.
                new CheckType("yaml-valid", CheckTarget.FILES,
                        "every submitted YAML file parses", YamlValidCheck::new),
                // Exercise 3: the objects asked for exist (two Deployments, one Service).
                new CheckType("yaml-kinds", CheckTarget.FILES,
                        "the YAML has at least the required number of objects of each kind", YamlKindsCheck::new),
                // Exercise 3: two workers.
                new CheckType("yaml-replicas", CheckTarget.FILES,
                        "the Deployment of a role declares the required replicas", YamlReplicasCheck::new),
                // Exercise 3: the master's 7077 is declared and exposed inside and outside the cluster.
                new CheckType("yaml-spark-ports", CheckTarget.FILES,
                        "port 7077: declared by the master, in a Service, reachable from outside",
                        YamlSparkPortsCheck::new),
                // Exercise 3: selectors match their pods; the master Service selects the master only.
                new CheckType("yaml-selectors", CheckTarget.FILES,
                        "Deployment and Service selectors match the intended pod labels", YamlSelectorsCheck::new),
                // Exercise 3: the service-link pitfall (a Service named spark-master breaks Spark).
                new CheckType("yaml-service-links", CheckTarget.FILES,
                        "no Service name injects a variable Spark misreads (SPARK_MASTER_PORT)",
                        YamlServiceLinksCheck::new),
                // Exercise 3: the commented version of the YAML.
                new CheckType("yaml-commented", CheckTarget.FILES,
                        "a commented copy of the YAML is submitted", YamlCommentedCheck::new),
                // Exercise 3: the API server would accept the objects (server-side dry-run, or the OpenAPI schema).
                new CheckType("yaml-api-valid", CheckTarget.FILES,
                        "the API server would accept every object: fields, types, required fields, names (--validate-on"
                                + " CONTEXT asks a real one; else Kubernetes 1.34's OpenAPI schema)",
                        YamlApiValidCheck::new),
                // Exercise 3: the objects find each other as the cluster would resolve them (Services, spark://, config).
                new CheckType("yaml-references", CheckTarget.FILES,
                        "every reference resolves: Service selectors and targetPorts, spark://HOST:PORT, ConfigMaps,"
                                + " Secrets, claims, ServiceAccounts; images no Dockerfile builds are warned about",
                        YamlReferencesCheck::new),
                // Exercise 3: the commented copy says what the applied YAML does (one object, one truth).
                new CheckType("yaml-copies-agree", CheckTarget.FILES,
                        "copies of one object in several files (the commented copy) set the same fields",
                        YamlCopiesCheck::new),
                // Exercises 2-4: the report answers each question.
                new CheckType("report-sections", CheckTarget.FILES,
                        "the report answers each of the lab's questions", ReportSectionsCheck::new));
    }
}
