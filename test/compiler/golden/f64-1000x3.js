return function E_1000x3_f64(out0, in0, in1, sh, st, off) {
  // E_1000x3_f64: x#: float64[1000,3] = load buf# [1000,3] strides=[3,1] offset=0
  // x#: float64[1000,3] = load buf# [1000,3] strides=[3,1] offset=0
  // x#: float64[1000,3] = multiply x# x#
  // x#: float64[1000,3] = sin x#
  // x#: float64[1000,3] = add x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (in0[i] * in1[i]);
    const v1 = Math.sin(in0[i]);
    const v2 = (v0 + v1);
    out0[i] = v2;
    const v3 = (in0[(i + 1)] * in1[(i + 1)]);
    const v4 = Math.sin(in0[(i + 1)]);
    const v5 = (v3 + v4);
    out0[(i + 1)] = v5;
    const v6 = (in0[(i + 2)] * in1[(i + 2)]);
    const v7 = Math.sin(in0[(i + 2)]);
    const v8 = (v6 + v7);
    out0[(i + 2)] = v8;
    const v9 = (in0[(i + 3)] * in1[(i + 3)]);
    const v10 = Math.sin(in0[(i + 3)]);
    const v11 = (v9 + v10);
    out0[(i + 3)] = v11;
  }
  for (; i < n0; i++) {
    const v12 = (in0[i] * in1[i]);
    const v13 = Math.sin(in0[i]);
    const v14 = (v12 + v13);
    out0[i] = v14;
  }
};
//# sourceURL=numfuse/E_1000x3_f64.js
