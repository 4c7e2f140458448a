package io.asynccrawler.fetch;

/** What becomes of a part file, as far as its exchange ({@link ExchangeBody}) has decided. */
enum PartFate {
    /** Nothing decided: a failure drops what this exchange wrote. */
    UNDECIDED,
    /** --resume: a failure keeps what arrived, with its meta, for the next try. */
    KEEP_ON_FAILURE,
    /** The server's answer cannot be continued (or is too large): a failure deletes the part file and its meta. */
    DELETE_ON_FAILURE,
    /** A 416 said the part file already held the whole body: it has been published. */
    COMPLETED_BY_416,
    /** A 416 said the part file cannot be continued: it has been deleted, and a new request starts over. */
    DELETED_BY_416,
    /** A 416 without Content-Range for a part as long as the known length: kept, its last byte to be asked again. */
    CONFIRM_AFTER_416
}
