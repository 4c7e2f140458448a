package io.asynccrawler.fetch;

import java.nio.ByteBuffer;

/** The parts of a gzip member (RFC 1952) around the deflate data: header fields and the CRC/size trailer. */
final class GzipFraming {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private enum State { FIXED, EXTRA_LEN, EXTRA, NAME, COMMENT, HCRC, BODY, TRAILER, DONE }

    private State state = State.FIXED;
    private final byte[] fixed = new byte[10];
    private int count;
    private int flags;
    private int extraLength;
    private final byte[] trailer = new byte[8];
    private boolean anyMember;

    boolean inHeader() {
        return state != State.BODY && state != State.TRAILER;
    }

    /** ID1, ID2 and CM (deflate) of every gzip member. */
    private static final byte[] MAGIC = {(byte) 0x1f, (byte) 0x8b, 8};

    boolean inBody() {
        return state == State.BODY;
    }

    /** True between members: nothing of a member is pending (and at least one was read). */
    boolean atMemberBoundary() {
        return anyMember && (state == State.DONE || (state == State.FIXED && count == 0));
    }

    /** Consumes header bytes; true when the header is complete and deflate data follows. */
    @SuppressWarnings("fallthrough")
    boolean readHeader(ByteBuffer in) throws FetchException {
        while (in.hasRemaining() && state != State.BODY) {
            byte b = in.get();
            switch (state) {
                case DONE:
                    state = State.FIXED; // another member follows (concatenated gzip)
                    count = 0;
                    // fall through: b is the first byte of the new member
                case FIXED:
                    if (count < MAGIC.length && b != MAGIC[count]) { // told at once, not after 10 bytes
                        throw FetchException.badResponse("Content-Encoding gzip, but the body is not gzip");
                    }
                    fixed[count++] = b;
                    if (count == 10) {
                        flags = fixed[3] & 0xff;
                        count = 0;
                        state = next(State.FIXED);
                    }
                    break;
                case EXTRA_LEN:
                    extraLength |= (b & 0xff) << (8 * count++);
                    if (count == 2) {
                        count = 0;
                        state = extraLength == 0 ? next(State.EXTRA) : State.EXTRA;
                    }
                    break;
                case EXTRA:
                    if (++count == extraLength) {
                        count = 0;
                        state = next(State.EXTRA);
                    }
                    break;
                case NAME:
                case COMMENT:
                    if (b == 0) {
                        state = next(state);
                    }
                    break;
                case HCRC:
                    if (++count == 2) {
                        count = 0;
                        state = State.BODY;
                    }
                    break;
                default:
                    throw new IllegalStateException(state.name());
            }
        }
        return state == State.BODY;
    }

    /** The header part that comes after {@code done}, skipping the ones the flags leave out. */
    @SuppressWarnings("fallthrough")
    private State next(State done) {
        switch (done) {
            case FIXED:
                if ((flags & FEXTRA) != 0) {
                    extraLength = 0;
                    return State.EXTRA_LEN;
                }
                // fall through
            case EXTRA:
                if ((flags & FNAME) != 0) {
                    return State.NAME;
                }
                // fall through
            case NAME:
                if ((flags & FCOMMENT) != 0) {
                    return State.COMMENT;
                }
                // fall through
            case COMMENT:
                return (flags & FHCRC) != 0 ? State.HCRC : State.BODY;
            default:
                throw new IllegalStateException(done.name());
        }
    }

    void bodyEnded() {
        state = State.TRAILER;
        count = 0;
    }

    /** Consumes trailer bytes; true when all eight are in. */
    boolean readTrailer(ByteBuffer in) {
        while (in.hasRemaining() && count < 8) {
            trailer[count++] = in.get();
        }
        return count == 8;
    }

    void checkTrailer(long crc, long size) throws FetchException {
        long wantCrc = le32(0);
        long wantSize = le32(4);
        if (wantCrc != crc || wantSize != (size & 0xffffffffL)) {
            throw FetchException.badResponse("gzip checksum or length does not match the data");
        }
        state = State.DONE;
        count = 0;
        anyMember = true;
    }

    private long le32(int at) {
        return (trailer[at] & 0xffL) | (trailer[at + 1] & 0xffL) << 8 | (trailer[at + 2] & 0xffL) << 16
                | (trailer[at + 3] & 0xffL) << 24;
    }
}
