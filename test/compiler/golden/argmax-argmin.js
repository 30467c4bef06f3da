return function R_6x8_1_i64(out0, in0, sh, st, off) {
  // R_6x8_1_i64: x#: int32[6,8] = load buf# [6,8] strides=[8,1] offset=0
  // x#: int64[6,1] = reduce.argmax x# axes=[1]
  const n0 = sh[0];
  const m0 = sh[1];
  const so0_out0 = st[0];
  const so0_in0 = st[2];
  const si0_out0 = st[1];
  const si0_in0 = st[3];
  let p0_out0 = off[0], p0_in0 = off[1];
  for (let i0 = 0; i0 < n0; i0++) {
    let acc0_v = -Infinity, acc0 = 0, acc0_k = 0;
    if (in0[p0_in0] > acc0_v || (in0[p0_in0] !== in0[p0_in0] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 1] > acc0_v || (in0[p0_in0 + 1] !== in0[p0_in0 + 1] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 1]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 2] > acc0_v || (in0[p0_in0 + 2] !== in0[p0_in0 + 2] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 2]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 3] > acc0_v || (in0[p0_in0 + 3] !== in0[p0_in0 + 3] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 3]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 4] > acc0_v || (in0[p0_in0 + 4] !== in0[p0_in0 + 4] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 4]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 5] > acc0_v || (in0[p0_in0 + 5] !== in0[p0_in0 + 5] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 5]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 6] > acc0_v || (in0[p0_in0 + 6] !== in0[p0_in0 + 6] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 6]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 7] > acc0_v || (in0[p0_in0 + 7] !== in0[p0_in0 + 7] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 7]; acc0 = acc0_k; } acc0_k++;
    const r0 = acc0;
    { const w = r0; out0[p0_out0] = w; out0[p0_out0 + 1] = Math.floor(w / 4294967296); }
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_6x8_1_i64.js

return function R_6x8_0_i64(out0, in0, sh, st, off) {
  // R_6x8_0_i64: x#: int32[6,8] = load buf# [6,8] strides=[8,1] offset=0
  // x#: int64[1,8] = reduce.argmin x# axes=[0]
  const n0 = sh[0];
  const m0 = sh[1];
  const so0_out0 = st[0];
  const so0_in0 = st[2];
  const si0_out0 = st[1];
  const si0_in0 = st[3];
  let p0_out0 = off[0], p0_in0 = off[1];
  for (let i0 = 0; i0 < n0; i0++) {
    let acc0_v = Infinity, acc0 = 0, acc0_k = 0;
    if (in0[p0_in0] < acc0_v || (in0[p0_in0] !== in0[p0_in0] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 1 * si0_in0] < acc0_v || (in0[p0_in0 + 1 * si0_in0] !== in0[p0_in0 + 1 * si0_in0] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 1 * si0_in0]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 2 * si0_in0] < acc0_v || (in0[p0_in0 + 2 * si0_in0] !== in0[p0_in0 + 2 * si0_in0] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 2 * si0_in0]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 3 * si0_in0] < acc0_v || (in0[p0_in0 + 3 * si0_in0] !== in0[p0_in0 + 3 * si0_in0] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 3 * si0_in0]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 4 * si0_in0] < acc0_v || (in0[p0_in0 + 4 * si0_in0] !== in0[p0_in0 + 4 * si0_in0] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 4 * si0_in0]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 5 * si0_in0] < acc0_v || (in0[p0_in0 + 5 * si0_in0] !== in0[p0_in0 + 5 * si0_in0] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 5 * si0_in0]; acc0 = acc0_k; } acc0_k++;
    const r0 = acc0;
    { const w = r0; out0[p0_out0] = w; out0[p0_out0 + 1] = Math.floor(w / 4294967296); }
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_6x8_0_i64.js

