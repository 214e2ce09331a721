package io.labctl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.core.Progress;
import io.labctl.grading.report.StatusMarks;
import io.labctl.kube.KubeSession;
import io.labctl.kube.KubeTarget;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The per-invocation helpers a command needs: the global options, a connected session that says
 * which context it uses, progress on stderr, and printing a result in the chosen format on stdout.
 */
public final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)) // a long line stays one line, no "\\" continuations
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final CliContext context;
    private final GlobalOptions options;
    private final Style style;
    private final ConsoleProgress progress;

    private Cli(CliContext context, GlobalOptions options) {
        this.context = context;
        this.options = options;
        // TERM=dumb (Emacs shells, some CI logs) understands neither colors nor rewriting a line in place.
        boolean dumb = "dumb".equals(context.env().get("TERM"));
        boolean colors = !options.noColor && !context.env().containsKey("NO_COLOR") && context.terminal() && !dumb;
        this.style = new Style(colors);
        this.progress = new ConsoleProgress(context.err(), style, context.terminal() && !dumb, options.quiet());
    }

    /** The helpers for the command whose spec is given (any depth below the root). */
    public static Cli of(CommandSpec spec) {
        LabctlCommand root = (LabctlCommand) spec.root().userObject();
        return new Cli(root.context(), root.globals());
    }

    public CliContext context() {
        return context;
    }

    public GlobalOptions options() {
        return options;
    }

    public Style style() {
        return style;
    }

    /** The report marks this terminal shows: one character each with a UTF-8 locale, else ASCII words. */
    public StatusMarks marks() {
        return StatusMarks.forLocale(context.env());
    }

    public Progress progress() {
        return progress;
    }

    public PrintWriter out() {
        return context.out();
    }

    public PrintWriter err() {
        return context.err();
    }

    /** The process environment (tests pass their own). */
    public java.util.Map<String, String> env() {
        return context.env();
    }

    public io.labctl.kube.KubeConnector connector() {
        return context.connector();
    }

    public KubeTarget target() {
        return new KubeTarget(options.kubeconfig, options.context, options.namespace);
    }

    /** Connects and says on stderr which kubeconfig, context and namespace are used. */
    public KubeSession connect() {
        KubeSession session = context.connector().connect(target());
        if (!options.quiet()) {
            context.err().println(style.dim(session.describe()));
        }
        return session;
    }

    /** The namespace to use without contacting the cluster (for --dry-run): -n, else the context's, else default. */
    public String offlineNamespace() {
        if (options.namespace != null) {
            return options.namespace;
        }
        try {
            return context.connector().loadConfig(target()).getNamespace();
        } catch (LabctlException e) {
            return "default";
        }
    }

    /** Prints {@code result} on stdout: through {@code text} for people, or as JSON/YAML for scripts. */
    public <T> void print(T result, BiFunction<T, Style, String> text) {
        progress.closeStatusLine();
        try {
            switch (options.output()) {
                case json -> context.out().println(JSON.writeValueAsString(result));
                case yaml -> context.out().print(YAML.writeValueAsString(result));
                case text -> context.out().print(text.apply(result, style));
                // GlobalOptionScope refuses these before a command that prints no list runs.
                case wide, name -> throw new IllegalStateException("-o " + options.output() + " on a result that is no list");
            }
        } catch (JsonProcessingException e) {
            throw new LabctlException(ExitCode.INTERNAL, "cannot format the result: " + e.getOriginalMessage(), null, e);
        }
        context.out().flush();
    }

    /**
     * Prints a list: as {@link #print} does, plus kubectl's {@code -o wide} (the text table with more columns) and
     * {@code -o name} (one name per line, what another labctl command takes as its argument).
     */
    public <R> void printList(List<R> rows, BiFunction<List<R>, Style, String> text, BiFunction<List<R>, Style, String> wide,
                              Function<R, String> name) {
        switch (options.output()) {
            case wide -> {
                progress.closeStatusLine();
                context.out().print(wide.apply(rows, style));
                context.out().flush();
            }
            case name -> {
                progress.closeStatusLine();
                rows.forEach(row -> context.out().println(name.apply(row)));
                context.out().flush();
            }
            default -> print(rows, text);
        }
    }
}
