package io.labctl.grading.report;

import io.labctl.grading.CheckResult;
import io.labctl.grading.checks.CheckStatus;
import io.labctl.grading.GradeReport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tier: unit. The output is validated against Jenkins' JUnit schema and read back with a DOM parser. */
class JunitReportWriterTest {
    private static final String SCHEMA = "/schemas/jenkins-xunit-junit-10.xsd";

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Document written(GradeReport report) throws Exception {
        return parse(TestReports.render(new JunitReportWriter(), report));
    }

    private static void validate(Document document) throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JunitReportWriterTest.class.getResource(SCHEMA));
        schema.newValidator().validate(new DOMSource(document));
    }

    /**
     * The one documented extension: {@code <properties>} inside {@code <testcase>}, which no JUnit schema has
     * but the Jenkins JUnit plugin and pytest read and write. Everything else must be schema-valid as written.
     */
    private static Document withoutTestcaseProperties(Document document) {
        for (Element testcase : elements(document.getDocumentElement(), "testcase")) {
            for (Element properties : children(testcase, "properties")) {
                testcase.removeChild(properties);
            }
        }
        return document;
    }

    private static List<Element> elements(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                children.add(e);
            }
        }
        return children;
    }

    private static Element testcase(Document document, String checkId) {
        return elements(document.getDocumentElement(), "testcase").stream()
                .filter(t -> t.getAttribute("name").startsWith(checkId + ": "))
                .findFirst().orElseThrow();
    }

    /** name -> value of the {@code <properties>} directly under {@code parent}. */
    private static Map<String, String> properties(Element parent) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element block : children(parent, "properties")) {
            for (Element property : children(block, "property")) {
                properties.put(property.getAttribute("name"), property.getAttribute("value"));
            }
        }
        return properties;
    }

    private static Element onlyOutcome(Element testcase) {
        List<Element> outcomes = new ArrayList<>();
        for (String tag : List.of("failure", "error", "skipped")) {
            outcomes.addAll(children(testcase, tag));
        }
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    @Test
    void junit_document_isValidAgainstJenkinsJUnitSchema() throws Exception {
        validate(withoutTestcaseProperties(written(TestReports.mixed())));
        validate(withoutTestcaseProperties(written(TestReports.allPassed(null))));
        validate(withoutTestcaseProperties(written(TestReports.unreachable("bob"))));
    }

    @Test
    void junit_schema_rejectsWhatJenkinsWouldReject() throws Exception {
        Document missingCounts = parse("<testsuites><testsuite name=\"x\" tests=\"1\"/></testsuites>");
        Document testcaseProperties = written(TestReports.mixed());

        assertThatThrownBy(() -> validate(missingCounts)).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(testcaseProperties)).isInstanceOf(SAXException.class)
                .hasMessageContaining("properties");
    }

    @Test
    void junit_suites_onePerExerciseInLabOrder_withCounts() throws Exception {
        Element root = written(TestReports.mixed()).getDocumentElement();
        List<Element> suites = elements(root, "testsuite");

        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("name")).isEqualTo("spark-k8s " + TestReports.STUDENT);
        assertThat(List.of(root.getAttribute("tests"), root.getAttribute("failures"), root.getAttribute("errors"),
                root.getAttribute("time"))).containsExactly("6", "2", "2", "2.511");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly(
                "spark-k8s.ex1 " + TestReports.STUDENT, "spark-k8s.ex2 " + TestReports.STUDENT,
                "spark-k8s.ex3 " + TestReports.STUDENT);
        assertThat(suites).extracting(s -> s.getAttribute("tests") + "/" + s.getAttribute("failures") + "/"
                        + s.getAttribute("errors") + "/" + s.getAttribute("skipped"))
                .containsExactly("2/1/0/0", "2/1/1/0", "2/0/1/1");
        assertThat(suites.get(1).getAttribute("time")).isEqualTo("2.050");
        assertThat(suites.get(0).getAttribute("timestamp")).isEqualTo("2026-11-23T11:43:23Z");
    }

    @Test
    void junit_suiteProperties_carryScoreMaxStudentAndClusterUid() throws Exception {
        Element ex1 = elements(written(TestReports.mixed()).getDocumentElement(), "testsuite").get(0);

        assertThat(properties(ex1)).containsExactly(
                Map.entry("score", "3.5"),
                Map.entry("max_score", "5"),
                Map.entry("student", TestReports.STUDENT),
                Map.entry("cluster_uid", TestReports.CLUSTER_UID),
                Map.entry("not_gradable", TestReports.NOT_GRADABLE));
    }

    @Test
    void junit_testcases_areNamedByIdAndTitle_inClassLabDotExercise() throws Exception {
        Element testcase = testcase(written(TestReports.mixed()), "ex1.workers");

        assertThat(testcase.getAttribute("classname")).isEqualTo("spark-k8s.ex1");
        assertThat(testcase.getAttribute("name")).isEqualTo("ex1.workers: Three Spark workers | alive");
        assertThat(testcase.getAttribute("time")).isEqualTo("0.340");
    }

    @Test
    void junit_passedCheck_isAPlainTestcaseWithScoreProperties() throws Exception {
        Element passed = testcase(written(TestReports.mixed()), "ex1.cluster-up");

        assertThat(children(passed, "failure")).isEmpty();
        assertThat(children(passed, "error")).isEmpty();
        assertThat(children(passed, "skipped")).isEmpty();
        assertThat(properties(passed)).containsExactly(
                Map.entry("score", "2"), Map.entry("max_score", "2"), Map.entry("status", "passed"));
    }

    @Test
    void junit_failedCheck_isAFailureWithHintProperty() throws Exception {
        Element failed = testcase(written(TestReports.mixed()), "ex2.service-7077");
        Element failure = onlyOutcome(failed);

        assertThat(failure.getTagName()).isEqualTo("failure");
        assertThat(failure.getAttribute("type")).isEqualTo("student-mistake");
        assertThat(failure.getAttribute("message")).isEqualTo(TestReports.FAILED.hint());
        assertThat(failure.getTextContent()).isEqualTo(TestReports.FAILED.observed());
        assertThat(properties(failed)).containsEntry("hint", TestReports.FAILED.hint())
                .containsEntry("score", "0").containsEntry("max_score", "2").containsEntry("status", "failed");
    }

    @Test
    void junit_partialCheck_isAFailureOfTypePartialCredit_keepingWhatWasSeenLineByLine() throws Exception {
        Element partial = testcase(written(TestReports.mixed()), "ex1.workers");
        Element failure = onlyOutcome(partial);

        assertThat(failure.getTagName()).isEqualTo("failure");
        assertThat(failure.getAttribute("type")).isEqualTo("partial-credit");
        assertThat(failure.getTextContent()).isEqualTo("2 of 3 workers ALIVE\nworker-3: <pending> & \"waiting\"");
        assertThat(properties(partial)).containsEntry("score", "1.5").containsEntry("max_score", "3")
                .containsEntry("status", "partial");
    }

    @Test
    void junit_errorAndNotGradable_areErrorsOfTheirOwnType() throws Exception {
        Document document = written(TestReports.mixed());
        Element error = onlyOutcome(testcase(document, "ex2.master-json"));
        Element notGradable = onlyOutcome(testcase(document, "ex3.dockerfile"));

        assertThat(error.getTagName()).isEqualTo("error");
        assertThat(error.getAttribute("type")).isEqualTo("grader-fault");
        assertThat(error.getAttribute("message")).isEqualTo(TestReports.ERROR.hint());
        assertThat(notGradable.getTagName()).isEqualTo("error");
        assertThat(notGradable.getAttribute("type")).isEqualTo("not-gradable");
        assertThat(notGradable.getTextContent()).isEqualTo("no submission folder");
    }

    @Test
    void junit_terminalEscapeInWhatWasSeen_isReplaced_soTheFileStaysXml() throws Exception {
        Element error = onlyOutcome(testcase(written(TestReports.mixed()), "ex2.master-json"));

        assertThat(error.getTextContent()).isEqualTo("403 Forbidden \uFFFD[31mpods/proxy\uFFFD[0m <forbidden>");
    }

    @Test
    void junit_skippedCheck_namesThePrerequisite() throws Exception {
        Element skipped = onlyOutcome(testcase(written(TestReports.mixed()), "ex3.spark-pi"));

        assertThat(skipped.getTagName()).isEqualTo("skipped");
        assertThat(skipped.getAttribute("message")).isEqualTo("prerequisite failed: ex2.service-7077 did not pass");
    }

    @Test
    void junit_multiLineHint_isOneLineInAttributes() throws Exception {
        CheckResult check = TestReports.check("ex1", "ex1.a", "A", 0, 1, CheckStatus.FAILED, "seen",
                "first line\r\nsecond\tline", 5);
        GradeReport report = new GradeReport(null, "lab", "Lab", null, 5, List.of(check), null, null);
        Document document = written(report);
        Element testcase = testcase(document, "ex1.a");

        assertThat(onlyOutcome(testcase).getAttribute("message")).isEqualTo("first line second line");
        assertThat(properties(testcase)).containsEntry("hint", "first line second line");
        assertThat(document.getDocumentElement().getAttribute("name")).isEqualTo("lab");
        validate(withoutTestcaseProperties(document));
    }
}
