/** @file numfuse's file and raw-byte I/O: `.npy` / `.npz` (save, load, savez, savez_compressed, NpzFile), text (loadtxt, savetxt) and raw bytes and their text mode (frombuffer, fromstring, fromfile, tobytes, tofile, byteswap). */
export { save, load, savez, savez_compressed, NpzFile, type LoadOptions, type LoadSource, type SaveTarget } from "./npy.js";
export { frombuffer, fromfile, fromstring, tobytes, tofile, type BufferSource } from "./raw.js";
export { byteswap } from "../byteorder.js";
export { KeyError, EOFError, BadZipFile } from "../../runtime/io/errors.js";
export { loadtxt, savetxt, savetxtString, type LoadtxtOptions, type SavetxtOptions, type TextSource, type Converter } from "./text.js";
export { genfromtxt, type GenfromtxtOptions, type GenConverter } from "./genfromtxt.js";
