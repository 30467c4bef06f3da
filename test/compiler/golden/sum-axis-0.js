return function R_50x7_0_f64(out0, in0, sh, st, off) {
  // R_50x7_0_f64: x#: float64[50,7] = load buf# [50,7] strides=[7,1] offset=0
  // x#: float64[1,7] = reduce.sum x# axes=[0]
  const n0 = sh[0], n1 = sh[1];
  const m0 = sh[2];
  const size = sh[3];
  const s0_out0 = st[0];
  const s0_in0 = st[2];
  const so0_out0 = st[4];
  const T = new Float64Array(size);
  let p0_out0 = 0, p0_in0 = off[1];
  for (let i0 = 0; i0 < n0; i0++) {
    let i = 0;
    for (; i + 4 <= n1; i += 4) {
      T[p0_out0 + i] += in0[p0_in0 + i];
      T[p0_out0 + (i + 1)] += in0[p0_in0 + (i + 1)];
      T[p0_out0 + (i + 2)] += in0[p0_in0 + (i + 2)];
      T[p0_out0 + (i + 3)] += in0[p0_in0 + (i + 3)];
    }
    for (; i < n1; i++) {
      T[p0_out0 + i] += in0[p0_in0 + i];
    }
    p0_out0 += s0_out0; p0_in0 += s0_in0;
  }
  let q = 0;
  let o0_out0 = off[0];
  for (let i0 = 0; i0 < m0; i0++) {
    const r0 = T[q++];
    out0[o0_out0] = r0;
    o0_out0 += so0_out0;
  }
};
//# sourceURL=numfuse/R_50x7_0_f64.js
