package io.asynccrawler.cli;

import io.asynccrawler.transport.Transport;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --transport}: a transport name, refused here when its native library does not load. */
final class TransportConverter implements ITypeConverter<Transport> {
    @Override
    public Transport convert(String value) {
        Transport transport;
        try {
            transport = Transport.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (!transport.isAvailable()) {
            throw new TypeConversionException("transport " + transport + " is not available here: "
                    + Errors.describe(transport.unavailabilityCause()));
        }
        return transport;
    }

    /** The words --transport takes, for shell completion. */
    static final class Names extends java.util.ArrayList<String> {
        Names() {
            super(java.util.List.of("auto", "epoll", "io_uring", "nio"));
        }
    }
}
