return function R_6x8_0_f64(out0, in0, in1, sh, st, off) {
  // R_6x8_0_f64: x#: float64[6,8] = load buf# [6,8] strides=[8,1] offset=0
  // x#: float64[6,8] = load buf# [6,8] strides=[8,1] offset=0
  // x#: float64[6,8] = multiply x# x#
  // x#: float64[1,8] = reduce.sum x# axes=[0]
  const n0 = sh[0], n1 = sh[1];
  const m0 = sh[2];
  const size = sh[3];
  const s0_out0 = st[0];
  const s0_in0 = st[2];
  const s0_in1 = st[4];
  const so0_out0 = st[6];
  const T = new Float64Array(size);
  let p0_out0 = 0, p0_in0 = off[1], p0_in1 = off[2];
  for (let i0 = 0; i0 < n0; i0++) {
    let i = 0;
    for (; i + 4 <= n1; i += 4) {
      const v0 = (in1[p0_in1 + i] * in0[p0_in0 + i]);
      T[p0_out0 + i] += v0;
      const v1 = (in1[p0_in1 + (i + 1)] * in0[p0_in0 + (i + 1)]);
      T[p0_out0 + (i + 1)] += v1;
      const v2 = (in1[p0_in1 + (i + 2)] * in0[p0_in0 + (i + 2)]);
      T[p0_out0 + (i + 2)] += v2;
      const v3 = (in1[p0_in1 + (i + 3)] * in0[p0_in0 + (i + 3)]);
      T[p0_out0 + (i + 3)] += v3;
    }
    for (; i < n1; i++) {
      const v4 = (in1[p0_in1 + i] * in0[p0_in0 + i]);
      T[p0_out0 + i] += v4;
    }
    p0_out0 += s0_out0; p0_in0 += s0_in0; p0_in1 += s0_in1;
  }
  let q = 0;
  let o0_out0 = off[0];
  for (let i0 = 0; i0 < m0; i0++) {
    const r0 = T[q++];
    out0[o0_out0] = r0;
    o0_out0 += so0_out0;
  }
};
//# sourceURL=numfuse/R_6x8_0_f64.js

return function R_6x8_1_f64(out0, in0, in1, sh, st, off) {
  // R_6x8_1_f64: x#: float64[6,8] = load buf# [6,8] strides=[8,1] offset=0
  // x#: float64[6,8] = load buf# [6,8] strides=[8,1] offset=0
  // x#: float64[6,8] = multiply x# x#
  // x#: float64[6,1] = reduce.max x# axes=[1]
  const n0 = sh[0];
  const m0 = sh[1];
  const so0_out0 = st[0];
  const so0_in0 = st[2];
  const so0_in1 = st[4];
  const si0_out0 = st[1];
  const si0_in0 = st[3];
  const si0_in1 = st[5];
  let p0_out0 = off[0], p0_in0 = off[1], p0_in1 = off[2];
  for (let i0 = 0; i0 < n0; i0++) {
    let acc0 = -Infinity;
    const v0 = (in1[p0_in1] * in0[p0_in0]);
    if (v0 > acc0 || v0 !== v0) acc0 = v0;
    const v1 = (in1[p0_in1 + 1] * in0[p0_in0 + 1]);
    if (v1 > acc0 || v1 !== v1) acc0 = v1;
    const v2 = (in1[p0_in1 + 2] * in0[p0_in0 + 2]);
    if (v2 > acc0 || v2 !== v2) acc0 = v2;
    const v3 = (in1[p0_in1 + 3] * in0[p0_in0 + 3]);
    if (v3 > acc0 || v3 !== v3) acc0 = v3;
    const v4 = (in1[p0_in1 + 4] * in0[p0_in0 + 4]);
    if (v4 > acc0 || v4 !== v4) acc0 = v4;
    const v5 = (in1[p0_in1 + 5] * in0[p0_in0 + 5]);
    if (v5 > acc0 || v5 !== v5) acc0 = v5;
    const v6 = (in1[p0_in1 + 6] * in0[p0_in0 + 6]);
    if (v6 > acc0 || v6 !== v6) acc0 = v6;
    const v7 = (in1[p0_in1 + 7] * in0[p0_in0 + 7]);
    if (v7 > acc0 || v7 !== v7) acc0 = v7;
    const r0 = acc0;
    out0[p0_out0] = r0;
    p0_out0 += so0_out0; p0_in0 += so0_in0; p0_in1 += so0_in1;
  }
};
//# sourceURL=numfuse/R_6x8_1_f64.js

return function E_6x8_f64(out0, in0, in1, sh, st, off) {
  // E_6x8_f64: x#: float64[6,8] = load buf# [6,8] strides=[8,1] offset=0
  // x#: float64[6,8] = load buf# [6,8] strides=[8,1] offset=0
  // x#: float64[6,8] = multiply x# x#
  // x#: float64[6,8] = const 1
  // x#: float64[6,8] = add x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (in1[i] * in0[i]);
    const v1 = (v0 + 1);
    out0[i] = v1;
    const v2 = (in1[(i + 1)] * in0[(i + 1)]);
    const v3 = (v2 + 1);
    out0[(i + 1)] = v3;
    const v4 = (in1[(i + 2)] * in0[(i + 2)]);
    const v5 = (v4 + 1);
    out0[(i + 2)] = v5;
    const v6 = (in1[(i + 3)] * in0[(i + 3)]);
    const v7 = (v6 + 1);
    out0[(i + 3)] = v7;
  }
  for (; i < n0; i++) {
    const v8 = (in1[i] * in0[i]);
    const v9 = (v8 + 1);
    out0[i] = v9;
  }
};
//# sourceURL=numfuse/E_6x8_f64.js
