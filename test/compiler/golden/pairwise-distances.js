return function R_5x4x3_2_f64(out0, in0, in1, sh, st, off) {
  // R_5x4x3_2_f64: x#: float64[5,4,3] = load buf# [5,4,3] strides=[3,0,1] offset=0
  // x#: float64[5,4,3] = load buf# [5,4,3] strides=[0,3,1] offset=0
  // x#: float64[5,4,3] = subtract x# x#
  // x#: float64[5,4,3] = multiply x# x#
  // x#: float64[5,4,1] = reduce.sum x# axes=[2]
  // x#: float64[5,4] = load x# [5,4] strides=[4,1] offset=0
  // x#: float64[5,4] = sqrt x#
  const n0 = sh[0], n1 = sh[1];
  const m0 = sh[2];
  const so0_out0 = st[0], so1_out0 = st[1];
  const so0_in0 = st[3], so1_in0 = st[4];
  const so0_in1 = st[6], so1_in1 = st[7];
  const si0_out0 = st[2];
  const si0_in0 = st[5];
  const si0_in1 = st[8];
  let p0_out0 = off[0], p0_in0 = off[1], p0_in1 = off[2];
  for (let i0 = 0; i0 < n0; i0++) {
    let p1_out0 = p0_out0, p1_in0 = p0_in0, p1_in1 = p0_in1;
    for (let i1 = 0; i1 < n1; i1++) {
      let acc0 = 0;
      const v0 = (in1[p1_in1] - in0[p1_in0]);
      const v1 = (v0 * v0);
      acc0 += v1;
      const v2 = (in1[p1_in1 + 1] - in0[p1_in0 + 1]);
      const v3 = (v2 * v2);
      acc0 += v3;
      const v4 = (in1[p1_in1 + 2] - in0[p1_in0 + 2]);
      const v5 = (v4 * v4);
      acc0 += v5;
      const r0 = acc0;
      const v6 = Math.sqrt(r0);
      out0[p1_out0] = v6;
      p1_out0 += so1_out0; p1_in0 += so1_in0; p1_in1 += so1_in1;
    }
    p0_out0 += so0_out0; p0_in0 += so0_in0; p0_in1 += so0_in1;
  }
};
//# sourceURL=numfuse/R_5x4x3_2_f64.js
