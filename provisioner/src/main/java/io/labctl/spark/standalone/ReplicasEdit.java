package io.labctl.spark.standalone;

import io.labctl.core.LabctlException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets {@code spec.replicas} of one Deployment in a student's multi-document YAML, as a person would with an editor:
 * only that line changes (or one line is added under {@code spec:} when there is none), so comments, order and every
 * other document stay as they were.
 */
public final class ReplicasEdit {
    private static final Pattern SEPARATOR = Pattern.compile("^---\\s*(#.*)?$");
    private static final Pattern KIND = Pattern.compile("^kind:\\s*[\"']?Deployment[\"']?\\s*(#.*)?$");
    private static final Pattern SPEC = Pattern.compile("^spec:\\s*(#.*)?$");
    private static final Pattern TOP_LEVEL = Pattern.compile("^[A-Za-z\"'][^:]*:.*$");
    private static final Pattern REPLICAS = Pattern.compile("^(\\s+replicas:\\s*)([^\\s#]+)(.*)$");
    private static final Pattern CHILD = Pattern.compile("^(\\s+)\\S.*$");

    private ReplicasEdit() {
    }

    /** The edited text and the 1-based line that now says {@code replicas: N}. */
    public record Edited(String text, int line) {
    }

    /**
     * @throws LabctlException USAGE when the text has no Deployment named {@code deployment}, or it has no top-level
     *                         {@code spec:}
     */
    public static Edited setReplicas(String text, String file, String deployment, int replicas) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || SEPARATOR.matcher(lines.get(i)).matches()) {
                Edited edited = editDocument(lines, start, i, deployment, replicas);
                if (edited != null) {
                    return edited;
                }
                start = i + 1;
            }
        }
        throw LabctlException.usage(file + " has no Deployment named " + deployment,
                "give the YAML file that holds the workers' Deployment (metadata.name: " + deployment + ")");
    }

    private static Edited editDocument(List<String> lines, int from, int to, String deployment, int replicas) {
        boolean isDeployment = false;
        boolean named = false;
        int spec = -1;
        int metadataChild = -1; // the indentation of metadata's own fields while inside metadata:, else -1
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (KIND.matcher(line).matches()) {
                isDeployment = true;
            }
            if (TOP_LEVEL.matcher(line).matches()) {
                metadataChild = line.startsWith("metadata:") ? childIndent(lines, i + 1, to) : -1;
                if (SPEC.matcher(line).matches()) {
                    spec = i;
                }
            } else if (metadataChild > 0 && indent(line) == metadataChild
                    && line.matches("^\\s+name:\\s*[\"']?" + Pattern.quote(deployment) + "[\"']?\\s*(#.*)?$")) {
                named = true;
            }
        }
        if (!isDeployment || !named) {
            return null;
        }
        if (spec < 0) {
            throw LabctlException.usage("Deployment " + deployment + " has no spec:", "add its spec (replicas, selector, template)");
        }
        int childIndent = childIndent(lines, spec + 1, to);
        for (int i = spec + 1; i < to && !TOP_LEVEL.matcher(lines.get(i)).matches(); i++) {
            Matcher m = REPLICAS.matcher(lines.get(i));
            if (m.matches() && indent(lines.get(i)) == childIndent) {
                lines.set(i, m.group(1) + replicas + m.group(3));
                return new Edited(String.join("\n", lines), i + 1);
            }
        }
        lines.add(spec + 1, " ".repeat(childIndent) + "replicas: " + replicas);
        return new Edited(String.join("\n", lines), spec + 2);
    }

    /** The indentation of the first non-blank, non-comment line in [from, to) (2 when there is none). */
    private static int childIndent(List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            Matcher m = CHILD.matcher(lines.get(i));
            if (m.matches() && !lines.get(i).trim().startsWith("#")) {
                return m.group(1).length();
            }
        }
        return 2;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
