return function E_64_f32(out0, in0, in1, in2, sh, st, off) {
  // E_64_f32: x#: float32[64] = load buf# [64] strides=[1] offset=0
  // x#: float32[64] = load buf# [64] strides=[1] offset=0
  // x#: float32[64] = load buf# [64] strides=[1] offset=0
  // x#: float32[64] = multiply x# x#
  // x#: float32[64] = add x# x#
  // x#: float32[64] = const 0.5
  // x#: float32[64] = multiply x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (in1[i] * in0[i]);
    const v1 = (in2[i] + v0);
    const v2 = (v1 * 0.5);
    out0[i] = v2;
    const v3 = (in1[(i + 1)] * in0[(i + 1)]);
    const v4 = (in2[(i + 1)] + v3);
    const v5 = (v4 * 0.5);
    out0[(i + 1)] = v5;
    const v6 = (in1[(i + 2)] * in0[(i + 2)]);
    const v7 = (in2[(i + 2)] + v6);
    const v8 = (v7 * 0.5);
    out0[(i + 2)] = v8;
    const v9 = (in1[(i + 3)] * in0[(i + 3)]);
    const v10 = (in2[(i + 3)] + v9);
    const v11 = (v10 * 0.5);
    out0[(i + 3)] = v11;
  }
  for (; i < n0; i++) {
    const v12 = (in1[i] * in0[i]);
    const v13 = (in2[i] + v12);
    const v14 = (v13 * 0.5);
    out0[i] = v14;
  }
};
//# sourceURL=numfuse/E_64_f32.js
