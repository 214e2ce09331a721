package io.labctl.grading.report;

import io.labctl.core.TerminalText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV dialect of every labctl CSV: RFC 4180 (comma, double quotes, CRLF), a header row; what spreadsheets
 * and LMS gradebook imports expect. Fields with commas, quotes or line breaks are quoted, so they survive.
 */
final class Csv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private Csv() {
    }

    /** A printer that has written the header row. Flush it; closing it would close the caller's Writer. */
    static CSVPrinter printer(Writer out, List<String> header) throws IOException {
        return new CSVPrinter(out, FORMAT.builder().setHeader(header.toArray(String[]::new)).get());
    }

    /**
     * Free text that came from a student's work (observed values, file and object names) or an error, made inert
     * for spreadsheets: a cell starting with = + - @ or a control character would be run as a formula when an
     * instructor opens the CSV (CSV injection), so it gets a leading apostrophe, as OWASP recommends.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        // Control characters are shown, not kept: the file is also read with cat, where an ESC would run.
        String shown = TerminalText.visible(value);
        return "=+-@\t\r".indexOf(first) >= 0 ? "'" + shown : shown;
    }

    /** A table read back: the header, and each row as column -> value in header order ("" for a missing field). */
    record Table(List<String> header, List<Map<String, String>> rows) {
    }

    static Table parse(String csv) throws IOException {
        // A spreadsheet that saved the file may have put a byte order mark before the first column name.
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat withHeader = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), withHeader)) {
            List<String> header = List.copyOf(parser.getHeaderNames());
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                header.forEach(column -> row.put(column, record.isSet(column) ? record.get(column) : ""));
                rows.add(row);
            }
            return new Table(header, rows);
        }
    }
}