return function R_5x6_1_i64(out0, in0, sh, st, off) {
  // R_5x6_1_i64: x#: float64[5,6] = load buf# [5,6] strides=[6,1] offset=0
  // x#: int64[5,1] = reduce.argmax x# axes=[1]
  const n0 = sh[0];
  const m0 = sh[1];
  const so0_out0 = st[0];
  const so0_in0 = st[2];
  const si0_out0 = st[1];
  const si0_in0 = st[3];
  let p0_out0 = off[0], p0_in0 = off[1];
  for (let i0 = 0; i0 < n0; i0++) {
    let acc0_v = -Infinity, acc0 = 0, acc0_k = 0;
    if (in0[p0_in0] > acc0_v || (in0[p0_in0] !== in0[p0_in0] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 1] > acc0_v || (in0[p0_in0 + 1] !== in0[p0_in0 + 1] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 1]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 2] > acc0_v || (in0[p0_in0 + 2] !== in0[p0_in0 + 2] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 2]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 3] > acc0_v || (in0[p0_in0 + 3] !== in0[p0_in0 + 3] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 3]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 4] > acc0_v || (in0[p0_in0 + 4] !== in0[p0_in0 + 4] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 4]; acc0 = acc0_k; } acc0_k++;
    if (in0[p0_in0 + 5] > acc0_v || (in0[p0_in0 + 5] !== in0[p0_in0 + 5] && acc0_v === acc0_v)) { acc0_v = in0[p0_in0 + 5]; acc0 = acc0_k; } acc0_k++;
    const r0 = acc0;
    { const w = r0; out0[p0_out0] = w; out0[p0_out0 + 1] = Math.floor(w / 4294967296); }
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_5x6_1_i64.js

return function R_30_0_i64(out0, in0, sh, st, off) {
  // R_30_0_i64: x#: float64[30] = load buf# [30] strides=[1] offset=0
  // x#: int64[1] = reduce.argmin x# axes=[0]
  const n0 = sh[0];
  const m0 = sh[1];
  const so0_out0 = st[0];
  const so0_in0 = st[2];
  const si0_out0 = st[1];
  const si0_in0 = st[3];
  let p0_out0 = off[0], p0_in0 = off[1];
  for (let i0 = 0; i0 < n0; i0++) {
    let acc0_v = Infinity, acc0 = 0, acc0_k = 0;
    {
      let t0_out0 = p0_out0, t0_in0 = p0_in0;
      for (let j0 = 0; j0 < m0; j0++) {
        if (in0[t0_in0] < acc0_v || (in0[t0_in0] !== in0[t0_in0] && acc0_v === acc0_v)) { acc0_v = in0[t0_in0]; acc0 = acc0_k; } acc0_k++;
        t0_out0 += si0_out0; t0_in0 += si0_in0;
      }
    }
    const r0 = acc0;
    { const w = r0; out0[p0_out0] = w; out0[p0_out0 + 1] = Math.floor(w / 4294967296); }
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_30_0_i64.js

return function R_48_0_i64(out0, in0, sh, st, off) {
  // R_48_0_i64: x#: int32[48] = load buf# [48] strides=[1] offset=0
  // x#: int64[1] = reduce.argmax x# axes=[0]
  const n0 = sh[0];
  const m0 = sh[1];
  const so0_out0 = st[0];
  const so0_in0 = st[2];
  const si0_out0 = st[1];
  const si0_in0 = st[3];
  let p0_out0 = off[0], p0_in0 = off[1];
  for (let i0 = 0; i0 < n0; i0++) {
    let acc0_v = -Infinity, acc0 = 0, acc0_k = 0;
    {
      let t0_out0 = p0_out0, t0_in0 = p0_in0;
      for (let j0 = 0; j0 < m0; j0++) {
        if (in0[t0_in0] > acc0_v || (in0[t0_in0] !== in0[t0_in0] && acc0_v === acc0_v)) { acc0_v = in0[t0_in0]; acc0 = acc0_k; } acc0_k++;
        t0_out0 += si0_out0; t0_in0 += si0_in0;
      }
    }
    const r0 = acc0;
    { const w = r0; out0[p0_out0] = w; out0[p0_out0 + 1] = Math.floor(w / 4294967296); }
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_48_0_i64.js
