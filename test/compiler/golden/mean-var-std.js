return function R_6x9_1_f64(out0, in0, sh, st, off) {
  // R_6x9_1_f64: x#: float64[6,9] = load buf# [6,9] strides=[9,1] offset=0
  // x#: float64[6,1] = reduce.sum x# axes=[1]
  // x#: float64[6] = load x# [6] strides=[1] offset=0
  // x#: float64[6] = const 9
  // x#: float64[6] = true_divide x# x#
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
    const v0 = (r0 / 9);
    out0[p0_out0] = v0;
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_6x9_1_f64.js

return function R_6x9_0_f64(out0, in0, sh, st, off) {
  // R_6x9_0_f64: x#: float64[6,9] = load buf# [6,9] strides=[9,1] offset=0
  // x#: float64[1,9] = reduce.sum x# axes=[0]
  // x#: float64[6,9] = load x# [6,9] strides=[0,1] offset=0
  // x#: float64[6,9] = const 6
  // x#: float64[6,9] = true_divide x# x#
  // x#: float64[6,9] = subtract x# x#
  // x#: float64[6,9] = multiply x# x#
  // x#: float64[1,9] = reduce.sum x# axes=[0]
  // x#: float64[9] = load x# [9] strides=[1] offset=0
  // x#: float64[9] = const 6
  // x#: float64[9] = true_divide x# x#
  const n0 = sh[0];
  const m0 = sh[1];
  const so0_out0 = st[0];
  const so0_in0 = st[2];
  const si0_out0 = st[1];
  const si0_in0 = st[3];
  let p0_out0 = off[0], p0_in0 = off[1];
  for (let i0 = 0; i0 < n0; i0++) {
    let acc0 = 0;
    acc0 += in0[p0_in0];
    acc0 += in0[p0_in0 + 1 * si0_in0];
    acc0 += in0[p0_in0 + 2 * si0_in0];
    acc0 += in0[p0_in0 + 3 * si0_in0];
    acc0 += in0[p0_in0 + 4 * si0_in0];
    acc0 += in0[p0_in0 + 5 * si0_in0];
    const r0 = acc0;
    let acc1 = 0;
    const v0 = (r0 / 6);
    const v1 = (in0[p0_in0] - v0);
    const v2 = (v1 * v1);
    acc1 += v2;
    const v3 = (r0 / 6);
    const v4 = (in0[p0_in0 + 1 * si0_in0] - v3);
    const v5 = (v4 * v4);
    acc1 += v5;
    const v6 = (r0 / 6);
    const v7 = (in0[p0_in0 + 2 * si0_in0] - v6);
    const v8 = (v7 * v7);
    acc1 += v8;
    const v9 = (r0 / 6);
    const v10 = (in0[p0_in0 + 3 * si0_in0] - v9);
    const v11 = (v10 * v10);
    acc1 += v11;
    const v12 = (r0 / 6);
    const v13 = (in0[p0_in0 + 4 * si0_in0] - v12);
    const v14 = (v13 * v13);
    acc1 += v14;
    const v15 = (r0 / 6);
    const v16 = (in0[p0_in0 + 5 * si0_in0] - v15);
    const v17 = (v16 * v16);
    acc1 += v17;
    const r1 = acc1;
    const v18 = (r1 / 6);
    out0[p0_out0] = v18;
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_6x9_0_f64.js

return function R_6x9_1_f64(out0, in0, sh, st, off) {
  // R_6x9_1_f64: x#: float64[6,9] = load buf# [6,9] strides=[9,1] offset=0
  // x#: float64[6,1] = reduce.sum x# axes=[1]
  // x#: float64[6,9] = load x# [6,9] strides=[1,0] offset=0
  // x#: float64[6,9] = const 9
  // x#: float64[6,9] = true_divide x# x#
  // x#: float64[6,9] = subtract x# x#
  // x#: float64[6,9] = multiply x# x#
  // x#: float64[6,1] = reduce.sum x# axes=[1]
  // x#: float64[6] = load x# [6] strides=[1] offset=0
  // x#: float64[6] = const 8
  // x#: float64[6] = true_divide x# x#
  // x#: float64[6] = sqrt x#
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
        const v0 = (r0 / 9);
        const v1 = (in0[q_in0] - v0);
        const v2 = (v1 * v1);
        s = (s + v2);
        q_in0 += 1;
      }
      return s;
    }
    if (n <= 128) {
      const v3 = (r0 / 9);
      const v4 = (in0[q_in0] - v3);
      const v5 = (v4 * v4);
      const v6 = (r0 / 9);
      const v7 = (in0[q_in0 + 1] - v6);
      const v8 = (v7 * v7);
      const v9 = (r0 / 9);
      const v10 = (in0[q_in0 + 2] - v9);
      const v11 = (v10 * v10);
      const v12 = (r0 / 9);
      const v13 = (in0[q_in0 + 3] - v12);
      const v14 = (v13 * v13);
      const v15 = (r0 / 9);
      const v16 = (in0[q_in0 + 4] - v15);
      const v17 = (v16 * v16);
      const v18 = (r0 / 9);
      const v19 = (in0[q_in0 + 5] - v18);
      const v20 = (v19 * v19);
      const v21 = (r0 / 9);
      const v22 = (in0[q_in0 + 6] - v21);
      const v23 = (v22 * v22);
      const v24 = (r0 / 9);
      const v25 = (in0[q_in0 + 7] - v24);
      const v26 = (v25 * v25);
      let a0 = v5, a1 = v8, a2 = v11, a3 = v14, a4 = v17, a5 = v20, a6 = v23, a7 = v26;
      q_in0 += 8;
      const end = n - (n % 8);
      for (let i = 8; i < end; i += 8) {
        const v27 = (r0 / 9);
        const v28 = (in0[q_in0] - v27);
        const v29 = (v28 * v28);
        const v30 = (r0 / 9);
        const v31 = (in0[q_in0 + 1] - v30);
        const v32 = (v31 * v31);
        const v33 = (r0 / 9);
        const v34 = (in0[q_in0 + 2] - v33);
        const v35 = (v34 * v34);
        const v36 = (r0 / 9);
        const v37 = (in0[q_in0 + 3] - v36);
        const v38 = (v37 * v37);
        const v39 = (r0 / 9);
        const v40 = (in0[q_in0 + 4] - v39);
        const v41 = (v40 * v40);
        const v42 = (r0 / 9);
        const v43 = (in0[q_in0 + 5] - v42);
        const v44 = (v43 * v43);
        const v45 = (r0 / 9);
        const v46 = (in0[q_in0 + 6] - v45);
        const v47 = (v46 * v46);
        const v48 = (r0 / 9);
        const v49 = (in0[q_in0 + 7] - v48);
        const v50 = (v49 * v49);
        a0 = (a0 + v29); a1 = (a1 + v32); a2 = (a2 + v35); a3 = (a3 + v38); a4 = (a4 + v41); a5 = (a5 + v44); a6 = (a6 + v47); a7 = (a7 + v50);
        q_in0 += 8;
      }
      let s = (((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
      for (let i = end; i < n; i++) {
        const v51 = (r0 / 9);
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
    const v54 = (r1 / 8);
    const v55 = Math.sqrt(v54);
    out0[p0_out0] = v55;
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_6x9_1_f64.js

return function R_6x9_01_f64(out0, in0, sh, st, off) {
  // R_6x9_01_f64: x#: float64[6,9] = load buf# [6,9] strides=[9,1] offset=0
  // x#: float64[1,1] = reduce.sum x# axes=[0,1]
  // x#: float64[] = load x# [] strides=[] offset=0
  // x#: float64[] = const 54
  // x#: float64[] = true_divide x# x#
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
    const v0 = (r0 / 54);
    out0[p0_out0] = v0;
    p0_out0 += so0_out0; p0_in0 += so0_in0;
  }
};
//# sourceURL=numfuse/R_6x9_01_f64.js
