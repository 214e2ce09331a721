package io.labctl.grading.files;

import io.labctl.grading.checks.Check;
import io.labctl.grading.checks.CheckOutcome;
import io.labctl.grading.checks.CheckParams;
import io.labctl.grading.checks.GradingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code dockerfile-java}: the base image installs OpenJDK of the required version (param {@code version},
 * default 11) with the package manager: {@code openjdk-N-jdk}, {@code -jdk-headless}, {@code -jre} or
 * {@code -jre-headless} in a RUN of the base Dockerfile's stage chain (all Dockerfiles when no base is
 * recognized). {@code default-jdk} counts for the Ubuntu releases whose default it is. A base built FROM
 * an image that already carries Java or Spark fails: installing Java is the exercise.
 */
public final class DockerfileJavaCheck implements Check {
    private static final Pattern OPENJDK = Pattern.compile("\\bopenjdk-(\\d+)-(?:jdk|jre)(?:-headless)?\\b");
    private static final Pattern DEFAULT_JAVA = Pattern.compile("\\bdefault-(?:jdk|jre)(?:-headless)?\\b");
    // The OpenJDK that Ubuntu's default-jdk stands for, by release (on 22.04 it is OpenJDK 11).
    private static final Map<String, Integer> UBUNTU_DEFAULT_JAVA = Map.of("18.04", 11, "20.04", 11, "22.04", 11,
            "24.04", 21);

    private final int version;

    public DockerfileJavaCheck(CheckParams params) {
        this.version = params.integer("version", 11);
        params.requireNoUnknown();
    }

    /** A Java package a RUN line installs. */
    private record Install(Dockerfile.Instruction at, String pkg, int version) {
        String describe() {
            return at.file() + ":" + at.line() + " installs " + pkg;
        }
    }

    @Override
    public CheckOutcome evaluate(GradingContext context) {
        Dockerfiles dockerfiles = Dockerfiles.of(Submission.of(context));
        Optional<CheckOutcome> missing = dockerfiles.missing();
        if (missing.isPresent()) {
            return missing.get();
        }
        List<Dockerfile> scope = dockerfiles.base().map(List::of).orElse(dockerfiles.all());
        for (Dockerfile dockerfile : scope) {
            Optional<Dockerfile.Stage> os = dockerfile.osStage();
            if (os.isPresent() && (os.get().image().kind() == ImageRef.Kind.JAVA
                    || os.get().image().kind() == ImageRef.Kind.SPARK)) {
                return CheckOutcome.fail(os.get().describeFrom(), os.get().describeFrom() + " brings its own Java;"
                        + " the lab asks you to install OpenJDK " + version + " yourself on the OS image ("
                        + installHint() + ")");
            }
        }
        List<Install> installs = new ArrayList<>();
        scope.forEach(d -> installs.addAll(installs(d)));
        List<Install> wanted = installs.stream().filter(i -> i.version == version).toList();
        if (!wanted.isEmpty()) {
            return CheckOutcome.pass(describe(wanted));
        }
        if (!installs.isEmpty()) {
            Install other = installs.get(0);
            return CheckOutcome.fail(describe(installs), other.describe() + " (Java " + other.version
                    + "); the lab asks for OpenJDK " + version + ": " + installHint());
        }
        return CheckOutcome.fail("no OpenJDK package installed in "
                        + scope.stream().map(Dockerfile::path).collect(Collectors.joining(", "))
                        + " (looked in RUN lines for openjdk-" + version + "-jdk, -jre and their -headless variants)",
                "install Java in the base image: " + installHint());
    }

    private String installHint() {
        return "RUN apt-get update && apt-get install -y openjdk-" + version + "-jdk-headless";
    }

    /** Java packages installed by the RUN lines of the stages the Dockerfile's image is built from. */
    private static List<Install> installs(Dockerfile dockerfile) {
        OptionalInt defaultJava = dockerfile.builtFrom().map(DockerfileJavaCheck::ubuntuDefaultJava)
                .orElse(OptionalInt.empty());
        List<Install> installs = new ArrayList<>();
        for (Dockerfile.Stage stage : dockerfile.chain()) {
            for (Dockerfile.Instruction run : stage.instructions()) {
                if (!run.keyword().equals("RUN")) {
                    continue;
                }
                Matcher openjdk = OPENJDK.matcher(run.expanded());
                while (openjdk.find()) {
                    installs.add(new Install(run, openjdk.group(), Integer.parseInt(openjdk.group(1))));
                }
                Matcher byDefault = DEFAULT_JAVA.matcher(run.expanded());
                while (defaultJava.isPresent() && byDefault.find()) {
                    installs.add(new Install(run, byDefault.group(), defaultJava.getAsInt()));
                }
            }
        }
        return installs;
    }

    private static OptionalInt ubuntuDefaultJava(ImageRef os) {
        return UBUNTU_DEFAULT_JAVA.entrySet().stream().filter(e -> os.isImage(ImageRef.parse("ubuntu:" + e.getKey())))
                .mapToInt(Map.Entry::getValue).findFirst();
    }

    private static String describe(List<Install> installs) {
        return installs.stream().map(Install::describe).distinct().collect(Collectors.joining("; "));
    }
}
