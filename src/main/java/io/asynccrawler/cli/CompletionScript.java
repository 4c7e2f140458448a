package io.asynccrawler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bash completion script, made from the commands' own option model. picocli's generated one
 * missed the common case: no list file after {@code crawler fetch}, nothing after {@code -v}, no
 * paths for {@code --report} or {@code --timeline}, nothing after the comma of {@code --modes
 * sync,}, no {@code --no-compressed}. This one knows, for each command, every option name (the
 * negated forms included) and what each option's value is: one of a closed set, a comma list of
 * one, a file, a directory, or free text (nothing to offer). Works in zsh through bashcompinit.
 */
final class CompletionScript {
    /** What an option's value is, for completion. */
    private enum ValueKind {
        FILE, DIRECTORY, CHOICE, CHOICES, FREE
    }

    private CompletionScript() {
    }

    static String bash(CommandLine root) {
        Map<String, CommandSpec> commands = new TreeMap<>();
        root.getSubcommands().forEach((name, sub) -> commands.put(name, sub.getCommandSpec()));
        StringBuilder values = new StringBuilder();
        StringBuilder options = new StringBuilder();
        for (Map.Entry<String, CommandSpec> command : commands.entrySet()) {
            List<String> names = new ArrayList<>();
            for (OptionSpec option : command.getValue().options()) {
                if (option.hidden()) {
                    continue;
                }
                names.addAll(completedNames(option));
                if (option.arity().max() > 0) {
                    for (String name : option.names()) {
                        values.append("    '").append(command.getKey()).append(' ').append(name).append("') echo '")
                                .append(value(option)).append("' ;;\n");
                    }
                }
            }
            options.append("    ").append(command.getKey()).append(") echo '").append(String.join(" ", names)).append("' ;;\n");
        }
        String commandWords = String.join(" ", commands.keySet());
        return TEMPLATE.replace("@COMMANDS@", commandWords).replace("@COMMAND_CASE@", String.join("|", commands.keySet()))
                .replace("@VALUES@", values).replace("@OPTIONS@", options);
    }

    /** An option's names as typed: a negatable one's {@code --no-} form as well. */
    private static List<String> completedNames(OptionSpec option) {
        List<String> names = new ArrayList<>();
        for (String name : option.names()) {
            if (name.contains("[no-]")) { // how picocli spells a negatable option's long name
                names.add(name.replace("[no-]", ""));
                names.add(name.replace("[no-]", "no-"));
            } else {
                names.add(name);
                if (option.negatable() && name.startsWith("--")) {
                    names.add(name.startsWith("--no-") ? "--" + name.substring(5) : "--no-" + name.substring(2));
                }
            }
        }
        return names;
    }

    /** {@code KIND WORDS...}: what the shell function offers for the option's value. */
    private static String value(OptionSpec option) {
        List<String> choices = new ArrayList<>();
        Iterable<String> candidates = option.completionCandidates();
        if (candidates != null) {
            candidates.forEach(choices::add);
        } else if (option.type().isEnum()) {
            for (Object constant : option.type().getEnumConstants()) {
                choices.add(constant.toString().toLowerCase(Locale.ROOT));
            }
        }
        ValueKind kind;
        if (!choices.isEmpty()) {
            kind = option.splitRegex().isEmpty() ? ValueKind.CHOICE : ValueKind.CHOICES;
        } else if (option.paramLabel().contains("DIR")) {
            kind = ValueKind.DIRECTORY;
        } else if (option.paramLabel().contains("FILE") || Path.class.isAssignableFrom(option.type())
                || java.io.File.class.isAssignableFrom(option.type())) {
            kind = ValueKind.FILE;
        } else {
            kind = ValueKind.FREE;
        }
        String words = String.join(" ", choices).replace("'", "");
        return kind.name().toLowerCase(Locale.ROOT) + (words.isEmpty() ? "" : " " + words);
    }

    private static final String TEMPLATE = String.join("\n",
            "# bash completion for crawler: made by `crawler completion`; zsh: autoload -U +X bashcompinit && bashcompinit",
            "",
            "# _crawler_value COMMAND OPTION: what OPTION of COMMAND takes (file, directory, choice W..., choices W..., free);",
            "# fails for an option that takes no value.",
            "_crawler_value() {",
            "  case \"$1 $2\" in",
            "@VALUES@    *) return 1 ;;",
            "  esac",
            "}",
            "",
            "# _crawler_options COMMAND: every option name of COMMAND, negated forms included.",
            "_crawler_options() {",
            "  case \"$1\" in",
            "@OPTIONS@  esac",
            "}",
            "",
            "_complete_crawler() {",
            "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd='' i w",
            "  COMPREPLY=()",
            "  # --opt=VALUE: bash splits the word at '=' (COMP_WORDBREAKS)",
            "  if [[ $cur == = ]]; then cur=''; elif [[ $prev == = && COMP_CWORD -ge 2 ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi",
            "  # The command: the first word that is neither an option nor an option's value; a URL or a",
            "  # file there is the implicit fetch (crawler urls.txt).",
            "  for ((i = 1; i < COMP_CWORD; i++)); do",
            "    w=${COMP_WORDS[i]}",
            "    case $w in",
            "      @COMMAND_CASE@) cmd=$w; break ;;",
            "      =) ;;",
            "      -*) _crawler_value fetch \"${w%%=*}\" >/dev/null && [[ $w != *=* && ${COMP_WORDS[i+1]} != = ]] && ((i++)) ;;",
            "      *) cmd=fetch; break ;;",
            "    esac",
            "  done",
            "  local kind",
            "  if [[ $prev == -* ]] && kind=$(_crawler_value \"${cmd:-fetch}\" \"$prev\"); then",
            "    case $kind in",
            "      file) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")) ;;",
            "      directory) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\")) ;;",
            "      choice\\ *) COMPREPLY=($(compgen -W \"${kind#choice }\" -- \"$cur\")) ;;",
            "      choices\\ *) # a comma list: complete the item after the last comma, keep what is before it",
            "        local head=${cur%\"${cur##*,}\"}",
            "        compopt -o nospace 2>/dev/null",
            "        COMPREPLY=($(compgen -P \"$head\" -W \"${kind#choices }\" -- \"${cur##*,}\")) ;;",
            "    esac",
            "    return 0",
            "  fi",
            "  if [[ $cur == -* ]]; then",
            "    COMPREPLY=($(compgen -W \"$(_crawler_options \"${cmd:-fetch}\")\" -- \"$cur\"))",
            "    return 0",
            "  fi",
            "  case $cmd in",
            "    '') compopt -o filenames 2>/dev/null",
            "        COMPREPLY=($(compgen -W '@COMMANDS@' -- \"$cur\") $(compgen -f -- \"$cur\")) ;;",
            "    fetch|crawl|compare) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")) ;;",
            "    help) COMPREPLY=($(compgen -W '@COMMANDS@' -- \"$cur\")) ;;",
            "  esac",
            "  return 0",
            "}",
            "",
            "complete -F _complete_crawler crawler",
            "");
}
