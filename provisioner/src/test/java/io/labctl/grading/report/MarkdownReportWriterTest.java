package io.labctl.grading.report;

import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.GradeReport;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit. The output is parsed with commonmark-java and its GFM tables extension. */
class MarkdownReportWriterTest {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private static Node parsed(GradeReport report) {
        return PARSER.parse(TestReports.render(new MarkdownReportWriter(), report));
    }

    /** Every node of {@code type} under {@code root}, in document order. */
    private static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visitChildren(Node parent) {
                for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                    if (type.isInstance(n)) {
                        found.add(type.cast(n));
                    }
                    visitChildren(n);
                }
            }
        });
        return found;
    }

    /** The text a reader sees: literal text, no markup, no HTML. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        for (Text t : all(node, Text.class)) {
            text.append(t.getLiteral());
        }
        return text.toString();
    }

    /** Rows of a table as cell texts, header row first. */
    private static List<List<String>> rows(TableBlock table) {
        List<List<String>> rows = new ArrayList<>();
        for (TableRow row : all(table, TableRow.class)) {
            rows.add(all(row, TableCell.class).stream().map(MarkdownReportWriterTest::text).toList());
        }
        return rows;
    }

    @Test
    void markdown_checkTable_hasOneRowPerCheckWithTheRightCells() {
        List<List<String>> rows = rows(all(parsed(TestReports.mixed()), TableBlock.class).get(0));

        assertThat(rows).containsExactly(
                List.of("#", "Check", "Status", "Points"),
                List.of("1.1", "ex1.cluster-up: Cluster is up, 1 master + 2 workers", "✔ passed", "2/2"),
                List.of("1.2", "ex1.workers: Three Spark workers | alive", "½ partial", "1.5/3"),
                List.of("2.1", "ex2.service-7077: Service spark-master on port 7077", "✘ failed", "0/2"),
                List.of("2.2", "ex2.master-json: Spark master /json/ answers", "! error", "0/1"),
                List.of("3.1", "ex3.spark-pi: SparkPi prints Pi ≈ 3.14", "– skipped", "0/2"),
                List.of("3.2", "ex3.dockerfile: Dockerfile pins its base image", "? not-gradable", "0/1"));
    }

    @Test
    void markdown_titleAndSummary_showTextAsWritten_withTheNotGradableReasonQuoted() {
        Node document = parsed(TestReports.mixed());
        Heading title = all(document, Heading.class).get(0);

        assertThat(title.getLevel()).isEqualTo(1);
        assertThat(text(title)).isEqualTo(TestReports.LAB_TITLE);
        assertThat(text(document)).contains("Student: " + TestReports.STUDENT, "Score: 3.5/11",
                "1 passed, 1 partial, 1 failed, 1 error, 1 skipped, 1 not-gradable");
        assertThat(text(all(document, BlockQuote.class).get(0))).isEqualTo("NOT GRADABLE: " + TestReports.NOT_GRADABLE);
        assertThat(all(document, HtmlInline.class)).as("no report text became HTML").isEmpty();
    }

    @Test
    void markdown_sections_onePerCheckThatDidNotPass_withObservedVerbatimAndHint() {
        Node document = parsed(TestReports.mixed());
        List<Heading> sections = all(document, Heading.class).stream().filter(h -> h.getLevel() == 3).toList();
        List<FencedCodeBlock> observed = all(document, FencedCodeBlock.class);

        assertThat(sections).extracting(MarkdownReportWriterTest::text).containsExactly(
                "1.2 ex1.workers: Three Spark workers | alive",
                "2.1 ex2.service-7077: Service spark-master on port 7077",
                "2.2 ex2.master-json: Spark master /json/ answers",
                "3.1 ex3.spark-pi: SparkPi prints Pi ≈ 3.14",
                "3.2 ex3.dockerfile: Dockerfile pins its base image");
        assertThat(observed).extracting(FencedCodeBlock::getLiteral).containsExactly(
                TestReports.PARTIAL.observed() + "\n", TestReports.FAILED.observed() + "\n",
                "403 Forbidden ^[[31mpods/proxy^[[0m <forbidden>\n", TestReports.SKIPPED.observed() + "\n",
                TestReports.NOT_GRADABLE_CHECK.observed() + "\n");
        assertThat(text(document)).contains("Fix: " + TestReports.FAILED.hint(), "Fix: " + TestReports.PARTIAL.hint());
    }

    @Test
    void markdown_controlCharactersInNamesAndObserved_areShownInCaretNotation_neverSent() {
        // Given a file name with a terminal escape (it clears the screen when printed raw) in a title and observed
        String escape = "\u001b[2J\u001b]0;pwned\u0007";
        CheckResult check = TestReports.check("ex1", "ex1.a", "k8s/" + escape + ".yaml", 0, 1, CheckStatus.FAILED,
                "read k8s/" + escape + ".yaml", "fix " + escape, 1);

        // When the Markdown report is written
        String markdown = TestReports.render(new MarkdownReportWriter(),
                new GradeReport("alice" + escape, "lab", "Lab", null, 1, List.of(check), null, null));

        // Then no control character reaches the file, and each is visible
        assertThat(markdown).doesNotContain("\u001b", "\u0007").contains("^\\[\\[2J", "read k8s/^[[2J^[]0;pwned^G.yaml");
    }

    @Test
    void markdown_backticksInWhatWasSeen_cannotCloseTheCodeBlock() {
        String observed = "```\n# not a heading\n````";
        CheckResult check = TestReports.check("ex1", "ex1.a", "A", 0, 1, CheckStatus.FAILED, observed, "fix `it`", 1);
        Node document = parsed(new GradeReport(null, "lab", "Lab", null, 1, List.of(check), null, null));

        assertThat(all(document, FencedCodeBlock.class)).extracting(FencedCodeBlock::getLiteral)
                .containsExactly(observed + "\n");
        assertThat(all(document, Heading.class)).extracting(Heading::getLevel).containsExactly(1, 2, 3, 2);
        assertThat(all(document, Code.class)).isEmpty();
    }

    @Test
    void markdown_allPassed_hasNoFailureSection() {
        Node document = parsed(TestReports.allPassed(null));

        assertThat(all(document, Heading.class)).extracting(MarkdownReportWriterTest::text)
                .containsExactly(TestReports.LAB_TITLE, "Fingerprint");
        assertThat(all(document, BlockQuote.class)).isEmpty();
    }

    @Test
    void markdown_fingerprint_listsClusterAndFilesWithTheirSha256() {
        Node document = parsed(TestReports.mixed());
        List<List<String>> files = rows(all(document, TableBlock.class).get(1));

        assertThat(files).containsExactly(
                List.of("File", "SHA-256"),
                List.of("Dockerfile", TestReports.FINGERPRINT.files().get("Dockerfile")),
                List.of("manifests/spark|master, \"v2\".yaml",
                        TestReports.FINGERPRINT.files().get("manifests/spark|master, \"v2\".yaml")));
        assertThat(text(document)).contains("Cluster UID: " + TestReports.CLUSTER_UID,
                "API server: https://127.0.0.1:6443", "Nodes: lab-master, lab-worker-1, lab-worker-2");
    }
}
