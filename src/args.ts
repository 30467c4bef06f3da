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
