package io.labctl.grading.files;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.CheckType;
import io.labctl.grading.checks.GradingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reference submission in a temporary folder, as a good student hands it in: the project's own
 * Dockerfiles (base, master, worker), a student-style spark.yaml with its commented copy, and a report.md
 * answering exercises 2 to 4. It passes every check of {@link #LAB} with full points; tests change one
 * thing and assert which check notices.
 */
final class SubmissionFixture {
    /** One check of the lab: its type and params. */
    record LabCheck(String type, Map<String, Object> params) {
    }

    static final List<Map<String, Object>> SECTIONS = List.of(
            section("Build the images", "docker build", "building the images"),
            section("Launch the cluster", "launch"),
            section("Scale with kubectl apply", "with kubectl apply"),
            section("Scale with kubectl only", "kubectl only", "just kubectl"),
            section("Destroy the cluster", "destroy"),
            section("Two Spark clusters", "two spark clusters", "coexist", "co-exist"),
            section("Storage", "storage"));

    /** The checks of the lab as a lab file would list them, by label (after SECTIONS, which it uses). */
    static final Map<String, LabCheck> LAB = lab();

    /** A base Dockerfile as students write it: one stage, apt-get, wget, tar and mv, no SPARK_HOME. */
    static final String STUDENT_BASE = """
            FROM ubuntu:22.04
            RUN apt-get update && \\
                apt-get install -y openjdk-11-jdk wget python3 && \\
                rm -rf /var/lib/apt/lists/*
            # Hadoop
            RUN wget -q https://archive.apache.org/dist/hadoop/common/hadoop-3.3.6/hadoop-3.3.6.tar.gz && \\
                tar -xzf hadoop-3.3.6.tar.gz -C /opt && \\
                mv /opt/hadoop-3.3.6 /opt/hadoop && rm hadoop-3.3.6.tar.gz
            # Spark
            RUN wget -q https://archive.apache.org/dist/spark/spark-3.5.7/spark-3.5.7-bin-hadoop3.tgz && \\
                tar -xzf spark-3.5.7-bin-hadoop3.tgz -C /opt && \\
                mv /opt/spark-3.5.7-bin-hadoop3 /opt/spark
            ENV JAVA_HOME=/usr/lib/jvm/java-11-openjdk-amd64
            """;

    static final String YAML = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: spark-master
              labels:
                app: spark
                component: master
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: spark
                  component: master
              template:
                metadata:
                  labels:
                    app: spark
                    component: master
                spec:
                  containers:
                    - name: spark-master
                      image: labctl/spark-master:3.5.7
                      imagePullPolicy: IfNotPresent
                      ports:
                        - containerPort: 7077
                        - containerPort: 8080
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: spark-worker
              labels:
                app: spark
                component: worker
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: spark
                  component: worker
              template:
                metadata:
                  labels:
                    app: spark
                    component: worker
                spec:
                  containers:
                    - name: spark-worker
                      image: labctl/spark-worker:3.5.7
                      imagePullPolicy: IfNotPresent
                      env:
                        - name: SPARK_MASTER_URL
                          value: spark://spark-master-svc:7077
                      ports:
                        - containerPort: 8081
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: spark-master-svc
            spec:
              type: NodePort
              selector:
                app: spark
                component: master
              ports:
                - name: rpc
                  port: 7077
                  targetPort: 7077
                - name: ui
                  port: 8080
                  targetPort: 8080
            """;

    // What the commented copy explains, put above every line equal to the key (indentation kept).
    private static final Map<String, String> COMMENTS = Map.of(
            "kind: Deployment", "A Deployment keeps the asked number of identical pods running.",
            "replicas: 1", "Exactly one master: workers register with it.",
            "replicas: 2", "Two workers, as the lab asks; kubectl scale changes this.",
            "selector:", "Which pods this object manages or sends traffic to: must match the pod labels.",
            "imagePullPolicy: IfNotPresent", "The image is loaded into the cluster, not pulled from a registry.",
            "- containerPort: 7077", "The master's RPC port, where workers and drivers connect.",
            "kind: Service", "A stable name and address in front of the master pod.",
            "type: NodePort", "NodePort: reachable from outside the cluster too (minikube service list).");

    static final String REPORT = """
            # Lab 3 part 2: Spark on Kubernetes

            ## Exercise 2: building the images

            The base image (base/Dockerfile) starts from ubuntu:22.04, installs OpenJDK 11 and unpacks Hadoop
            and Spark in /opt. The master and worker images are built FROM it:

            ```
            # the base first, then the two roles on top of it
            docker build -t labctl/spark-base:3.5.7 base
            docker build -t labctl/spark-master:3.5.7 --build-arg BASE_IMAGE=labctl/spark-base:3.5.7 master
            docker build -t labctl/spark-worker:3.5.7 --build-arg BASE_IMAGE=labctl/spark-base:3.5.7 worker
            minikube image load labctl/spark-master:3.5.7 labctl/spark-worker:3.5.7
            ```

            ## Exercise 3: launching the cluster

            `kubectl apply -f spark.yaml` creates the master and worker Deployments and the master's Service;
            `minikube service spark-master-svc --url` prints the address of port 7077 from the host.

            ## Exercise 4

            ### Scaling with kubectl apply

            Change `replicas: 2` to `replicas: 3` in spark.yaml and run `kubectl apply -f spark.yaml` again;
            the master's web UI then shows three alive workers.

            ### Scaling with kubectl only

            `kubectl scale deployment/spark-worker --replicas=3`, and `--replicas=1` to scale down.

            ### Destroying the cluster

            `kubectl delete -f spark.yaml` removes both Deployments and the Service.

            ### Two Spark clusters

            Two Spark clusters can coexist: deploy the second one in its own namespace
            (`kubectl create namespace team-b && kubectl apply -n team-b -f spark.yaml`), where its
            Service and selectors only see its own pods.

            ### Storage

            Pods lose their files when they restart: input data and results belong on a PersistentVolume
            (hostPath on minikube, Ceph RBD or CephFS through Rook on a real cluster) mounted in every worker.
            """;

    final Path dir;

    private SubmissionFixture(Path dir) {
        this.dir = dir;
    }

    /** Writes the reference submission into an empty folder. */
    static SubmissionFixture reference(Path dir) {
        SubmissionFixture fixture = new SubmissionFixture(dir);
        Path dockerfiles = repoRoot().resolve("dockerfiles");
        for (String role : List.of("base", "master", "worker")) {
            fixture.write(role + "/Dockerfile", read(dockerfiles.resolve(role).resolve("Dockerfile")));
        }
        fixture.writeYaml(YAML);
        fixture.write("report.md", REPORT);
        return fixture;
    }

    /** The folder holding {@code dockerfiles/}, found from the working directory (the module or the root). */
    static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("dockerfiles"))) {
                return p;
            }
        }
        throw new IllegalStateException("no dockerfiles/ above " + Path.of("").toAbsolutePath());
    }

    SubmissionFixture write(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes spark.yaml and its commented copy, spark-commented.yaml, with the same objects. */
    SubmissionFixture writeYaml(String yaml) {
        write("spark.yaml", yaml);
        return write("spark-commented.yaml", commented(yaml));
    }

    /** Replaces text that must be there (a fixture that silently changes nothing tests nothing). */
    SubmissionFixture replace(String relative, String from, String to) {
        String text = read(dir.resolve(relative));
        assertThat(text).as(relative).contains(from);
        return write(relative, text.replace(from, to));
    }

    /** The same replacement in spark.yaml and its commented copy. */
    SubmissionFixture replaceInYaml(String from, String to) {
        assertThat(YAML).contains(from);
        return writeYaml(read(dir.resolve("spark.yaml")).replace(from, to));
    }

    /**
     * The line (1-based) of a submitted file that starts with the text: tests on the project's own
     * Dockerfiles name lines without breaking when a comment above them changes.
     */
    int line(String relative, String start) {
        List<String> lines = read(dir.resolve(relative)).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(relative + " has no line starting with " + start);
    }

    SubmissionFixture delete(String relative) {
        try {
            Files.delete(dir.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the check of the given type from its params (validating them) and runs it on this folder. */
    CheckOutcome run(String type, Map<String, Object> params) {
        CheckType checkType = FileCheckTypes.all().stream().filter(t -> t.name().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check type " + type));
        GradingContext context = GradingContext.of(null, "no cluster in unit tests", Submission.read(dir), null);
        return checkType.factory().apply(new CheckParams("test.yaml: " + type, params)).evaluate(context);
    }

    CheckOutcome run(String type) {
        return run(type, Map.of());
    }

    /** Runs one check of {@link #LAB} by label. */
    CheckOutcome runLab(String label) {
        LabCheck check = LAB.get(label);
        return run(check.type(), check.params());
    }

    /** The checks of {@link #LAB} that did not pass, by label. */
    Map<String, CheckOutcome> notPassed() {
        Map<String, CheckOutcome> failed = new LinkedHashMap<>();
        LAB.keySet().forEach(label -> {
            CheckOutcome outcome = runLab(label);
            if (outcome.status() != CheckStatus.PASSED) {
                failed.put(label, outcome);
            }
        });
        return failed;
    }

    private static Map<String, LabCheck> lab() {
        Map<String, LabCheck> lab = new LinkedHashMap<>();
        for (String type : List.of("dockerfile-base-image", "dockerfile-java", "dockerfile-from-base", "images-pinned",
                "yaml-valid", "yaml-kinds", "yaml-spark-ports", "yaml-selectors", "yaml-service-links",
                "yaml-commented", "yaml-references", "yaml-copies-agree", "yaml-api-valid")) {
            lab.put(type, new LabCheck(type, Map.of()));
        }
        lab.put("dockerfile-under-opt(hadoop)", new LabCheck("dockerfile-under-opt", Map.of("component", "hadoop")));
        lab.put("dockerfile-under-opt(spark)", new LabCheck("dockerfile-under-opt", Map.of("component", "spark")));
        lab.put("yaml-replicas", new LabCheck("yaml-replicas", Map.of("role", "worker", "replicas", 2)));
        lab.put("report-sections", new LabCheck("report-sections", Map.of("sections", SECTIONS)));
        return lab;
    }

    static Map<String, Object> section(String title, String... keywords) {
        return Map.of("title", title, "keywords", List.of(keywords));
    }

    private static String commented(String yaml) {
        return "# Spark standalone cluster for lab 3: one master, two workers, and the master's Service.\n"
                + yaml.lines().map(line -> {
                    String comment = COMMENTS.get(line.strip());
                    String indent = line.substring(0, line.length() - line.stripLeading().length());
                    return comment == null ? line : indent + "# " + comment + "\n" + line;
                }).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
