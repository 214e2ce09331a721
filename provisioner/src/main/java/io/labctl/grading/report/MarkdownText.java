package io.labctl.grading.report;

import io.labctl.core.TerminalText;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report text placed into Markdown so that it shows as written and never as markup; control characters (an ESC
 * in a student's file name) are shown in caret notation, since a Markdown report is also read with cat.
 */
final class MarkdownText {
    /**
     * ASCII punctuation that can start or end markup inline, in a table cell ({@code |}) or at the end of a
     * heading ({@code #}); CommonMark lets a backslash escape any ASCII punctuation.
     */
    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|~&#]");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private MarkdownText() {
    }

    /**
     * For a table cell, heading or paragraph: markup characters escaped, line breaks folded into spaces (a line
     * break would end a table row, and a new line could start a list or a heading).
     */
    static String inline(String text) {
        String oneLine = TerminalText.visible(text.strip().replaceAll("\\R", " "));
        return SPECIAL.matcher(oneLine).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    /** A fenced code block holding {@code text} verbatim; the fence is longer than any backtick run inside. */
    static String codeBlock(String text) {
        text = TerminalText.visible(text);
        int longest = BACKTICKS.matcher(text).results().mapToInt(m -> m.group().length()).max().orElse(0);
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "text\n" + text.strip() + "\n" + fence + "\n";
    }
}
