package io.labctl.grading.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labctl.grading.CheckResult;
import io.labctl.grading.GradeReport;
import io.labctl.grading.checks.CheckStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class at a glance, as one self-contained HTML page ({@code class.html} beside {@code class.csv}): nothing is
 * fetched (no CDN, font or script from elsewhere), so it opens offline from a file or an e-mail attachment. It shows
 * the score distribution as a histogram, each check's pass / partial / fail / not-gradable rates as bars (which
 * exercises the class struggled with), and a sortable table of students, each linking to their own page
 * ({@link HtmlReportWriter}).
 *
 * <p>The numbers are in the page as JSON and drawn by the page's own script with DOM calls only (never innerHTML),
 * so a student's id or a check's text is always text, never markup. {@code #sort=score} (or {@code student},
 * {@code -score}) in the address sorts the table on opening.
 */
public final class HtmlClassReport {
    public static final String NAME = "class.html";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int BINS = 10;

    private static final String SCRIPT = """
            (function () {
              const data = JSON.parse(document.getElementById('data').textContent);
              const el = (tag, attrs, text) => {
                const e = document.createElement(tag);
                Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
                if (text !== undefined) e.textContent = text;
                return e;
              };
              const fmt = n => (Math.round(n * 100) / 100).toString();
              const graded = data.students.filter(s => s.gradable);
              const scores = graded.map(s => s.score).sort((a, b) => a - b);
              const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
              const median = scores.length ? (scores.length % 2 ? scores[(scores.length - 1) / 2]
                  : (scores[scores.length / 2 - 1] + scores[scores.length / 2]) / 2) : 0;
              const summary = document.getElementById('summary');
              summary.setAttribute('data-students', data.students.length);
              summary.setAttribute('data-graded', graded.length);
              summary.setAttribute('data-mean', fmt(mean));
              summary.setAttribute('data-median', fmt(median));
              summary.textContent = data.students.length + ' students, ' + graded.length + ' gradable; mean '
                  + fmt(mean) + ', median ' + fmt(median) + ' of ' + fmt(data.max);

              const bins = new Array(data.bins).fill(0);
              graded.forEach(s => {
                const i = data.max > 0 ? Math.min(data.bins - 1, Math.floor(s.score / data.max * data.bins)) : 0;
                bins[i]++;
              });
              const most = Math.max(1, ...bins);
              const histogram = document.getElementById('histogram');
              bins.forEach((count, i) => {
                const from = data.max * i / data.bins, to = data.max * (i + 1) / data.bins;
                const bin = el('div', {'class': 'bin', 'data-from': fmt(from), 'data-to': fmt(to), 'data-count': count,
                  'title': count + ' student(s) with ' + fmt(from) + (i === data.bins - 1 ? ' to ' : ' to under ') + fmt(to)});
                bin.appendChild(el('div', {'class': 'count'}, String(count)));
                bin.appendChild(el('div', {'class': 'bar', 'style': 'height:' + (count / most * 160) + 'px'}));
                bin.appendChild(el('div', {'class': 'range'}, fmt(from) + '–' + fmt(to)));
                histogram.appendChild(bin);
              });

              const checks = document.getElementById('check-rates');
              data.checks.forEach(c => {
                const total = c.passed + c.partial + c.failed + c.notGradable + c.other;
                const row = el('tr', {'data-check': c.id, 'data-passed': c.passed, 'data-partial': c.partial,
                  'data-failed': c.failed, 'data-not-gradable': c.notGradable, 'data-other': c.other});
                const name = el('td');
                name.appendChild(el('div', {}, c.id));
                name.appendChild(el('div', {'class': 'muted'}, c.title));
                row.appendChild(name);
                const bars = el('td');
                const stack = el('div', {'class': 'stack'});
                [['passed', c.passed], ['partial', c.partial], ['failed', c.failed], ['not-gradable', c.notGradable],
                 ['other', c.other]].forEach(([k, n]) => {
                  if (n > 0) stack.appendChild(el('span', {'class': 'seg ' + k,
                    'style': 'width:' + (n / total * 100) + '%', 'title': n + ' ' + k}));
                });
                bars.appendChild(stack);
                row.appendChild(bars);
                row.appendChild(el('td', {'class': 'rates'}, c.passed + ' passed, ' + c.partial + ' partial, ' + c.failed
                    + ' failed, ' + c.notGradable + ' not gradable' + (c.other ? ', ' + c.other + ' other' : '')));
                checks.appendChild(row);
              });

              const body = document.querySelector('#students tbody');
              const render = rows => {
                body.replaceChildren();
                rows.forEach(s => {
                  const tr = el('tr', {'data-student': s.id, 'data-score': fmt(s.score)});
                  const link = el('td');
                  link.appendChild(el('a', {'href': encodeURIComponent(s.page)}, s.id));
                  tr.appendChild(link);
                  tr.appendChild(el('td', {}, fmt(s.score) + ' / ' + fmt(s.max)));
                  tr.appendChild(el('td', {'class': s.gradable ? '' : 'not-gradable'},
                      s.gradable ? 'graded' : 'not gradable'));
                  body.appendChild(tr);
                });
              };
              const sorted = key => {
                const desc = key.startsWith('-'), k = desc ? key.slice(1) : key;
                const rows = data.students.slice().sort((a, b) => k === 'score' ? a.score - b.score
                    : a.id.localeCompare(b.id));
                return desc ? rows.reverse() : rows;
              };
              let current = (location.hash.match(/sort=(-?\\w+)/) || [])[1] || 'student';
              render(sorted(current));
              document.querySelectorAll('#students th[data-sort]').forEach(th => th.addEventListener('click', () => {
                const key = th.getAttribute('data-sort');
                current = current === key ? '-' + key : key;
                render(sorted(current));
              }));
              document.body.setAttribute('data-rendered', 'true');
            })();
            """;

