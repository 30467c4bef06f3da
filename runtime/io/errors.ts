/** @file Python exceptions that NumPy's file functions let through (KeyError, EOFError, zipfile.BadZipFile), so callers can catch them by Python's names. */
import { ValueError } from "../errors.js";

/** Python's KeyError: NpzFile.get of a name that is not in the archive. */
export class KeyError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "KeyError";
  }
}

/** Python's EOFError: np.load of an empty file. */
export class EOFError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "EOFError";
  }
}

/**
 * zipfile.BadZipFile. Python's is a plain Exception; here it extends ValueError so that every
 * corrupt-input error of np.load can be caught as a ValueError.
 */
export class BadZipFile extends ValueError {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "BadZipFile";
  }
}
