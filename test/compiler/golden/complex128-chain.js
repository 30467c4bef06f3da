const C = H.C;
const cdiv = H.cdiv;
const cexp = H.cexp;
return function E_30_c128(out0, in0, in1, sh, st, off) {
  // E_30_c128: x#: complex128[30] = load buf# [30] strides=[1] offset=0
  // x#: complex128[30] = load buf# [30] strides=[1] offset=0
  // x#: complex128[30] = multiply x# x#
  // x#: complex128[30] = conjugate x#
  // x#: complex128[30] = add x# x#
  // x#: complex128[30] = exp x#
  // x#: complex128[30] = subtract x# x#
  // x#: complex128[30] = true_divide x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0_re = (in0[2 * i] * in1[2 * i] - in0[2 * i + 1] * in1[2 * i + 1]), v0_im = (in0[2 * i] * in1[2 * i + 1] + in0[2 * i + 1] * in1[2 * i]);
    const v1_re = in0[2 * i], v1_im = (-in0[2 * i + 1]);
    const v2_re = (v0_re + v1_re), v2_im = (v0_im + v1_im);
    cexp(in1[2 * i], in1[2 * i + 1]);
    const v3_re = C[0], v3_im = C[1];
    const v4_re = (v2_re - v3_re), v4_im = (v2_im - v3_im);
    cdiv(v4_re, v4_im, in0[2 * i], in0[2 * i + 1]);
    const v5_re = C[0], v5_im = C[1];
    { const wr = v5_re, wi = v5_im; out0[2 * i] = wr; out0[2 * i + 1] = wi; }
    const v6_re = (in0[2 * (i + 1)] * in1[2 * (i + 1)] - in0[2 * (i + 1) + 1] * in1[2 * (i + 1) + 1]), v6_im = (in0[2 * (i + 1)] * in1[2 * (i + 1) + 1] + in0[2 * (i + 1) + 1] * in1[2 * (i + 1)]);
    const v7_re = in0[2 * (i + 1)], v7_im = (-in0[2 * (i + 1) + 1]);
    const v8_re = (v6_re + v7_re), v8_im = (v6_im + v7_im);
    cexp(in1[2 * (i + 1)], in1[2 * (i + 1) + 1]);
    const v9_re = C[0], v9_im = C[1];
    const v10_re = (v8_re - v9_re), v10_im = (v8_im - v9_im);
    cdiv(v10_re, v10_im, in0[2 * (i + 1)], in0[2 * (i + 1) + 1]);
    const v11_re = C[0], v11_im = C[1];
    { const wr = v11_re, wi = v11_im; out0[2 * (i + 1)] = wr; out0[2 * (i + 1) + 1] = wi; }
    const v12_re = (in0[2 * (i + 2)] * in1[2 * (i + 2)] - in0[2 * (i + 2) + 1] * in1[2 * (i + 2) + 1]), v12_im = (in0[2 * (i + 2)] * in1[2 * (i + 2) + 1] + in0[2 * (i + 2) + 1] * in1[2 * (i + 2)]);
    const v13_re = in0[2 * (i + 2)], v13_im = (-in0[2 * (i + 2) + 1]);
    const v14_re = (v12_re + v13_re), v14_im = (v12_im + v13_im);
    cexp(in1[2 * (i + 2)], in1[2 * (i + 2) + 1]);
    const v15_re = C[0], v15_im = C[1];
    const v16_re = (v14_re - v15_re), v16_im = (v14_im - v15_im);
    cdiv(v16_re, v16_im, in0[2 * (i + 2)], in0[2 * (i + 2) + 1]);
    const v17_re = C[0], v17_im = C[1];
    { const wr = v17_re, wi = v17_im; out0[2 * (i + 2)] = wr; out0[2 * (i + 2) + 1] = wi; }
    const v18_re = (in0[2 * (i + 3)] * in1[2 * (i + 3)] - in0[2 * (i + 3) + 1] * in1[2 * (i + 3) + 1]), v18_im = (in0[2 * (i + 3)] * in1[2 * (i + 3) + 1] + in0[2 * (i + 3) + 1] * in1[2 * (i + 3)]);
    const v19_re = in0[2 * (i + 3)], v19_im = (-in0[2 * (i + 3) + 1]);
    const v20_re = (v18_re + v19_re), v20_im = (v18_im + v19_im);
    cexp(in1[2 * (i + 3)], in1[2 * (i + 3) + 1]);
    const v21_re = C[0], v21_im = C[1];
    const v22_re = (v20_re - v21_re), v22_im = (v20_im - v21_im);
    cdiv(v22_re, v22_im, in0[2 * (i + 3)], in0[2 * (i + 3) + 1]);
    const v23_re = C[0], v23_im = C[1];
    { const wr = v23_re, wi = v23_im; out0[2 * (i + 3)] = wr; out0[2 * (i + 3) + 1] = wi; }
  }
  for (; i < n0; i++) {
    const v24_re = (in0[2 * i] * in1[2 * i] - in0[2 * i + 1] * in1[2 * i + 1]), v24_im = (in0[2 * i] * in1[2 * i + 1] + in0[2 * i + 1] * in1[2 * i]);
    const v25_re = in0[2 * i], v25_im = (-in0[2 * i + 1]);
    const v26_re = (v24_re + v25_re), v26_im = (v24_im + v25_im);
    cexp(in1[2 * i], in1[2 * i + 1]);
    const v27_re = C[0], v27_im = C[1];
    const v28_re = (v26_re - v27_re), v28_im = (v26_im - v27_im);
    cdiv(v28_re, v28_im, in0[2 * i], in0[2 * i + 1]);
    const v29_re = C[0], v29_im = C[1];
    { const wr = v29_re, wi = v29_im; out0[2 * i] = wr; out0[2 * i + 1] = wi; }
  }
};
//# sourceURL=numfuse/E_30_c128.js
