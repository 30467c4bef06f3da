return function E_30_f64(out0, in0, in1, in2, sh, st, off) {
  // E_30_f64: x#: bool[30] = load buf# [30] strides=[1] offset=0
  // x#: float64[30] = load buf# [30] strides=[1] offset=0
  // x#: float64[30] = load buf# [30] strides=[1] offset=0
  // x#: float64[30] = add x# x#
  // x#: float64[30] = const 0
  // x#: float64[30] = where x# x# x#
  // x#: float64[30] = cast x#
  // x#: float64[30] = multiply x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (in2[i] + in1[i]);
    const v1 = ((in0[i]) ? v0 : 0);
    const v2 = (+in0[i]);
    const v3 = (v1 * v2);
    out0[i] = v3;
    const v4 = (in2[(i + 1)] + in1[(i + 1)]);
    const v5 = ((in0[(i + 1)]) ? v4 : 0);
    const v6 = (+in0[(i + 1)]);
    const v7 = (v5 * v6);
    out0[(i + 1)] = v7;
    const v8 = (in2[(i + 2)] + in1[(i + 2)]);
    const v9 = ((in0[(i + 2)]) ? v8 : 0);
    const v10 = (+in0[(i + 2)]);
    const v11 = (v9 * v10);
    out0[(i + 2)] = v11;
    const v12 = (in2[(i + 3)] + in1[(i + 3)]);
    const v13 = ((in0[(i + 3)]) ? v12 : 0);
    const v14 = (+in0[(i + 3)]);
    const v15 = (v13 * v14);
    out0[(i + 3)] = v15;
  }
  for (; i < n0; i++) {
    const v16 = (in2[i] + in1[i]);
    const v17 = ((in0[i]) ? v16 : 0);
    const v18 = (+in0[i]);
    const v19 = (v17 * v18);
    out0[i] = v19;
  }
};
//# sourceURL=numfuse/E_30_f64.js
