/** @file NumPy's calling convention in JS: positional arguments in NumPy's order, then one trailing options object (API.md "Arguments"). */
import { NumpyTypeError } from "../runtime/errors.js";
import { isOptions } from "./convert.js";

/**
 * The keyword arguments of a call: `args` are what follows the first parameter, `names` NumPy's
 * parameter names in order. A trailing plain object holds keywords; a name given both ways is
 * NumPy's TypeError.
 */
export function kwargs<T extends object>(fn: string, args: readonly unknown[], names: readonly string[]): T {
  const rest = [...args];
  const opts: Record<string, unknown> = rest.length && isOptions(rest[rest.length - 1]) ? { ...(rest.pop() as object) } : {};
  if (rest.length > names.length) {
    throw new NumpyTypeError(`${fn}() takes from 1 to ${names.length + 1} positional arguments but ${rest.length + 1} were given`);
  }
  rest.forEach((v, i) => {
    if (v === undefined) return;
    if (names[i] in opts) throw new NumpyTypeError(`${fn}() got multiple values for argument '${names[i]}'`);
    opts[names[i]] = v;
  });
  return opts as T;
}

/** Positional arguments in NumPy's order laid over a trailing options object (the positional wins; no checks). */
export function argsWithOptions<T extends object>(args: readonly unknown[], names: readonly (keyof T)[]): T {
  const list = [...args];
  const opts = (list.length && isOptions(list[list.length - 1]) ? list.pop() : {}) as T;
  const out = { ...opts } as Record<keyof T, unknown>;
  names.forEach((n, i) => {
    if (i < list.length && list[i] !== undefined) out[n] = list[i];
  });
  return out as T;
}
