package io.labctl.grading.report;

import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.GradeReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tier, and one process-tier test (two JVMs): concurrent regrades of different students both keep their
 * row. A merge is held open between its read and its write (the seam {@link ClassCsvFile} offers tests) while
 * another merge runs; without the lock the second write is overwritten by the first one's stale table.
 */
class ClassCsvFileTest {
    @TempDir
    Path dir;

    @Test
    void update_twoMergesAtOnceInOneJvm_keepBothRows() throws Exception {
        // Given a class table with alice and bob at 1 point
        new ClassCsvFile().update(dir, List.of(report("alice", 1), report("bob", 1)), false);

        // When alice's merge pauses between reading the table and writing it, and bob's merge runs meanwhile
        CountDownLatch aliceRead = new CountDownLatch(1);
        ClassCsvFile slow = new ClassCsvFile(() -> {
            aliceRead.countDown();
            sleep(500);
        });
        CompletableFuture<Path> alice = CompletableFuture.supplyAsync(() -> update(slow, report("alice", 5)));
        assertThat(aliceRead.await(10, TimeUnit.SECONDS)).isTrue();
        update(new ClassCsvFile(), report("bob", 7));
        alice.get(10, TimeUnit.SECONDS);

        // Then both new rows are there
        assertThat(scores()).isEqualTo(Map.of("alice", "5", "bob", "7"));
    }

    @Test
    void update_twoMergesAtOnceInTwoProcesses_keepBothRows() throws Exception {
        // Given a class table with alice and bob at 1 point
        new ClassCsvFile().update(dir, List.of(report("alice", 1), report("bob", 1)), false);

        // When another JVM merges alice's row, pausing between its read and its write, and this one merges bob's
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Regrade.class.getName(), dir.toString(), "alice", "5",
                "1500").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("read");
        update(new ClassCsvFile(), report("bob", 7));
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue()).as(out.lines().toList().toString()).isZero();

        // Then both new rows are there: the OS file lock made this process wait for the other one's write
        assertThat(scores()).isEqualTo(Map.of("alice", "5", "bob", "7"));
    }

    /** The other process: merges one student's row, printing "read" once it holds the lock and read the table. */
    public static final class Regrade {
        public static void main(String[] args) throws IOException {
            new ClassCsvFile(() -> {
                System.out.println("read");
                System.out.flush();
                sleep(Long.parseLong(args[3]));
            }).update(Path.of(args[0]), List.of(report(args[1], Integer.parseInt(args[2]))), true);
        }
    }

    private Path update(ClassCsvFile file, GradeReport report) {
        try {
            return file.update(dir, List.of(report), true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, String> scores() throws IOException {
        Map<String, String> scores = new java.util.TreeMap<>();
        ClassCsv.read(dir.resolve(ClassCsvFile.NAME)).forEach(row -> scores.put(row.get("student"), row.get("score")));
        return scores;
    }

    static GradeReport report(String student, double points) {
        return new GradeReport(student, "lab", "Lab", Instant.EPOCH, 1,
                List.of(TestReports.check("ex1", "ex1.a", "A", points, 10, CheckStatus.PARTIAL, "saw", "fix", 1)),
                null, null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
