/** @file integers/randint with array-valued bounds against NumPy (test/fixtures/integers_broadcast.json): broadcasting with and without size, every integer dtype, the per-element buffered draws, NumPy's errors, and the state after each call. */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as random from "../../../src/random/index.js";
import { array } from "../../../src/convert.js";
import { NDArray } from "../../../src/ndarray.js";
import { randomWasm } from "../../../runtime/random/pcg64-wasm.js";
import { decArg, expectResult, make, stateOf } from "../../helpers/random-fixture.js";

const fx = JSON.parse(readFileSync(new URL("../../fixtures/integers_broadcast.json", import.meta.url), "utf8"));

for (const wasm of [true, false]) {
  describe(`array-valued bounds against NumPy (wasm kernels ${wasm ? "on" : "off"})`, () => {
    const saved = randomWasm.enabled;
    beforeAll(() => void (randomWasm.enabled = wasm));
    afterAll(() => void (randomWasm.enabled = saved));
    for (const ses of fx.sessions) {
      const errors = ses.calls.filter((c: any) => "error" in c).length;
      it(`${ses.kind}(${ses.seed}): ${ses.calls.length} calls, ${errors} errors`, () => {
        const obj = make(ses.kind, ses.seed);
        expect(stateOf(ses.kind, obj, false), "initial state").toEqual(ses.initial);
        ses.calls.forEach((c: any, i: number) => {
          const what = `#${i} ${c.method}(${JSON.stringify(c.args)}, ${JSON.stringify(c.kwargs)})`;
          const args = c.args.map(decArg);
          const call = () => (Object.keys(c.kwargs).length ? obj[c.method](...args, c.kwargs) : obj[c.method](...args));
          if ("error" in c) {
            let err: any = null;
            try {
              call();
            } catch (e) {
              err = e;
            }
            expect(err, `${what}: should throw`).not.toBeNull();
            expect([err.name, err.message], what).toEqual([c.error, c.message]);
          } else expectResult(call(), c.result, what);
          expect(stateOf(ses.kind, obj, false), `${what}: state after`).toEqual(c.state);
        });
      });
    }
  });
}

describe("array-valued bounds: numfuse specifics", () => {
  it("bigints beyond uint64 in a JS array are exact Python ints (NumPy's object array)", () => {
    const a = random.default_rng(5).integers(0, [2n ** 64n, 7n], { dtype: "uint64" }) as NDArray;
    const b = random.default_rng(5).integers(0, array([2n ** 64n - 1n, 7n], { dtype: "uint64" }), { dtype: "uint64", endpoint: true }) as NDArray;
    expect(a.tolist({ bigint: true } as never)).toEqual(b.tolist({ bigint: true } as never));
  });

  it("a size-1 output over empty bounds throws where NumPy reads past the end", () => {
    expect(() => random.default_rng(0).integers([], 5, 1)).toThrow(/cannot fill size \(1,\)/);
  });

  it("NDArray views (transposed, strided) are read in logical C order", () => {
    const hi = array([[10, 20, 30], [40, 50, 60]]);
    const t = random.default_rng(3).integers(0, hi.T) as NDArray;
    const c = random.default_rng(3).integers(0, array([[10, 40], [20, 50], [30, 60]])) as NDArray;
    expect(t.tolist()).toEqual(c.tolist());
  });
});
