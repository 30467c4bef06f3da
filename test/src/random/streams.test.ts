/** @file np.random streams against NumPy (test/fixtures/random.json): every Generator and RandomState call replayed, values bit for bit, state after each call. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as np from "../../../src/index.js";
import { decArg, expectResult, make, stateOf } from "../../helpers/random-fixture.js";

const fx = JSON.parse(readFileSync(new URL("../../fixtures/random.json", import.meta.url), "utf8"));

describe("sessions replayed against NumPy", () => {
  for (const ses of fx.sessions) {
    it(`${ses.kind}(${JSON.stringify(ses.seed)})`, () => {
      const obj = make(ses.kind, ses.seed);
      expect(stateOf(ses.kind, obj), "initial state").toEqual(ses.initial);
      ses.calls.forEach((c: any, i: number) => {
        const what = `#${i} ${c.method}(${JSON.stringify(c.args)}, ${JSON.stringify(c.kwargs)})`;
        const args = decArg(c.args) as unknown[];
        const kw = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, decArg(v)]));
        let got: unknown;
        if (c.method === "shuffle") {
          const { dtype, ...rest } = kw as Record<string, unknown>;
          const arr = np.array(args[0] as never, dtype ? { dtype } : {});
          obj.shuffle(arr, ...(Object.keys(rest).length ? [rest] : []));
          got = arr;
        } else if (c.method === "rand" || c.method === "randn") {
          got = obj[c.method](...args);
        } else {
          got = obj[c.method](...args, ...(Object.keys(kw).length ? [kw] : []));
        }
        expectResult(got, c.result, what);
        expect(stateOf(ses.kind, obj), `${what}: state after`).toEqual(c.state);
      });
    });
  }
});
