package io.labctl.grading.report;

import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.GradeReport;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML as CI servers (Jenkins, GitLab, GitHub test reporters) import it, so a class's grades show up as test
 * results. One {@code <testsuites>} named "LAB[ STUDENT]"; one {@code <testsuite>} per exercise, in lab order,
 * named "LAB.EXERCISE[ STUDENT]" so suites of one student stay apart and suites of a class can be told apart;
 * one {@code <testcase classname="LAB.EXERCISE" name="ID: TITLE">} per check.
 *
 * <p>Statuses map onto JUnit's three outcomes as instructors read them: a student mistake is a
 * {@code <failure>} (FAILED: type "student-mistake"; PARTIAL: "partial-credit"), something a person must look at
 * is an {@code <error>} (ERROR: "grader-fault"; NOT_GRADABLE: "not-gradable"), a check not run is
 * {@code <skipped message="prerequisite failed: OBSERVED">}. Failures and errors carry the hint as message and
 * what the grader saw as text.
 *
 * <p>Points live in {@code <properties>}: each suite has score, max_score (of the exercise), student,
 * cluster_uid and not_gradable (when known); each testcase has score, max_score, status (label) and hint (when
 * there is one). Testcase-level properties are not in the Jenkins/Ant JUnit schemas, but the Jenkins JUnit
 * plugin, pytest and most reporters read and write them; schema-validating importers that reject them are rare.
 *
 * <p>The document declares UTF-8; the caller writes the characters in UTF-8.
 */
public final class JunitReportWriter implements ReportWriter {
    private static final String INDENT = "  ";

    @Override
    public void write(GradeReport report, Writer out) throws IOException {
        try {
            // A factory per report: StAX does not promise thread safety, and a class is graded in parallel.
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            new Document(report, xml).write();
            // Closes the XML writer only, never the caller's Writer (StAX contract).
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.flush();
    }

    /** One report being written; holds the stream so the element helpers stay short. */
    private record Document(GradeReport report, XMLStreamWriter xml) {

        void write() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            newline(0);
            xml.writeStartElement("testsuites");
            attribute("name", withStudent(report.lab()));
            attribute("tests", report.checks().size());
            attribute("failures", failures(report.checks()));
            attribute("errors", errors(report.checks()));
            attribute("time", seconds(report.millis()));
            for (Map.Entry<String, List<CheckResult>> exercise : Exercises.group(report.checks()).entrySet()) {
                testsuite(exercise.getKey(), exercise.getValue());
            }
            newline(0);
            xml.writeEndElement();
            newline(0);
            xml.writeEndDocument();
        }

        private void testsuite(String exercise, List<CheckResult> checks) throws XMLStreamException {
            newline(1);
            xml.writeStartElement("testsuite");
            attribute("name", withStudent(report.lab() + "." + exercise));
            attribute("tests", checks.size());
            attribute("failures", failures(checks));
            attribute("errors", errors(checks));
            attribute("skipped", count(checks, CheckStatus.SKIPPED));
            attribute("time", seconds(checks.stream().mapToLong(CheckResult::millis).sum()));
            if (report.gradedAt() != null) {
                attribute("timestamp",
                        DateTimeFormatter.ISO_INSTANT.format(report.gradedAt().truncatedTo(ChronoUnit.SECONDS)));
            }
            properties(2, suiteProperties(checks));
            for (CheckResult check : checks) {
                testcase(check);
            }
            newline(1);
            xml.writeEndElement();
        }

        private Map<String, String> suiteProperties(List<CheckResult> checks) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("score", Points.format(checks.stream().mapToDouble(CheckResult::points).sum()));
            properties.put("max_score", Points.format(checks.stream().mapToDouble(CheckResult::maxPoints).sum()));
            properties.put("student", report.student());
            properties.put("cluster_uid", report.fingerprint().clusterUid());
            properties.put("not_gradable", report.notGradable());
            return properties;
        }

        private void testcase(CheckResult check) throws XMLStreamException {
            newline(2);
            xml.writeStartElement("testcase");
            attribute("classname", report.lab() + "." + check.exercise());
            attribute("name", check.id() + ": " + check.title());
            attribute("time", seconds(check.millis()));
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("score", Points.format(check.points()));
            properties.put("max_score", Points.format(check.maxPoints()));
            properties.put("status", check.status().label());
            properties.put("hint", check.hint());
            properties(3, properties);
            outcome(check);
            if (check.quotes()) {
                // The student's own words, for review, whatever the outcome: where JUnit viewers show a test's output.
                newline(3);
                xml.writeStartElement("system-out");
                xml.writeCharacters(check.observed());
                xml.writeEndElement();
            }
            newline(2);
            xml.writeEndElement();
        }

        private void outcome(CheckResult check) throws XMLStreamException {
            switch (check.status()) {
                case PASSED -> {
                    // A plain testcase is a pass.
                }
                case FAILED -> problem("failure", "student-mistake", check);
                case PARTIAL -> problem("failure", "partial-credit", check);
                case ERROR -> problem("error", "grader-fault", check);
                case NOT_GRADABLE -> problem("error", "not-gradable", check);
                case SKIPPED -> {
                    newline(3);
                    xml.writeEmptyElement("skipped");
                    attribute("message", "prerequisite failed: " + check.observed());
                }
                case PENDING -> {
                    // Neither the student's mistake nor a fault: not decided yet, as a skipped test is.
                    newline(3);
                    xml.writeEmptyElement("skipped");
                    attribute("message", "pending review: " + check.observed());
                }
            }
        }

        private void problem(String element, String type, CheckResult check) throws XMLStreamException {
            newline(3);
            xml.writeStartElement(element);
            if (check.hint() != null) {
                attribute("message", check.hint());
            }
            attribute("type", type);
            xml.writeCharacters(XmlText.content(check.observed()));
            xml.writeEndElement();
        }

        /** A {@code <properties>} block of the non-null entries. */
        private void properties(int depth, Map<String, String> properties) throws XMLStreamException {
            newline(depth);
            xml.writeStartElement("properties");
            for (Map.Entry<String, String> property : properties.entrySet()) {
                if (property.getValue() != null) {
                    newline(depth + 1);
                    xml.writeEmptyElement("property");
                    attribute("name", property.getKey());
                    attribute("value", property.getValue());
                }
            }
            newline(depth);
            xml.writeEndElement();
        }

        private String withStudent(String name) {
            return report.student() == null ? name : name + " " + report.student();
        }

        private void attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, XmlText.attribute(value));
        }

        private void attribute(String name, long value) throws XMLStreamException {
            xml.writeAttribute(name, Long.toString(value));
        }

        /** Indentation for people; only between elements, never inside failure or error text. */
        private void newline(int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + INDENT.repeat(depth));
        }
    }

    /** Student mistakes, whole or in part. */
    private static long failures(List<CheckResult> checks) {
        return count(checks, CheckStatus.FAILED) + count(checks, CheckStatus.PARTIAL);
    }

    /** What a person must look at: grader faults and work that could not be reached. */
    private static long errors(List<CheckResult> checks) {
        return count(checks, CheckStatus.ERROR) + count(checks, CheckStatus.NOT_GRADABLE);
    }

    private static long count(List<CheckResult> checks, CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** Seconds with a decimal point in every locale: the schemas' time pattern rejects "0,120". */
    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
