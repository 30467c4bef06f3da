return function R_20x30_1_f32(out0, in0, sh, st, off) {
  // R_20x30_1_f32: x#: float32[20,30] = load buf# [20,30] strides=[30,1] offset=0
  // x#: float32[20,1] = reduce.sum x# axes=[1]
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
        s = Math.fround(s + in0[q_in0]);
        q_in0 += 1;
      }
      return s;
    }
    if (n <= 128) {
      let a0 = in0[q_in0], a1 = in0[q_in0 + 1], a2 = in0[q_in0 + 2], a3 = in0[q_in0 + 3], a4 = in0[q_in0 + 4], a5 = in0[q_in0 + 5], a6 = in0[q_in0 + 6], a7 = in0[q_in0 + 7];
      q_in0 += 8;
      const end = n - (n % 8);
      for (let i = 8; i < end; i += 8) {
        a0 = Math.fround(a0 + in0[q_in0]); a1 = Math.fround(a1 + in0[q_in0 + 1]); a2 = Math.fround(a2 + in0[q_in0 + 2]); a3 = Math.fround(a3 + in0[q_in0 + 3]); a4 = Math.fround(a4 + in0[q_in0 + 4]); a5 = Math.fround(a5 + in0[q_in0 + 5]); a6 = Math.fround(a6 + in0[q_in0 + 6]); a7 = Math.fround(a7 + in0[q_in0 + 7]);
        q_in0 += 8;
      }
      let s = Math.fround(Math.fround(Math.fround(a0 + a1) + Math.fround(a2 + a3)) + Math.fround(Math.fround(a4 + a5) + Math.fround(a6 + a7)));
      for (let i = end; i < n; i++) {
        s = Math.fround(s + in0[q_in0]);
        q_in0 += 1;
      }
      return s;
    }
    let n2 = Math.floor(n / 2);
    n2 -= n2 % 8;
    return Math.fround(pw0(q_in0, n2) + pw0(q_in0 + n2 * 1, n - n2));
  }
  let p0_out0 = off[0], p0_in0 = off[1];
  for (let i0 = 0; i0 < n0; i0++) {
    const r0 = Math.fround(pw0(p0_in0, m0));
    out0[p0_out0] = r0;
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_20x30_1_f32.js
