package io.asynccrawler.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults people set once: an environment variable {@code CRAWLER_<LONG_NAME>}
 * ({@code CRAWLER_CONCURRENCY=128}, {@code CRAWLER_OUTPUT_DIR=out}) or a line {@code long-name=value}
 * in a properties file ({@code --config FILE}, else {@code ~/.config/crawler/crawler.properties} if
 * present). Precedence: a flag on the command line, then the environment, then the file, then the
 * built-in default. Values are read exactly as on the command line (same converters, same checks);
 * an empty variable ({@code CRAWLER_CONCURRENCY=}) counts as not set.
 */
final class ConfigDefaults implements IDefaultValueProvider {
    static final String ENV_PREFIX = "CRAWLER_";
    /** Options that only act on the command line. */
    private static final Set<String> NOT_DEFAULTED = Set.of("help", "version", "config", "input-file"); // input-file: what to fetch is no default

    private final Map<String, String> env;
    private final Properties file;
    private final Path source;

    private ConfigDefaults(Map<String, String> env, Properties file, Path source) {
        this.env = env;
        this.file = file;
        this.source = source;
    }

    /** The default config file: {@code $XDG_CONFIG_HOME/crawler/crawler.properties}, else under {@code ~/.config}. */
    static Path defaultFile(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("crawler").resolve("crawler.properties");
    }

    /**
     * Defaults from {@code env} and {@code config} (a file given with --config, which must exist), or
     * else the default file if it exists.
     */
    static ConfigDefaults load(Map<String, String> env, Path config, Path defaultFile) throws IOException {
        Path path = config != null ? config : defaultFile;
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (NoSuchFileException e) {
            if (config != null) {
                throw new NoSuchFileException(config.toString(), null, "no such config file");
            }
            return new ConfigDefaults(env, props, null);
        }
        return new ConfigDefaults(env, props, path);
    }

    /** The file the defaults came from, or null. */
    Path source() {
        return source;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec)) {
            return null;
        }
        String key = key((OptionSpec) arg);
        if (NOT_DEFAULTED.contains(key)) {
            return null;
        }
        String fromEnv = env.get(envName(key));
        if (fromEnv != null && !fromEnv.isEmpty()) { // CRAWLER_CONCURRENCY= unsets it, as a shell user means
            return fromEnv;
        }
        String fromFile = file.getProperty(key);
        return fromFile != null ? fromFile.trim() : null;
    }

    /**
     * Where {@code option}'s default came from, when this provider gave one: "environment variable
     * CRAWLER_X" or "config file F"; else null. For error messages about a bad default value.
     */
    String origin(OptionSpec option) {
        String key = key(option);
        if (NOT_DEFAULTED.contains(key)) {
            return null;
        }
        String fromEnv = env.get(envName(key));
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return "environment variable " + envName(key);
        }
        return file.getProperty(key) != null ? "config file " + source : null;
    }

    /**
     * A warning for each {@code CRAWLER_*} variable and each config key that no option of any
     * command has (a typo would otherwise change nothing without a word), naming the closest known
     * one. {@code CRAWLER_JAVA_OPTS} is the launcher's. {@code root} holds the commands this run
     * can reach; {@code everyCommand} makes them all, which costs a start some milliseconds, so
     * only when a name is unknown to {@code root} (CRAWLER_BIND is serve's, not fetch's).
     */
    List<String> unknownNames(CommandLine root, Supplier<CommandLine> everyCommand) {
        List<String> warnings = unknownNames(root);
        return warnings.isEmpty() ? warnings : unknownNames(everyCommand.get());
    }

    private List<String> unknownNames(CommandLine root) {
        Set<String> keys = new TreeSet<>();
        collectKeys(root, keys);
        keys.removeAll(NOT_DEFAULTED);
        Map<String, String> envNames = new TreeMap<>();
        keys.forEach(k -> envNames.put(envName(k), k));
        envNames.put(ENV_PREFIX + "JAVA_OPTS", null);
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith(ENV_PREFIX) && !envNames.containsKey(name)) {
                String closest = Closest.among(name, envNames.keySet());
                warnings.add("unknown environment variable " + name + ", ignored"
                        + (closest != null ? "; did you mean " + closest + "?" : ""));
            }
        }
        for (String key : new TreeSet<>(file.stringPropertyNames())) {
            if (!keys.contains(key)) {
                String closest = Closest.among(key, keys);
                warnings.add("unknown key '" + key + "' in config " + source + ", ignored"
                        + (closest != null ? "; did you mean '" + closest + "'?" : ""));
            }
        }
        return warnings;
    }

    private static void collectKeys(CommandLine command, Set<String> keys) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            keys.add(key(option));
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            collectKeys(sub, keys);
        }
    }

    /** An option's key: its longest name without dashes ({@code --output-dir} is {@code output-dir}). */
    static String key(OptionSpec option) {
        String name = option.longestName().replaceFirst("^-+", "");
        return name.startsWith("[no-]") ? name.substring(5) : name;
    }

    static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The value of {@code --config FILE} or {@code --config=FILE} among {@code args}, or null. */
    static Path configArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }
}