    private static final String CLASS_STYLE = """
            #histogram{display:flex;align-items:flex-end;gap:.4rem;height:220px;border-bottom:1px solid #d0d7de}
            .bin{flex:1;text-align:center;font-size:.8rem}.bin .bar{background:#0969da;border-radius:3px 3px 0 0}
            .bin .range{color:#57606a;white-space:nowrap}.stack{display:flex;height:1rem;width:24rem;background:#eaeef2}
            .seg.passed{background:#2da44e}.seg.partial{background:#d4a72c}.seg.failed{background:#cf222e}
            .seg.not-gradable{background:#8250df}.seg.other{background:#8c959f}.rates{font-size:.85rem;white-space:nowrap}
            th[data-sort]{cursor:pointer;text-decoration:underline dotted}
            """;

    private HtmlClassReport() {
    }

    /** Writes the class page of {@code reports} (in roster order); each student's page is {@code STUDENT.html}. */
    public static void write(List<GradeReport> reports, Writer out) throws IOException {
        GradeReport first = reports.isEmpty() ? null : reports.get(0);
        String title = first == null ? "No students" : first.labTitle();
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Class: " + HtmlText.escape(title) + "</title><style>" + HtmlReportWriter.STYLE + CLASS_STYLE
                + "</style></head>\n<body>\n");
        out.write("<h1>Class: " + HtmlText.escape(title) + "</h1>\n<p id=\"summary\" class=\"muted\"></p>\n");
        out.write("<h2>Score distribution</h2>\n<div id=\"histogram\"></div>\n");
        out.write("<h2>Checks: which exercises the class struggled with</h2>\n<table><tbody id=\"check-rates\"></tbody>"
                + "</table>\n");
        out.write("<h2>Students</h2>\n<table id=\"students\"><thead><tr><th data-sort=\"student\">Student</th>"
                + "<th data-sort=\"score\">Score</th><th>Status</th></tr></thead><tbody></tbody></table>\n");
        out.write("<script type=\"application/json\" id=\"data\">" + HtmlText.scriptJson(JSON.writeValueAsString(data(reports)))
                + "</script>\n<script>" + SCRIPT + "</script>\n</body></html>\n");
        out.flush();
    }

    static ObjectNode data(List<GradeReport> reports) {
        ObjectNode root = JSON.createObjectNode();
        root.put("max", reports.stream().mapToDouble(GradeReport::maxScore).max().orElse(0));
        root.put("bins", BINS);
        ArrayNode students = root.putArray("students");
        Map<String, int[]> rates = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (GradeReport report : reports) {
            ObjectNode s = students.addObject();
            s.put("id", report.student());
            s.put("score", report.score());
            s.put("max", report.maxScore());
            s.put("gradable", report.gradable());
            s.put("page", HtmlReportWriter.page(report.student()));
            for (CheckResult check : report.checks()) {
                titles.putIfAbsent(check.id(), check.title());
                rates.computeIfAbsent(check.id(), k -> new int[5])[bucket(check.status())]++;
            }
        }
        ArrayNode checks = root.putArray("checks");
        rates.forEach((id, n) -> {
            ObjectNode c = checks.addObject();
            c.put("id", id);
            c.put("title", titles.get(id));
            c.put("passed", n[0]);
            c.put("partial", n[1]);
            c.put("failed", n[2]);
            c.put("notGradable", n[3]);
            c.put("other", n[4]);
        });
        return root;
    }

    /** passed, partial, failed, not gradable, other (an error, skipped or pending review: not the student's result). */
    private static int bucket(CheckStatus status) {
        return switch (status) {
            case PASSED -> 0;
            case PARTIAL -> 1;
            case FAILED -> 2;
            case NOT_GRADABLE -> 3;
            case ERROR, SKIPPED, PENDING -> 4;
        };
    }
}
