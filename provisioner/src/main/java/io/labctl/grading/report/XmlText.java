package io.labctl.grading.report;

/**
 * Text made safe for XML 1.0 beyond what XMLStreamWriter escapes. The writer escapes markup ({@code < & "}) but
 * passes through characters XML 1.0 cannot hold at all (a terminal escape in a pod log, a NUL), which would make
 * the whole file unreadable to every CI tool; and parsers fold line breaks in attribute values into spaces.
 */
final class XmlText {
    private static final int REPLACEMENT = 0xFFFD;

    private XmlText() {
    }

    /** Element text: characters XML 1.0 forbids become U+FFFD; everything else is kept. */
    static String content(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        // Code points, not chars: a valid surrogate pair is an allowed character, a lone surrogate is not.
        text.codePoints().forEach(cp -> safe.appendCodePoint(allowed(cp) ? cp : REPLACEMENT));
        return safe.toString();
    }

    /**
     * Attribute values: as {@link #content}, and on one line. A parser would turn each line break or tab into a
     * space anyway (attribute-value normalization); doing it here makes the file say what readers will see.
     */
    static String attribute(String text) {
        return content(text.replaceAll("\\R|\\t", " "));
    }

    /** The Char production of XML 1.0. */
    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
