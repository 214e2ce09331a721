package io.labctl.grading.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labctl.grading.CheckResult;
import io.labctl.grading.GradeReport;

import java.io.IOException;
import java.io.Writer;

/**
 * labctl's own JSON: everything a report holds, for scripts and for archiving a grade with its evidence.
 *
 * <p>Fields, always in this order and always present (null where the model has no value): {@code student, lab,
 * labTitle, gradedAt} (ISO-8601 instant), {@code millis, score, maxScore, gradable, notGradable, counts}
 * (one entry per status label), {@code checks[]} ({@code exercise, id, title, points, maxPoints, status}
 * (label), {@code observed, hint, tags, visibility, millis}) and {@code fingerprint} (every field; maps sorted by
 * key). Points are numbers with at most two decimals, whole ones without a fraction.
 */
public final class JsonReportWriter implements ReportWriter {

    @Override
    public void write(GradeReport report, Writer out) throws IOException {
        ObjectNode root = Json.object();
        root.put("student", report.student());
        root.put("lab", report.lab());
        root.put("labTitle", report.labTitle());
        root.put("gradedAt", report.gradedAt() == null ? null : report.gradedAt().toString());
        root.put("millis", report.millis());
        root.set("score", Json.points(report.score()));
        root.set("maxScore", Json.points(report.maxScore()));
        root.put("gradable", report.gradable());
        root.put("notGradable", report.notGradable());
        root.set("counts", Json.counts(report));
        ArrayNode checks = root.putArray("checks");
        report.checks().forEach(check -> checks.add(check(check)));
        root.set("fingerprint", Json.fingerprint(report.fingerprint()));
        Json.write(root, out);
    }

    private static ObjectNode check(CheckResult check) {
        ObjectNode node = Json.object();
        node.put("exercise", check.exercise());
        node.put("id", check.id());
        node.put("title", check.title());
        node.set("points", Json.points(check.points()));
        node.set("maxPoints", Json.points(check.maxPoints()));
        node.put("status", check.status().label());
        node.put("observed", check.observed());
        node.put("hint", check.hint());
        check.tags().forEach(node.putArray("tags")::add);
        node.put("visibility", check.visibility());
        node.put("millis", check.millis());
        return node;
    }
}
