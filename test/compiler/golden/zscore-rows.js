return function R_7x11_1_f64(out0, in0, sh, st, off) {
  // R_7x11_1_f64: x#: float64[7,11] = load buf# [7,11] strides=[11,1] offset=0
  // x#: float64[7,1] = reduce.sum x# axes=[1]
  // x#: float64[7,11] = load x# [7,11] strides=[1,0] offset=0
  // x#: float64[7,11] = const 11
  // x#: float64[7,11] = true_divide x# x#
  // x#: float64[7,11] = subtract x# x#
  // x#: float64[7,11] = multiply x# x#
  // x#: float64[7,1] = reduce.sum x# axes=[1]
  // x#: float64[7,11] = load x# [7,11] strides=[1,0] offset=0
  // x#: float64[7,11] = true_divide x# x#
  // x#: float64[7,11] = sqrt x#
  // x#: float64[7,11] = true_divide x# x#
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
  function pw1(q_in0, n, r0) {
    if (n < 8) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const v0 = (r0 / 11);
        const v1 = (in0[q_in0] - v0);
        const v2 = (v1 * v1);
        s = (s + v2);
        q_in0 += 1;
      }
      return s;
    }
    if (n <= 128) {
      const v3 = (r0 / 11);
      const v4 = (in0[q_in0] - v3);
      const v5 = (v4 * v4);
      const v6 = (r0 / 11);
      const v7 = (in0[q_in0 + 1] - v6);
      const v8 = (v7 * v7);
      const v9 = (r0 / 11);
      const v10 = (in0[q_in0 + 2] - v9);
      const v11 = (v10 * v10);
      const v12 = (r0 / 11);
      const v13 = (in0[q_in0 + 3] - v12);
      const v14 = (v13 * v13);
      const v15 = (r0 / 11);
      const v16 = (in0[q_in0 + 4] - v15);
      const v17 = (v16 * v16);
      const v18 = (r0 / 11);
      const v19 = (in0[q_in0 + 5] - v18);
      const v20 = (v19 * v19);
      const v21 = (r0 / 11);
      const v22 = (in0[q_in0 + 6] - v21);
      const v23 = (v22 * v22);
      const v24 = (r0 / 11);
      const v25 = (in0[q_in0 + 7] - v24);
      const v26 = (v25 * v25);
      let a0 = v5, a1 = v8, a2 = v11, a3 = v14, a4 = v17, a5 = v20, a6 = v23, a7 = v26;
      q_in0 += 8;
      const end = n - (n % 8);
      for (let i = 8; i < end; i += 8) {
        const v27 = (r0 / 11);
        const v28 = (in0[q_in0] - v27);
        const v29 = (v28 * v28);
        const v30 = (r0 / 11);
        const v31 = (in0[q_in0 + 1] - v30);
        const v32 = (v31 * v31);
        const v33 = (r0 / 11);
        const v34 = (in0[q_in0 + 2] - v33);
        const v35 = (v34 * v34);
        const v36 = (r0 / 11);
        const v37 = (in0[q_in0 + 3] - v36);
        const v38 = (v37 * v37);
        const v39 = (r0 / 11);
        const v40 = (in0[q_in0 + 4] - v39);
        const v41 = (v40 * v40);
        const v42 = (r0 / 11);
        const v43 = (in0[q_in0 + 5] - v42);
        const v44 = (v43 * v43);
        const v45 = (r0 / 11);
        const v46 = (in0[q_in0 + 6] - v45);
        const v47 = (v46 * v46);
        const v48 = (r0 / 11);
        const v49 = (in0[q_in0 + 7] - v48);
        const v50 = (v49 * v49);
        a0 = (a0 + v29); a1 = (a1 + v32); a2 = (a2 + v35); a3 = (a3 + v38); a4 = (a4 + v41); a5 = (a5 + v44); a6 = (a6 + v47); a7 = (a7 + v50);
        q_in0 += 8;
      }
      let s = (((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
      for (let i = end; i < n; i++) {
        const v51 = (r0 / 11);
        const v52 = (in0[q_in0] - v51);
        const v53 = (v52 * v52);
        s = (s + v53);
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
    const r0 = pw0(p0_in0, m0);
    const r1 = pw1(p0_in0, m0, r0);
    {
      let t0_out0 = p0_out0, t0_in0 = p0_in0;
      for (let j0 = 0; j0 < m0; j0++) {
        const v54 = (r0 / 11);
        const v55 = (in0[t0_in0] - v54);
        const v56 = (r1 / 11);
        const v57 = Math.sqrt(v56);
        const v58 = (v55 / v57);
        out0[t0_out0] = v58;
        t0_out0 += si0_out0; t0_in0 += si0_in0;
      }
    }
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_7x11_1_f64.js
