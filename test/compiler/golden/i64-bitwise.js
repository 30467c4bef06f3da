return function E_30_i64(out0, in0, in1, sh, st, off) {
  // E_30_i64: x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = bitwise_and x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0_hi = (in1[2 * i + 1] & in0[2 * i + 1]), v0_lo = (((in1[2 * i] >>> 0) & (in0[2 * i] >>> 0)) >>> 0);
    { out0[2 * i] = v0_lo; out0[2 * i + 1] = v0_hi; }
    const v1_hi = (in1[2 * (i + 1) + 1] & in0[2 * (i + 1) + 1]), v1_lo = (((in1[2 * (i + 1)] >>> 0) & (in0[2 * (i + 1)] >>> 0)) >>> 0);
    { out0[2 * (i + 1)] = v1_lo; out0[2 * (i + 1) + 1] = v1_hi; }
    const v2_hi = (in1[2 * (i + 2) + 1] & in0[2 * (i + 2) + 1]), v2_lo = (((in1[2 * (i + 2)] >>> 0) & (in0[2 * (i + 2)] >>> 0)) >>> 0);
    { out0[2 * (i + 2)] = v2_lo; out0[2 * (i + 2) + 1] = v2_hi; }
    const v3_hi = (in1[2 * (i + 3) + 1] & in0[2 * (i + 3) + 1]), v3_lo = (((in1[2 * (i + 3)] >>> 0) & (in0[2 * (i + 3)] >>> 0)) >>> 0);
    { out0[2 * (i + 3)] = v3_lo; out0[2 * (i + 3) + 1] = v3_hi; }
  }
  for (; i < n0; i++) {
    const v4_hi = (in1[2 * i + 1] & in0[2 * i + 1]), v4_lo = (((in1[2 * i] >>> 0) & (in0[2 * i] >>> 0)) >>> 0);
    { out0[2 * i] = v4_lo; out0[2 * i + 1] = v4_hi; }
  }
};
//# sourceURL=numfuse/E_30_i64.js

return function E_30_i64(out0, in0, in1, sh, st, off) {
  // E_30_i64: x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = bitwise_or x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0_hi = (in1[2 * i + 1] | in0[2 * i + 1]), v0_lo = (((in1[2 * i] >>> 0) | (in0[2 * i] >>> 0)) >>> 0);
    { out0[2 * i] = v0_lo; out0[2 * i + 1] = v0_hi; }
    const v1_hi = (in1[2 * (i + 1) + 1] | in0[2 * (i + 1) + 1]), v1_lo = (((in1[2 * (i + 1)] >>> 0) | (in0[2 * (i + 1)] >>> 0)) >>> 0);
    { out0[2 * (i + 1)] = v1_lo; out0[2 * (i + 1) + 1] = v1_hi; }
    const v2_hi = (in1[2 * (i + 2) + 1] | in0[2 * (i + 2) + 1]), v2_lo = (((in1[2 * (i + 2)] >>> 0) | (in0[2 * (i + 2)] >>> 0)) >>> 0);
    { out0[2 * (i + 2)] = v2_lo; out0[2 * (i + 2) + 1] = v2_hi; }
    const v3_hi = (in1[2 * (i + 3) + 1] | in0[2 * (i + 3) + 1]), v3_lo = (((in1[2 * (i + 3)] >>> 0) | (in0[2 * (i + 3)] >>> 0)) >>> 0);
    { out0[2 * (i + 3)] = v3_lo; out0[2 * (i + 3) + 1] = v3_hi; }
  }
  for (; i < n0; i++) {
    const v4_hi = (in1[2 * i + 1] | in0[2 * i + 1]), v4_lo = (((in1[2 * i] >>> 0) | (in0[2 * i] >>> 0)) >>> 0);
    { out0[2 * i] = v4_lo; out0[2 * i + 1] = v4_hi; }
  }
};
//# sourceURL=numfuse/E_30_i64.js

return function E_30_i64(out0, in0, in1, sh, st, off) {
  // E_30_i64: x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = bitwise_xor x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0_hi = (in1[2 * i + 1] ^ in0[2 * i + 1]), v0_lo = (((in1[2 * i] >>> 0) ^ (in0[2 * i] >>> 0)) >>> 0);
    { out0[2 * i] = v0_lo; out0[2 * i + 1] = v0_hi; }
    const v1_hi = (in1[2 * (i + 1) + 1] ^ in0[2 * (i + 1) + 1]), v1_lo = (((in1[2 * (i + 1)] >>> 0) ^ (in0[2 * (i + 1)] >>> 0)) >>> 0);
    { out0[2 * (i + 1)] = v1_lo; out0[2 * (i + 1) + 1] = v1_hi; }
    const v2_hi = (in1[2 * (i + 2) + 1] ^ in0[2 * (i + 2) + 1]), v2_lo = (((in1[2 * (i + 2)] >>> 0) ^ (in0[2 * (i + 2)] >>> 0)) >>> 0);
    { out0[2 * (i + 2)] = v2_lo; out0[2 * (i + 2) + 1] = v2_hi; }
    const v3_hi = (in1[2 * (i + 3) + 1] ^ in0[2 * (i + 3) + 1]), v3_lo = (((in1[2 * (i + 3)] >>> 0) ^ (in0[2 * (i + 3)] >>> 0)) >>> 0);
    { out0[2 * (i + 3)] = v3_lo; out0[2 * (i + 3) + 1] = v3_hi; }
  }
  for (; i < n0; i++) {
    const v4_hi = (in1[2 * i + 1] ^ in0[2 * i + 1]), v4_lo = (((in1[2 * i] >>> 0) ^ (in0[2 * i] >>> 0)) >>> 0);
    { out0[2 * i] = v4_lo; out0[2 * i + 1] = v4_hi; }
  }
};
//# sourceURL=numfuse/E_30_i64.js

return function E_30_i64(out0, in0, sh, st, off) {
  // E_30_i64: x#: int64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[30] = invert x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0_hi = (~in0[2 * i + 1]), v0_lo = ((~(in0[2 * i] >>> 0)) >>> 0);
    { out0[2 * i] = v0_lo; out0[2 * i + 1] = v0_hi; }
    const v1_hi = (~in0[2 * (i + 1) + 1]), v1_lo = ((~(in0[2 * (i + 1)] >>> 0)) >>> 0);
    { out0[2 * (i + 1)] = v1_lo; out0[2 * (i + 1) + 1] = v1_hi; }
    const v2_hi = (~in0[2 * (i + 2) + 1]), v2_lo = ((~(in0[2 * (i + 2)] >>> 0)) >>> 0);
    { out0[2 * (i + 2)] = v2_lo; out0[2 * (i + 2) + 1] = v2_hi; }
    const v3_hi = (~in0[2 * (i + 3) + 1]), v3_lo = ((~(in0[2 * (i + 3)] >>> 0)) >>> 0);
    { out0[2 * (i + 3)] = v3_lo; out0[2 * (i + 3) + 1] = v3_hi; }
  }
  for (; i < n0; i++) {
    const v4_hi = (~in0[2 * i + 1]), v4_lo = ((~(in0[2 * i] >>> 0)) >>> 0);
    { out0[2 * i] = v4_lo; out0[2 * i + 1] = v4_hi; }
  }
};
//# sourceURL=numfuse/E_30_i64.js
