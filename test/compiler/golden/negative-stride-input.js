return function E_20_f64(out0, in0, in1, sh, st, off) {
  // E_20_f64: x#: float64[20] = load buf# [20] strides=[-1] offset=19
  // x#: float64[20] = load buf# [20] strides=[1] offset=0
  // x#: float64[20] = multiply x# x#
  // x#: float64[20] = subtract x# x#
  const n0 = sh[0];
  const s0_in0 = st[1];
  let g_in0 = off[1];
  let i = 0;
  for (; i < n0; i++) {
    const v0 = (in0[g_in0] * in1[off[2] + i]);
    const v1 = (v0 - in0[g_in0]);
    out0[off[0] + i] = v1;
    g_in0 += s0_in0;
  }
};
//# sourceURL=numfuse/E_20_f64.js
