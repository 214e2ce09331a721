package io.labctl.grading.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labctl.grading.CheckResult;
import io.labctl.grading.GradeReport;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Gradescope's autograder {@code results.json} (gradescope-autograders.readthedocs.io, "Autograder
 * Specifications"), written to {@code /autograder/results/results.json} by a labctl autograder.
 *
 * <p>Top level: {@code score} (the report's score), {@code execution_time} (whole seconds), {@code output} (a
 * summary; starts with "NOT GRADABLE: reason" when part of the work could not be graded, so the student sees it
 * first), {@code output_format} "text", {@code visibility} "visible", {@code stdout_visibility} "hidden" (the
 * grader's log is for instructors), {@code extra_data} (lab, student, gradable, not_gradable, status counts,
 * fingerprint) and one entry of {@code tests[]} per check, in lab order.
 *
 * <p>A test: {@code score}, {@code max_score}, {@code status} ("passed" only for PASSED: partial credit is not a
 * pass), {@code name} (the check's title), {@code number}, {@code output} (what the grader saw, then
 * "Hint: ..."), {@code tags}, {@code visibility} (the check's) and {@code extra_data} {id, status label}.
 * {@code number} is "exercise.check", both counted from 1 in lab order ("3.2"): Gradescope orders and labels
 * tests by it, and short numbers read better there than check ids, which are in extra_data.
 *
 * <p>Every text is shown as plain text ({@code output_format} "text", Gradescope's default for tests): the
 * top-level default would render HTML, and a student's pod names or logs are not markup.
 */
public final class GradescopeReportWriter implements ReportWriter {

    @Override
    public void write(GradeReport report, Writer out) throws IOException {
        ObjectNode root = Json.object();
        root.set("score", Json.points(report.score()));
        root.put("execution_time", Math.round(report.millis() / 1000.0));
        root.put("output", output(report));
        root.put("output_format", "text");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        root.set("extra_data", extraData(report));
        ArrayNode tests = root.putArray("tests");
        List<String> numbers = Exercises.numbers(report.checks());
        for (int i = 0; i < report.checks().size(); i++) {
            tests.add(test(report.checks().get(i), numbers.get(i)));
        }
        Json.write(root, out);
    }

    private static String output(GradeReport report) {
        String summary = report.labTitle() + " (" + report.lab() + ")\n"
                + "Score: " + Summary.score(report) + " (" + Summary.counts(report) + ")";
        return report.gradable() ? summary : "NOT GRADABLE: " + report.notGradable() + "\n\n" + summary;
    }

    private static ObjectNode extraData(GradeReport report) {
        ObjectNode extra = Json.object();
        extra.put("lab", report.lab());
        extra.put("student", report.student());
        extra.put("gradable", report.gradable());
        extra.put("not_gradable", report.notGradable());
        extra.set("counts", Json.counts(report));
        extra.set("fingerprint", Json.fingerprint(report.fingerprint()));
        return extra;
    }

    private static ObjectNode test(CheckResult check, String number) {
        ObjectNode test = Json.object();
        test.set("score", Json.points(check.points()));
        test.set("max_score", Json.points(check.maxPoints()));
        test.put("status", check.status().passed() ? "passed" : "failed");
        test.put("name", check.title());
        test.put("number", number);
        test.put("output", check.hint() == null ? check.observed() : check.observed() + "\n\nHint: " + check.hint());
        check.tags().forEach(test.putArray("tags")::add);
        test.put("visibility", check.visibility());
        ObjectNode extra = test.putObject("extra_data");
        extra.put("id", check.id());
        extra.put("status", check.status().label());
        return test;
    }
}
