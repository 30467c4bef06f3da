const bit64and = H.bit64and;
return function E_30_i64(out0, in0, in1, sh, st, off) {
  // E_30_i64: x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = bitwise_and x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = bit64and((in1[2 * i + 1] * 4294967296 + (in1[2 * i] >>> 0)), (in0[2 * i + 1] * 4294967296 + (in0[2 * i] >>> 0)));
    { const w = v0; out0[2 * i] = w; out0[2 * i + 1] = Math.floor(w / 4294967296); }
    const v1 = bit64and((in1[2 * (i + 1) + 1] * 4294967296 + (in1[2 * (i + 1)] >>> 0)), (in0[2 * (i + 1) + 1] * 4294967296 + (in0[2 * (i + 1)] >>> 0)));
    { const w = v1; out0[2 * (i + 1)] = w; out0[2 * (i + 1) + 1] = Math.floor(w / 4294967296); }
    const v2 = bit64and((in1[2 * (i + 2) + 1] * 4294967296 + (in1[2 * (i + 2)] >>> 0)), (in0[2 * (i + 2) + 1] * 4294967296 + (in0[2 * (i + 2)] >>> 0)));
    { const w = v2; out0[2 * (i + 2)] = w; out0[2 * (i + 2) + 1] = Math.floor(w / 4294967296); }
    const v3 = bit64and((in1[2 * (i + 3) + 1] * 4294967296 + (in1[2 * (i + 3)] >>> 0)), (in0[2 * (i + 3) + 1] * 4294967296 + (in0[2 * (i + 3)] >>> 0)));
    { const w = v3; out0[2 * (i + 3)] = w; out0[2 * (i + 3) + 1] = Math.floor(w / 4294967296); }
  }
  for (; i < n0; i++) {
    const v4 = bit64and((in1[2 * i + 1] * 4294967296 + (in1[2 * i] >>> 0)), (in0[2 * i + 1] * 4294967296 + (in0[2 * i] >>> 0)));
    { const w = v4; out0[2 * i] = w; out0[2 * i + 1] = Math.floor(w / 4294967296); }
  }
};
//# sourceURL=numfuse/E_30_i64.js

const bit64or = H.bit64or;
return function E_30_i64(out0, in0, in1, sh, st, off) {
  // E_30_i64: x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = bitwise_or x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = bit64or((in1[2 * i + 1] * 4294967296 + (in1[2 * i] >>> 0)), (in0[2 * i + 1] * 4294967296 + (in0[2 * i] >>> 0)));
    { const w = v0; out0[2 * i] = w; out0[2 * i + 1] = Math.floor(w / 4294967296); }
    const v1 = bit64or((in1[2 * (i + 1) + 1] * 4294967296 + (in1[2 * (i + 1)] >>> 0)), (in0[2 * (i + 1) + 1] * 4294967296 + (in0[2 * (i + 1)] >>> 0)));
    { const w = v1; out0[2 * (i + 1)] = w; out0[2 * (i + 1) + 1] = Math.floor(w / 4294967296); }
    const v2 = bit64or((in1[2 * (i + 2) + 1] * 4294967296 + (in1[2 * (i + 2)] >>> 0)), (in0[2 * (i + 2) + 1] * 4294967296 + (in0[2 * (i + 2)] >>> 0)));
    { const w = v2; out0[2 * (i + 2)] = w; out0[2 * (i + 2) + 1] = Math.floor(w / 4294967296); }
    const v3 = bit64or((in1[2 * (i + 3) + 1] * 4294967296 + (in1[2 * (i + 3)] >>> 0)), (in0[2 * (i + 3) + 1] * 4294967296 + (in0[2 * (i + 3)] >>> 0)));
    { const w = v3; out0[2 * (i + 3)] = w; out0[2 * (i + 3) + 1] = Math.floor(w / 4294967296); }
  }
  for (; i < n0; i++) {
    const v4 = bit64or((in1[2 * i + 1] * 4294967296 + (in1[2 * i] >>> 0)), (in0[2 * i + 1] * 4294967296 + (in0[2 * i] >>> 0)));
    { const w = v4; out0[2 * i] = w; out0[2 * i + 1] = Math.floor(w / 4294967296); }
  }
};
//# sourceURL=numfuse/E_30_i64.js

