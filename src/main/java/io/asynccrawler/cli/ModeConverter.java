package io.asynccrawler.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --mode}: sync, threads, virtual or async. */
final class ModeConverter implements ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
        try {
            return Mode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The words --mode takes, for shell completion. */
    static final class Names extends java.util.ArrayList<String> {
        Names() {
            super(java.util.List.of("async", "sync", "threads", "virtual"));
        }
    }
}
