// Writes the package entry points around tsc's output: dist/index.js (ESM), dist/index.d.ts and
// dist/index.cjs (CommonJS, through Node's require() of ES modules, on by default since Node 20.19).
import { writeFileSync } from "node:fs";

writeFileSync("dist/index.js", 'export * from "./src/index.js";\n');
writeFileSync("dist/index.d.ts", 'export * from "./src/index.js";\n');
writeFileSync("dist/index.cjs", 'module.exports = require("./src/index.js");\n');