const bit64xor = H.bit64xor;
return function E_30_i64(out0, in0, in1, sh, st, off) {
  // E_30_i64: x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = bitwise_xor x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = bit64xor((in1[2 * i + 1] * 4294967296 + (in1[2 * i] >>> 0)), (in0[2 * i + 1] * 4294967296 + (in0[2 * i] >>> 0)));
    { const w = v0; out0[2 * i] = w; out0[2 * i + 1] = Math.floor(w / 4294967296); }
    const v1 = bit64xor((in1[2 * (i + 1) + 1] * 4294967296 + (in1[2 * (i + 1)] >>> 0)), (in0[2 * (i + 1) + 1] * 4294967296 + (in0[2 * (i + 1)] >>> 0)));
    { const w = v1; out0[2 * (i + 1)] = w; out0[2 * (i + 1) + 1] = Math.floor(w / 4294967296); }
    const v2 = bit64xor((in1[2 * (i + 2) + 1] * 4294967296 + (in1[2 * (i + 2)] >>> 0)), (in0[2 * (i + 2) + 1] * 4294967296 + (in0[2 * (i + 2)] >>> 0)));
    { const w = v2; out0[2 * (i + 2)] = w; out0[2 * (i + 2) + 1] = Math.floor(w / 4294967296); }
    const v3 = bit64xor((in1[2 * (i + 3) + 1] * 4294967296 + (in1[2 * (i + 3)] >>> 0)), (in0[2 * (i + 3) + 1] * 4294967296 + (in0[2 * (i + 3)] >>> 0)));
    { const w = v3; out0[2 * (i + 3)] = w; out0[2 * (i + 3) + 1] = Math.floor(w / 4294967296); }
  }
  for (; i < n0; i++) {
    const v4 = bit64xor((in1[2 * i + 1] * 4294967296 + (in1[2 * i] >>> 0)), (in0[2 * i + 1] * 4294967296 + (in0[2 * i] >>> 0)));
    { const w = v4; out0[2 * i] = w; out0[2 * i + 1] = Math.floor(w / 4294967296); }
  }
};
//# sourceURL=numfuse/E_30_i64.js

return function E_30_i64(out0, in0, sh, st, off) {
  // E_30_i64: x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = invert x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (-(in0[2 * i + 1] * 4294967296 + (in0[2 * i] >>> 0)) - 1);
    { const w = v0; out0[2 * i] = w; out0[2 * i + 1] = Math.floor(w / 4294967296); }
    const v1 = (-(in0[2 * (i + 1) + 1] * 4294967296 + (in0[2 * (i + 1)] >>> 0)) - 1);
    { const w = v1; out0[2 * (i + 1)] = w; out0[2 * (i + 1) + 1] = Math.floor(w / 4294967296); }
    const v2 = (-(in0[2 * (i + 2) + 1] * 4294967296 + (in0[2 * (i + 2)] >>> 0)) - 1);
    { const w = v2; out0[2 * (i + 2)] = w; out0[2 * (i + 2) + 1] = Math.floor(w / 4294967296); }
    const v3 = (-(in0[2 * (i + 3) + 1] * 4294967296 + (in0[2 * (i + 3)] >>> 0)) - 1);
    { const w = v3; out0[2 * (i + 3)] = w; out0[2 * (i + 3) + 1] = Math.floor(w / 4294967296); }
  }
  for (; i < n0; i++) {
    const v4 = (-(in0[2 * i + 1] * 4294967296 + (in0[2 * i] >>> 0)) - 1);
    { const w = v4; out0[2 * i] = w; out0[2 * i + 1] = Math.floor(w / 4294967296); }
  }
};
//# sourceURL=numfuse/E_30_i64.js
