package io.labctl.grading.files;

import java.util.Map;

/**
 * Docker's variable substitution in a Dockerfile instruction, as far as a grader needs it: {@code $NAME},
 * {@code ${NAME}}, {@code ${NAME:-default}} / {@code ${NAME-default}} (the default when NAME is unset or empty)
 * and {@code ${NAME:+alternative}} / {@code ${NAME+alternative}} (the alternative when it is set). A default is
 * taken as written, up to the first '}' (no nesting, as before). Unknown variables and anything that is not one
 * of these forms stay as written.
 *
 * <p>A single left-to-right scan. The regular expression it replaces rescanned {@code [^}]*} from every
 * {@code ${} when no '}' followed, so 80 KB of {@code ${A-${A-...} took minutes; here the position of the next
 * '}' is found once and reused, and every character is looked at a bounded number of times.
 */
final class VariableExpansion {
    private VariableExpansion() {
    }

    static String expand(String text, Map<String, String> variables) {
        StringBuilder out = new StringBuilder(text.length());
        int nextClose = -1; // the first '}' at or after the scan position, once looked for; -2 when there is none
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 == text.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (text.charAt(i + 1) != '{') {
                int end = nameEnd(text, i + 1);
                String value = end == i + 1 ? null : variables.get(text.substring(i + 1, end));
                out.append(value != null ? value : text.substring(i, Math.max(end, i + 1)));
                i = Math.max(end, i + 1);
                continue;
            }
            int nameStart = i + 2;
            int nameEnd = nameEnd(text, nameStart);
            if (nameEnd == nameStart || nameEnd == text.length()) {
                out.append(c);
                i++;
                continue;
            }
            String name = text.substring(nameStart, nameEnd);
            String value = variables.get(name);
            char after = text.charAt(nameEnd);
            if (after == '}') {
                out.append(value != null ? value : text.substring(i, nameEnd + 1));
                i = nameEnd + 1;
                continue;
            }
            int operator = after == ':' ? nameEnd + 1 : nameEnd;
            if (operator >= text.length() || (text.charAt(operator) != '-' && text.charAt(operator) != '+')) {
                out.append(c);
                i++;
                continue;
            }
            if (nextClose != -2 && nextClose <= operator) {
                nextClose = text.indexOf('}', operator + 1);
                nextClose = nextClose < 0 ? -2 : nextClose;
            }
            if (nextClose == -2) {
                out.append(c);
                i++;
                continue;
            }
            String word = text.substring(operator + 1, nextClose);
            boolean set = value != null && !value.isEmpty();
            if (text.charAt(operator) == '-') {
                out.append(set ? value : word);
            } else {
                out.append(set ? word : "");
            }
            i = nextClose + 1;
        }
        return out.toString();
    }

    /** The end of a variable name starting at {@code start} ([A-Za-z_][A-Za-z0-9_]*), or {@code start} when none. */
    private static int nameEnd(String text, int start) {
        if (start >= text.length() || !isNameChar(text.charAt(start)) || Character.isDigit(text.charAt(start))) {
            return start;
        }
        int end = start + 1;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
}
