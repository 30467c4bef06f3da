return function E_5x4x3_f64(out0, in0, in1, in2, sh, st, off) {
  // E_5x4x3_f64: x#: float64[5,4,3] = load buf# [5,4,3] strides=[12,3,1] offset=0
  // x#: float64[5,4,3] = load buf# [5,4,3] strides=[0,0,1] offset=0
  // x#: float64[5,4,3] = multiply x# x#
  // x#: float64[5,4,3] = load buf# [5,4,3] strides=[0,1,0] offset=0
  // x#: float64[5,4,3] = add x# x#
  const n0 = sh[0], n1 = sh[1], n2 = sh[2];
  const s0_out0 = st[0], s1_out0 = st[1];
  const s0_in0 = st[3], s1_in0 = st[4];
  const s0_in1 = st[6], s1_in1 = st[7];
  const s0_in2 = st[9], s1_in2 = st[10];
  let p0_out0 = off[0], p0_in0 = off[1], p0_in1 = off[2], p0_in2 = off[3];
  for (let i0 = 0; i0 < n0; i0++) {
    let p1_out0 = p0_out0, p1_in0 = p0_in0, p1_in1 = p0_in1, p1_in2 = p0_in2;
    for (let i1 = 0; i1 < n1; i1++) {
      let i = 0;
      for (; i + 4 <= n2; i += 4) {
        const v0 = (in2[p1_in2 + i] * in1[p1_in1 + i]);
        const v1 = (v0 + in0[p1_in0]);
        out0[p1_out0 + i] = v1;
        const v2 = (in2[p1_in2 + (i + 1)] * in1[p1_in1 + (i + 1)]);
        const v3 = (v2 + in0[p1_in0]);
        out0[p1_out0 + (i + 1)] = v3;
        const v4 = (in2[p1_in2 + (i + 2)] * in1[p1_in1 + (i + 2)]);
        const v5 = (v4 + in0[p1_in0]);
        out0[p1_out0 + (i + 2)] = v5;
        const v6 = (in2[p1_in2 + (i + 3)] * in1[p1_in1 + (i + 3)]);
        const v7 = (v6 + in0[p1_in0]);
        out0[p1_out0 + (i + 3)] = v7;
      }
      for (; i < n2; i++) {
        const v8 = (in2[p1_in2 + i] * in1[p1_in1 + i]);
        const v9 = (v8 + in0[p1_in0]);
        out0[p1_out0 + i] = v9;
      }
      p1_out0 += s1_out0; p1_in0 += s1_in0; p1_in1 += s1_in1; p1_in2 += s1_in2;
    }
    p0_out0 += s0_out0; p0_in0 += s0_in0; p0_in1 += s0_in1; p0_in2 += s0_in2;
  }
};
//# sourceURL=numfuse/E_5x4x3_f64.js
