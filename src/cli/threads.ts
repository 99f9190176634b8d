// What decides how many threads a command settles on, shared by the command's parser and by
// `bin`'s early start (simulateStart.ts), which must not load the rest of the command.

/** Below this, a file is settled in the main thread unless `--workers` says otherwise: starting threads would cost more than they save. */
export const SMALL_FILE = 1 << 20;

/** A `--workers` value the commands take: a whole number from 1 to 999. */
export const WORKERS_VALUE = /^[1-9]\d{0,2}$/;
