/** @file NumPy's exception classes, so callers can catch by NumPy's names and messages match NumPy's. */

export class ValueError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ValueError";
  }
}

/** Extends the global TypeError so `catch (e) { e instanceof TypeError }` keeps working. */
export class NumpyTypeError extends TypeError {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "TypeError";
  }
}

export class IndexError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "IndexError";
  }

  /**
   * NumPy's AxisError inherits from both ValueError and IndexError; JS has single inheritance,
   * so AxisError extends ValueError and this hook makes `instanceof IndexError` accept it too.
   */
  static override [Symbol.hasInstance](x: unknown): boolean {
    if (typeof x !== "object" || x === null) return false;
    // Only the base class widens the check: subclasses of IndexError keep the ordinary test.
    if (this === IndexError && x instanceof AxisError) return true;
    return Function.prototype[Symbol.hasInstance].call(this, x);
  }
}

/**
 * Takes NumPy's constructor forms: `new AxisError(message)` or `new AxisError(axis, ndim,
 * msgPrefix?)`, the latter giving NumPy's "axis 2 is out of bounds for array of dimension 1".
 */
export class AxisError extends ValueError {
  readonly axis: number | undefined;
  readonly ndim: number | undefined;
  constructor(axisOrMessage?: number | string, ndim?: number, msgPrefix?: string) {
    let message: string | undefined;
    if (typeof axisOrMessage === "number" && ndim !== undefined) {
      message = `axis ${axisOrMessage} is out of bounds for array of dimension ${ndim}`;
      if (msgPrefix !== undefined && msgPrefix !== null) message = `${msgPrefix}: ${message}`;
    } else {
      message = axisOrMessage === undefined ? undefined : String(axisOrMessage);
    }
    super(message);
    this.name = "AxisError";
    this.axis = typeof axisOrMessage === "number" && ndim !== undefined ? axisOrMessage : undefined;
    this.ndim = ndim;
  }
}

/** Python's ZeroDivisionError (what NumPy lets through for arange with a zero step). */
export class ZeroDivisionError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ZeroDivisionError";
  }
}

export class OverflowError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "OverflowError";
  }
}

export class LinAlgError extends ValueError {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "LinAlgError";
  }
}
