package io.labctl.grading.report;

import io.labctl.cli.CliRun;
import io.labctl.grading.files.ReferenceSubmission;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser tier: the class page of a graded roster rendered by a real headless Chromium (Debian's {@code chromium}),
 * offline, from the file; the numbers the page's script drew are read back from the rendered DOM
 * ({@code --dump-dom}) and a screenshot is kept as {@code provisioner/target/html-report/class.png}. Without
 * Chromium the test is skipped, unless {@code LABCTL_REQUIRE_TESTBED=1} (CI), where it fails.
 */
class HtmlClassReportChromiumTest {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    @TempDir
    Path home;

    @Test
    void classPage_ofAGradedRoster_rendersTheHistogramRatesAndSortedTable_offline() throws Exception {
        Path chromium = chromium();
        // Given a class of four: a reference, two single mistakes and one who handed nothing in
        Path submissions = Files.createDirectories(home.resolve("submissions"));
        ReferenceSubmission.write(submissions.resolve("alice"));
        ReferenceSubmission.withReplaced(submissions.resolve("bob"), "base/Dockerfile", "ARG BASE_IMAGE=ubuntu:22.04",
                "ARG BASE_IMAGE=ubuntu:20.04");
        ReferenceSubmission.withReplacedInYaml(submissions.resolve("carol"), "replicas: 2", "replicas: 1");
        Path roster = Files.writeString(home.resolve("roster.yaml"), """
                lab: spark-k8s
                defaults:
                  submission: submissions/${student}
                students: [{id: alice}, {id: bob}, {id: carol}, {id: dave}]
                """);
        CliRun r = CliRun.run(home, "grade", "--roster", roster.toString(), "--part", "files", "--format", "html,csv");
        assertThat(r.status()).as(r.err()).isEqualTo(4); // dave's files are not gradable
        Path page = home.resolve("grades/class.html");
        assertThat(Files.readString(page)).doesNotContain("http://", "https://", "<link", "src=\"");

        // When Chromium opens it from the file, sorted by score, highest first
        String dom = chromium(chromium, "--dump-dom", page.toUri() + "#sort=-score");

        // Then the script ran and drew what the grades say
        assertThat(attribute(dom, "body", "data-rendered")).containsExactly("true");
        assertThat(attribute(dom, "p", "data-students")).containsExactly("4");
        assertThat(attribute(dom, "p", "data-graded")).containsExactly("3");
        List<String> bins = attribute(dom, "div", "data-count");
        assertThat(bins).hasSize(HtmlClassReport.BINS);
        // alice 26/26 and carol 25/26 in the top bin, bob 24/26 in the top bin too (24/26 = 92%)
        assertThat(bins.stream().mapToInt(Integer::parseInt).sum()).isEqualTo(3);
        assertThat(bins.get(HtmlClassReport.BINS - 1)).isEqualTo("3");
        assertThat(rate(dom, "ex2.base-image")).isEqualTo("passed=2 partial=0 failed=1 not-gradable=1");
        assertThat(rate(dom, "ex3.yaml-replicas")).isEqualTo("passed=2 partial=0 failed=1 not-gradable=1");
        assertThat(attribute(dom, "tr", "data-student")).containsExactly("alice", "carol", "bob", "dave");
        assertThat(dom).contains("href=\"alice.html\"");
        assertThat(home.resolve("grades/alice.html")).exists();

        // And a screenshot is kept as the test's artefact
        Path shot = artefacts().resolve("class.png");
        Files.deleteIfExists(shot);
        chromium(chromium, "--screenshot=" + shot, "--window-size=1280,1800", page.toUri().toString());
        assertThat(shot).exists();
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    private static String rate(String dom, String check) {
        Matcher m = Pattern.compile("<tr data-check=\"" + Pattern.quote(check) + "\" data-passed=\"(\\d+)\" data-partial="
                + "\"(\\d+)\" data-failed=\"(\\d+)\" data-not-gradable=\"(\\d+)\"").matcher(dom);
        assertThat(m.find()).as("a rate row for " + check).isTrue();
        return "passed=" + m.group(1) + " partial=" + m.group(2) + " failed=" + m.group(3) + " not-gradable=" + m.group(4);
    }

    /** The values of {@code name} on every {@code tag} element, in document order. */
    private static List<String> attribute(String dom, String tag, String name) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("<" + tag + "\\b[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private String chromium(Path chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString()));
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + Files.createTempDirectory(home, "chromium-profile"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(home.resolve("chromium.err").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(home.resolve("chromium.err"))).isZero();
        return out;
    }

    private static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        boolean required = "1".equals(System.getenv("LABCTL_REQUIRE_TESTBED"));
        if (required) {
            throw new AssertionError("chromium is not installed: apt-get install chromium (CI installs it)");
        }
        Assumptions.abort("chromium is not installed (apt-get install chromium)");
        return null;
    }

    private static Path artefacts() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        Path target = Files.isDirectory(here.resolve("provisioner")) ? here.resolve("provisioner/target") : here.resolve("target");
        return Files.createDirectories(target.resolve("html-report"));
    }
}
