return function R_6x10_1_f64(out0, in0, sh, st, off) {
  // R_6x10_1_f64: x#: float64[6,10] = load buf# [6,10] strides=[10,1] offset=0
  // x#: float64[6,1] = reduce.sum x# axes=[1]
  // x#: float64[6,10] = load x# [6,10] strides=[1,0] offset=0
  // x#: float64[6,10] = true_divide x# x#
  const n0 = sh[0];
  const m0 = sh[1];
  const so0_out0 = st[0];
  const so0_in0 = st[2];
  const si0_out0 = st[1];
  const si0_in0 = st[3];
  function pw0(q_in0, n) {
    if (n < 8) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        s = (s + in0[q_in0]);
        q_in0 += 1;
      }
      return s;
    }
    if (n <= 128) {
      let a0 = in0[q_in0], a1 = in0[q_in0 + 1], a2 = in0[q_in0 + 2], a3 = in0[q_in0 + 3], a4 = in0[q_in0 + 4], a5 = in0[q_in0 + 5], a6 = in0[q_in0 + 6], a7 = in0[q_in0 + 7];
      q_in0 += 8;
      const end = n - (n % 8);
      for (let i = 8; i < end; i += 8) {
        a0 = (a0 + in0[q_in0]); a1 = (a1 + in0[q_in0 + 1]); a2 = (a2 + in0[q_in0 + 2]); a3 = (a3 + in0[q_in0 + 3]); a4 = (a4 + in0[q_in0 + 4]); a5 = (a5 + in0[q_in0 + 5]); a6 = (a6 + in0[q_in0 + 6]); a7 = (a7 + in0[q_in0 + 7]);
        q_in0 += 8;
      }
      let s = (((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
      for (let i = end; i < n; i++) {
        s = (s + in0[q_in0]);
        q_in0 += 1;
      }
      return s;
    }
    let n2 = Math.floor(n / 2);
    n2 -= n2 % 8;
    return (pw0(q_in0, n2) + pw0(q_in0 + n2 * 1, n - n2));
  }
  let p0_out0 = off[0], p0_in0 = off[1];
  for (let i0 = 0; i0 < n0; i0++) {
    const r0 = pw0(p0_in0, m0);
    {
      let t0_out0 = p0_out0, t0_in0 = p0_in0;
      for (let j0 = 0; j0 < m0; j0++) {
        const v0 = (in0[t0_in0] / r0);
        out0[t0_out0] = v0;
        t0_out0 += si0_out0; t0_in0 += si0_in0;
      }
    }
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_6x10_1_f64.js
