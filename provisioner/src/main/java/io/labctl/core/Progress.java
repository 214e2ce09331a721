package io.labctl.core;

/**
 * Where long-running core operations report what they are doing. The CLI prints it on stderr;
 * tests and library users can collect or ignore it. Implementations must be thread-safe.
 */
public interface Progress {
    /** A new step starts ("Applying 3 objects"). */
    void step(String message);

    /** The current step's live status changed ("pods ready 2/4, workers ALIVE 1/3"). */
    void update(String status);

    /** Something worth knowing that is not an error ("image not found on node x"). */
    void note(String message);

    /**
     * The current step has {@code total} parts and {@code done} are finished ("[3/9] RUN apt-get ..." of a build):
     * a bar on a terminal. Later {@link #update}s of the same step keep the count beside them.
     */
    default void counted(String status, int done, int total) {
        update("[" + done + "/" + total + "] " + status);
    }

    /** A progress sink that drops everything. */
    Progress SILENT = new Progress() {
        @Override
        public void step(String message) {
        }

        @Override
        public void update(String status) {
        }

        @Override
        public void note(String message) {
        }
    };
}
