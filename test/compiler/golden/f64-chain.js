return function E_100_f64(out0, in0, in1, in2, sh, st, off) {
  // E_100_f64: x#: float64[100] = load buf# [100] strides=[1] offset=0
  // x#: float64[100] = load buf# [100] strides=[1] offset=0
  // x#: float64[100] = load buf# [100] strides=[1] offset=0
  // x#: float64[100] = multiply x# x#
  // x#: float64[100] = add x# x#
  // x#: float64[100] = const 1
  // x#: float64[100] = subtract x# x#
  // x#: float64[100] = exp x#
  // x#: float64[100] = const 2
  // x#: float64[100] = true_divide x# x#
  // x#: float64[100] = neg x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (in1[i] * in0[i]);
    const v1 = (in2[i] + v0);
    const v2 = (v1 - 1);
    const v3 = Math.exp(v2);
    const v4 = (v3 / 2);
    const v5 = (-v4);
    out0[i] = v5;
    const v6 = (in1[(i + 1)] * in0[(i + 1)]);
    const v7 = (in2[(i + 1)] + v6);
    const v8 = (v7 - 1);
    const v9 = Math.exp(v8);
    const v10 = (v9 / 2);
    const v11 = (-v10);
    out0[(i + 1)] = v11;
    const v12 = (in1[(i + 2)] * in0[(i + 2)]);
    const v13 = (in2[(i + 2)] + v12);
    const v14 = (v13 - 1);
    const v15 = Math.exp(v14);
    const v16 = (v15 / 2);
    const v17 = (-v16);
    out0[(i + 2)] = v17;
    const v18 = (in1[(i + 3)] * in0[(i + 3)]);
    const v19 = (in2[(i + 3)] + v18);
    const v20 = (v19 - 1);
    const v21 = Math.exp(v20);
    const v22 = (v21 / 2);
    const v23 = (-v22);
    out0[(i + 3)] = v23;
  }
  for (; i < n0; i++) {
    const v24 = (in1[i] * in0[i]);
    const v25 = (in2[i] + v24);
    const v26 = (v25 - 1);
    const v27 = Math.exp(v26);
    const v28 = (v27 / 2);
    const v29 = (-v28);
    out0[i] = v29;
  }
};
//# sourceURL=numfuse/E_100_f64.js
