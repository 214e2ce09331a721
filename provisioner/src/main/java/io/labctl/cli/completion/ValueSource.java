package io.labctl.cli.completion;

/** Where the values of one kind of argument come from (lab clusters, namespaces, exercise ids, ...). */
@FunctionalInterface
interface ValueSource {
    /** Every value that fits, unfiltered: the caller keeps those that start with what is typed. */
    Completions values(Lookup lookup);
}
