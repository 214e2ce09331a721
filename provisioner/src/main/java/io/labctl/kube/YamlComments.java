package io.labctl.kube;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries the comments of a commented YAML template over to the YAML of the object built from it. Parsing YAML into
 * objects drops comments, and labctl's templates are written to be read by students; {@code --dry-run -o yaml}
 * must show them. Each comment block is tied to the path of the key or list item it stands above ({@code
 * spec/template/spec/containers/[0]/env/[1]}) and put back above the same path in the generated YAML, indented
 * like it; paths the generated YAML no longer has lose their comment. Comments at the end of a line are not kept.
 *
 * <p>Block-style YAML as Kubernetes tools write it is understood (keys, "- " list items, multi-line and block
 * scalars); flow collections ({@code [a, b]}) count as scalar values.
 */
public final class YamlComments {
    private static final Pattern KEY = Pattern.compile("^(\"[^\"]*\"|'[^']*'|[^\\s#'\"\\-][^:#]*?|-[^\\s:#][^:#]*?):(?:\\s+(.*))?$");
    private static final String DOCUMENT = "";

    private YamlComments() {
    }

    /** {@code generated} with the comment blocks of {@code template} above the same keys and list items. */
    public static String carryOver(String template, String generated) {
        Map<String, List<String>> comments = commentsByPath(template);
        if (comments.isEmpty()) {
            return generated;
        }
        StringBuilder out = new StringBuilder();
        Walker walker = new Walker();
        boolean headerWritten = false;
        for (String line : generated.split("\n", -1)) {
            Walker.Line parsed = walker.next(line);
            if (!headerWritten && parsed != null && !line.startsWith("---")) {
                writeBlock(out, comments.remove(DOCUMENT), 0);
                headerWritten = true;
            }
            if (parsed != null) {
                writeBlock(out, comments.remove(parsed.path()), parsed.indent());
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1); // split added one line too many
        return out.toString();
    }

    /** Comment blocks by the path of what follows them; the document's leading comment under the empty path. */
    static Map<String, List<String>> commentsByPath(String template) {
        Map<String, List<String>> comments = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        Walker walker = new Walker();
        boolean first = true;
        for (String line : template.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("#") && !walker.inScalar(line)) {
                pending.add(stripped);
                continue;
            }
            Walker.Line parsed = walker.next(line);
            if (parsed == null) {
                continue;
            }
            if (!pending.isEmpty()) {
                // What stands above the first key describes the whole object.
                comments.computeIfAbsent(first ? DOCUMENT : parsed.path(), k -> new ArrayList<>()).addAll(pending);
                pending.clear();
            }
            first = false;
        }
        return comments;
    }

    private static void writeBlock(StringBuilder out, List<String> block, int indent) {
        if (block == null) {
            return;
        }
        for (String comment : block) {
            out.append(" ".repeat(indent)).append(comment).append('\n');
        }
    }

    /** Follows the nesting of block-style YAML line by line and names each key's or list item's path. */
    private static final class Walker {
        /** A key or list item line: its path and how deep it is indented. */
        record Line(String path, int indent) {
        }

        private record Frame(int indent, String segment, boolean item) {
        }

        private final List<Frame> stack = new ArrayList<>();
        private final Map<String, Integer> itemCounts = new HashMap<>();
        /** Lines indented deeper than this belong to the scalar value above (continuation or block scalar). */
        private int scalarIndent = Integer.MAX_VALUE;

        boolean inScalar(String line) {
            return indentOf(line) > scalarIndent && !line.isBlank();
        }

        /** The path of a key or list item line; null for anything else (blank, comment, scalar text, document marker). */
        Line next(String line) {
            if (line.isBlank() || line.strip().startsWith("#") && !inScalar(line)) {
                return null;
            }
            int indent = indentOf(line);
            if (indent > scalarIndent) {
                return null;
            }
            scalarIndent = Integer.MAX_VALUE;
            String text = line.substring(indent);
            if (text.startsWith("---") || text.startsWith("...")) {
                stack.clear();
                itemCounts.clear();
                return null;
            }
            if (text.equals("-") || text.startsWith("- ")) {
                return item(indent, text.length() > 2 ? text.substring(2).strip() : "");
            }
            Matcher key = KEY.matcher(text);
            if (!key.matches()) {
                scalarIndent = indent; // a plain scalar line we do not understand: skip what hangs below it
                return null;
            }
            while (!stack.isEmpty() && stack.get(stack.size() - 1).indent() >= indent) {
                stack.remove(stack.size() - 1);
            }
            return key(indent, unquote(key.group(1)), key.group(2));
        }

        private Line item(int indent, String rest) {
            // An item at the same indent as its parent key ("env:\n- name: A") is still that key's child.
            while (!stack.isEmpty() && (stack.get(stack.size() - 1).indent() > indent
                    || stack.get(stack.size() - 1).indent() == indent && stack.get(stack.size() - 1).item())) {
                stack.remove(stack.size() - 1);
            }
            String parent = path();
            int index = itemCounts.merge(parent, 1, Integer::sum) - 1;
            stack.add(new Frame(indent, "[" + index + "]", true));
            Line line = new Line(path(), indent);
            Matcher key = KEY.matcher(rest);
            if (key.matches()) {
                key(indent + 2, unquote(key.group(1)), key.group(2));
            } else if (!rest.isEmpty()) {
                scalarIndent = indent; // "- value" and its continuation lines
            }
            return line;
        }

        private Line key(int indent, String name, String value) {
            stack.add(new Frame(indent, name, false));
            String path = path();
            if (value != null && !value.isEmpty() && !value.startsWith("#")) {
                scalarIndent = indent; // a scalar value: deeper lines are its continuation or block content
            }
            return new Line(path, indent);
        }

        private String path() {
            StringBuilder path = new StringBuilder();
            for (Frame frame : stack) {
                path.append(path.isEmpty() ? "" : "/").append(frame.segment());
            }
            return path.toString();
        }

        private static String unquote(String key) {
            String k = key.strip();
            return k.length() >= 2 && (k.startsWith("\"") && k.endsWith("\"") || k.startsWith("'") && k.endsWith("'"))
                    ? k.substring(1, k.length() - 1) : k;
        }

        private static int indentOf(String line) {
            int i = 0;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            return i;
        }
    }
}
