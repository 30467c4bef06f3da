return function R_5x9_1_f64(out0, in0, sh, st, off) {
  // R_5x9_1_f64: x#: float64[5,9] = load buf# [5,9] strides=[9,1] offset=0
  // x#: float64[5,1] = reduce.max x# axes=[1]
  // x#: float64[5,9] = load x# [5,9] strides=[1,0] offset=0
  // x#: float64[5,9] = subtract x# x#
  // x#: float64[5,9] = exp x#
  // x#: float64[5,1] = reduce.sum x# axes=[1]
  // x#: float64[5,9] = load x# [5,9] strides=[1,0] offset=0
  // x#: float64[5,9] = true_divide x# x#
  const n0 = sh[0];
  const m0 = sh[1];
  const so0_out0 = st[0];
  const so0_in0 = st[2];
  const si0_out0 = st[1];
  const si0_in0 = st[3];
  function pw1(q_in0, n, r0) {
    if (n < 8) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const v0 = (in0[q_in0] - r0);
        const v1 = Math.exp(v0);
        s = (s + v1);
        q_in0 += 1;
      }
      return s;
    }
    if (n <= 128) {
      const v2 = (in0[q_in0] - r0);
      const v3 = Math.exp(v2);
      const v4 = (in0[q_in0 + 1] - r0);
      const v5 = Math.exp(v4);
      const v6 = (in0[q_in0 + 2] - r0);
      const v7 = Math.exp(v6);
      const v8 = (in0[q_in0 + 3] - r0);
      const v9 = Math.exp(v8);
      const v10 = (in0[q_in0 + 4] - r0);
      const v11 = Math.exp(v10);
      const v12 = (in0[q_in0 + 5] - r0);
      const v13 = Math.exp(v12);
      const v14 = (in0[q_in0 + 6] - r0);
      const v15 = Math.exp(v14);
      const v16 = (in0[q_in0 + 7] - r0);
      const v17 = Math.exp(v16);
      let a0 = v3, a1 = v5, a2 = v7, a3 = v9, a4 = v11, a5 = v13, a6 = v15, a7 = v17;
      q_in0 += 8;
      const end = n - (n % 8);
      for (let i = 8; i < end; i += 8) {
        const v18 = (in0[q_in0] - r0);
        const v19 = Math.exp(v18);
        const v20 = (in0[q_in0 + 1] - r0);
        const v21 = Math.exp(v20);
        const v22 = (in0[q_in0 + 2] - r0);
        const v23 = Math.exp(v22);
        const v24 = (in0[q_in0 + 3] - r0);
        const v25 = Math.exp(v24);
        const v26 = (in0[q_in0 + 4] - r0);
        const v27 = Math.exp(v26);
        const v28 = (in0[q_in0 + 5] - r0);
        const v29 = Math.exp(v28);
        const v30 = (in0[q_in0 + 6] - r0);
        const v31 = Math.exp(v30);
        const v32 = (in0[q_in0 + 7] - r0);
        const v33 = Math.exp(v32);
        a0 = (a0 + v19); a1 = (a1 + v21); a2 = (a2 + v23); a3 = (a3 + v25); a4 = (a4 + v27); a5 = (a5 + v29); a6 = (a6 + v31); a7 = (a7 + v33);
        q_in0 += 8;
      }
      let s = (((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
      for (let i = end; i < n; i++) {
        const v34 = (in0[q_in0] - r0);
        const v35 = Math.exp(v34);
        s = (s + v35);
        q_in0 += 1;
      }
      return s;
    }
    let n2 = Math.floor(n / 2);
    n2 -= n2 % 8;
    return (pw1(q_in0, n2, r0) + pw1(q_in0 + n2 * 1, n - n2, r0));
  }
  let p0_out0 = off[0], p0_in0 = off[1];
  for (let i0 = 0; i0 < n0; i0++) {
    let acc0 = -Infinity;
    {
      let t0_out0 = p0_out0, t0_in0 = p0_in0;
      for (let j0 = 0; j0 < m0; j0++) {
        if (in0[t0_in0] > acc0 || in0[t0_in0] !== in0[t0_in0]) acc0 = in0[t0_in0];
        t0_out0 += si0_out0; t0_in0 += si0_in0;
      }
    }
    const r0 = acc0;
    const r1 = pw1(p0_in0, m0, r0);
    {
      let t0_out0 = p0_out0, t0_in0 = p0_in0;
      for (let j0 = 0; j0 < m0; j0++) {
        const v36 = (in0[t0_in0] - r0);
        const v37 = Math.exp(v36);
        const v38 = (v37 / r1);
        out0[t0_out0] = v38;
        t0_out0 += si0_out0; t0_in0 += si0_in0;
      }
    }
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_5x9_1_f64.js
