return function E_50_i8(out0, in0, in1, in2, sh, st, off) {
  // E_50_i8: x#: int8[50] = load buf# [50] strides=[1] offset=0
  // x#: int8[50] = load buf# [50] strides=[1] offset=0
  // x#: int8[50] = load buf# [50] strides=[1] offset=0
  // x#: int8[50] = multiply x# x#
  // x#: int8[50] = add x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = ((in1[i] * in0[i]) << 24 >> 24);
    const v1 = ((in2[i] + v0) << 24 >> 24);
    out0[i] = v1;
    const v2 = ((in1[(i + 1)] * in0[(i + 1)]) << 24 >> 24);
    const v3 = ((in2[(i + 1)] + v2) << 24 >> 24);
    out0[(i + 1)] = v3;
    const v4 = ((in1[(i + 2)] * in0[(i + 2)]) << 24 >> 24);
    const v5 = ((in2[(i + 2)] + v4) << 24 >> 24);
    out0[(i + 2)] = v5;
    const v6 = ((in1[(i + 3)] * in0[(i + 3)]) << 24 >> 24);
    const v7 = ((in2[(i + 3)] + v6) << 24 >> 24);
    out0[(i + 3)] = v7;
  }
  for (; i < n0; i++) {
    const v8 = ((in1[i] * in0[i]) << 24 >> 24);
    const v9 = ((in2[i] + v8) << 24 >> 24);
    out0[i] = v9;
  }
};
//# sourceURL=numfuse/E_50_i8.js
