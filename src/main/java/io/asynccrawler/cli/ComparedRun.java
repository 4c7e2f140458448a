package io.asynccrawler.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of a comparison: a mode, and with {@code --protocols} the protocol the event loop speaks.
 *
 * @param mode     how the run waits
 * @param protocol over which protocol ({@code --protocols}), or null: the mode's own way
 */
record ComparedRun(Mode mode, ComparedProtocol protocol) {
    /** Its name in the table, the timeline, the report and OUTPUT-DIR. */
    String label() {
        return protocol == null ? mode.label() : protocol.label();
    }

    /** Each of {@code modes}, or, when {@code protocols} name any, async over each of them. */
    static List<ComparedRun> of(List<Mode> modes, List<ComparedProtocol> protocols) {
        List<ComparedRun> runs = new ArrayList<>();
        if (protocols.isEmpty()) {
            modes.forEach(m -> runs.add(new ComparedRun(m, null)));
        } else {
            protocols.forEach(p -> runs.add(new ComparedRun(Mode.ASYNC, p)));
        }
        return runs;
    }
}
