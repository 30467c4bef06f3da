return function E_40_u32(out0, in0, in1, sh, st, off) {
  // E_40_u32: x#: uint32[40] = load buf# [40] strides=[1] offset=0
  // x#: uint32[40] = load buf# [40] strides=[1] offset=0
  // x#: uint32[40] = multiply x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (Math.imul(in1[i], in0[i]) >>> 0);
    out0[i] = v0;
    const v1 = (Math.imul(in1[(i + 1)], in0[(i + 1)]) >>> 0);
    out0[(i + 1)] = v1;
    const v2 = (Math.imul(in1[(i + 2)], in0[(i + 2)]) >>> 0);
    out0[(i + 2)] = v2;
    const v3 = (Math.imul(in1[(i + 3)], in0[(i + 3)]) >>> 0);
    out0[(i + 3)] = v3;
  }
  for (; i < n0; i++) {
    const v4 = (Math.imul(in1[i], in0[i]) >>> 0);
    out0[i] = v4;
  }
};
//# sourceURL=numfuse/E_40_u32.js

return function E_40_u32(out0, in0, in1, sh, st, off) {
  // E_40_u32: x#: uint32[40] = load buf# [40] strides=[1] offset=0
  // x#: uint32[40] = load buf# [40] strides=[1] offset=0
  // x#: uint32[40] = add x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = ((in1[i] + in0[i]) >>> 0);
    out0[i] = v0;
    const v1 = ((in1[(i + 1)] + in0[(i + 1)]) >>> 0);
    out0[(i + 1)] = v1;
    const v2 = ((in1[(i + 2)] + in0[(i + 2)]) >>> 0);
    out0[(i + 2)] = v2;
    const v3 = ((in1[(i + 3)] + in0[(i + 3)]) >>> 0);
    out0[(i + 3)] = v3;
  }
  for (; i < n0; i++) {
    const v4 = ((in1[i] + in0[i]) >>> 0);
    out0[i] = v4;
  }
};
//# sourceURL=numfuse/E_40_u32.js

return function E_40_u32(out0, in0, in1, sh, st, off) {
  // E_40_u32: x#: uint32[40] = load buf# [40] strides=[1] offset=0
  // x#: uint32[40] = load buf# [40] strides=[1] offset=0
  // x#: uint32[40] = subtract x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = ((in1[i] - in0[i]) >>> 0);
    out0[i] = v0;
    const v1 = ((in1[(i + 1)] - in0[(i + 1)]) >>> 0);
    out0[(i + 1)] = v1;
    const v2 = ((in1[(i + 2)] - in0[(i + 2)]) >>> 0);
    out0[(i + 2)] = v2;
    const v3 = ((in1[(i + 3)] - in0[(i + 3)]) >>> 0);
    out0[(i + 3)] = v3;
  }
  for (; i < n0; i++) {
    const v4 = ((in1[i] - in0[i]) >>> 0);
    out0[i] = v4;
  }
};
//# sourceURL=numfuse/E_40_u32.js
