package io.asynccrawler.cli;

/** The process exit codes of every command (DESIGN §1). */
final class ExitCodes {
    /** Every URL succeeded or was skipped. */
    static final int OK = 0;
    /** At least one URL failed. */
    static final int SOME_FAILED = 1;
    /** Usage or input error. */
    static final int USAGE = 2;
    /** The output directory cannot be written. */
    static final int OUTPUT_DIR = 3;
    /** Interrupted by SIGINT (128 + 2). */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
