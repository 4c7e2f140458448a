package io.asynccrawler.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crawler completion}: a bash (and zsh) completion script for every command and option ({@link CompletionScript}). */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print a completion script for bash and zsh (commands, options, their values, list files and paths).",
            "",
            "  source <(crawler completion)                                            # bash, this shell",
            "  crawler completion > ~/.local/share/bash-completion/completions/crawler   # bash, for good",
            "  autoload -U +X bashcompinit && bashcompinit && source <(crawler completion)   # zsh"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(CompletionScript.bash(spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }
}
