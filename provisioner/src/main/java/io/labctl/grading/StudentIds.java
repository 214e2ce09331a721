package io.labctl.grading;

import io.labctl.grading.checks.LabValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import io.labctl.grading.report.ClassCsvFile;
import io.labctl.grading.report.ReportFormat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for a roster's student ids, checked before anything is graded: an id names the student's
 * submission folder ({@code ${student}}), their rows and their report files ({@code ID.json}, {@code
 * ID.results.json}, ...), so a wrong one grades the wrong folder or overwrites another student's report.
 * <ul>
 *   <li>a YAML string: an unquoted {@code 012} is the number 10 to YAML (an octal literal), and student 012
 *       would be graded from student 10's folder;</li>
 *   <li>letters, digits, '.', '_' and '-', starting with a letter or digit, at most {@value #MAX_LENGTH}
 *       characters (file names have limits, and reports are read by people);</li>
 *   <li>no two ids whose report files could be the same file, ignoring case (macOS and Windows file systems
 *       do): {@code alice.results} + {@code .json} is {@code alice} + {@code .results.json}; and none whose report
 *       is {@code class.csv}.</li>
 * </ul>
 */
final class StudentIds {
    static final int MAX_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private StudentIds() {
    }

    /** The id of one roster entry ({@code where} is "students[3].id"), or a validation error naming it. */
    static String require(String src, String where, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw LabValidationException.at(src, where, "is required");
        }
        if (!node.isTextual()) {
            String kind = node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : node.isContainerNode()
                    ? "not a single value" : "not a string";
            throw new LabValidationException(src + ": " + where + ": is " + kind + " in YAML" + (node.isValueNode()
                    ? " (read as " + shown(node.asText()) + ")" : "") + "; write ids as quoted strings",
                    "quote it, e.g. id: \"012\" (YAML reads an unquoted 012 as the number 10, and yes as true)");
        }
        String id = node.asText();
        if (id.length() > MAX_LENGTH) {
            throw LabValidationException.at(src, where, shown(id) + " is " + id.length() + " characters long; at most "
                    + MAX_LENGTH + " (it names report files)");
        }
        if (!ID.matcher(id).matches()) {
            throw LabValidationException.at(src, where, "'" + shown(id) + "' must be letters, digits, '.', '_' or '-' (it names"
                    + " report files)");
        }
        return id;
    }

    /** Fails when two ids, or an id and the class table, would write the same file (ignoring case). */
    static void requireDistinctFiles(String src, List<String> ids) {
        Map<String, String> owners = new HashMap<>();
        owners.put(ClassCsvFile.NAME, null);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            for (ReportFormat format : ReportFormat.values()) {
                String file = (id + "." + format.extension()).toLowerCase(Locale.ROOT);
                if (!owners.containsKey(file)) {
                    owners.put(file, id);
                    continue;
                }
                String other = owners.get(file);
                String where = "students[" + i + "].id";
                if (other == null) {
                    throw LabValidationException.at(src, where, "'" + id + "' is reserved: its CSV report would be "
                            + ClassCsvFile.NAME + ", the class table");
                }
                if (other.equalsIgnoreCase(id)) {
                    throw LabValidationException.at(src, where, "duplicate student '" + id + "'"
                            + (other.equals(id) ? "" : " (same as '" + other + "' ignoring case, as file names on"
                            + " macOS and Windows are)"));
                }
                throw LabValidationException.at(src, where, "'" + id + "' and '" + other + "' would both write " + file
                        + "; rename one of them");
            }
        }
    }

    /** An id as it appears in a message: control characters visible, cut to a readable length. */
    private static String shown(String id) {
        String visible = io.labctl.core.TerminalText.oneLine(id);
        return visible.length() <= 40 ? visible : visible.substring(0, 40) + "...";
    }
}
