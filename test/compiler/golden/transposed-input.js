return function E_6x4_f64(out0, in0, in1, sh, st, off) {
  // E_6x4_f64: x#: float64[6,4] = load buf# [6,4] strides=[1,6] offset=0
  // x#: float64[6,4] = load buf# [6,4] strides=[4,1] offset=0
  // x#: float64[6,4] = add x# x#
  // x#: float64[6,4] = const 2
  // x#: float64[6,4] = multiply x# x#
  const n0 = sh[0], n1 = sh[1];
  const s0_out0 = st[0];
  const s0_in0 = st[2];
  const s0_in1 = st[4];
  const s1_in1 = st[5];
  let p0_out0 = off[0], p0_in0 = off[1], p0_in1 = off[2];
  for (let i0 = 0; i0 < n0; i0++) {
    let g_in1 = p0_in1;
    let i = 0;
    for (; i < n1; i++) {
      const v0 = (in1[g_in1] + in0[p0_in0 + i]);
      const v1 = (v0 * 2);
      out0[p0_out0 + i] = v1;
      g_in1 += s1_in1;
    }
    p0_out0 += s0_out0; p0_in0 += s0_in0; p0_in1 += s0_in1;
  }
};
//# sourceURL=numfuse/E_6x4_f64.js
