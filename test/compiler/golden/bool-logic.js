return function E_40_b1(out0, in0, in1, sh, st, off) {
  // E_40_b1: x#: bool[40] = load buf# [40] strides=[1] offset=0
  // x#: bool[40] = load buf# [40] strides=[1] offset=0
  // x#: bool[40] = logical_and x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (!!in1[i] && !!in0[i]);
    out0[i] = v0;
    const v1 = (!!in1[(i + 1)] && !!in0[(i + 1)]);
    out0[(i + 1)] = v1;
    const v2 = (!!in1[(i + 2)] && !!in0[(i + 2)]);
    out0[(i + 2)] = v2;
    const v3 = (!!in1[(i + 3)] && !!in0[(i + 3)]);
    out0[(i + 3)] = v3;
  }
  for (; i < n0; i++) {
    const v4 = (!!in1[i] && !!in0[i]);
    out0[i] = v4;
  }
};
//# sourceURL=numfuse/E_40_b1.js

return function E_40_b1(out0, in0, in1, sh, st, off) {
  // E_40_b1: x#: bool[40] = load buf# [40] strides=[1] offset=0
  // x#: bool[40] = load buf# [40] strides=[1] offset=0
  // x#: bool[40] = invert x#
  // x#: bool[40] = logical_or x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (in0[i] ? 0 : 1);
    const v1 = (!!in1[i] || !!v0);
    out0[i] = v1;
    const v2 = (in0[(i + 1)] ? 0 : 1);
    const v3 = (!!in1[(i + 1)] || !!v2);
    out0[(i + 1)] = v3;
    const v4 = (in0[(i + 2)] ? 0 : 1);
    const v5 = (!!in1[(i + 2)] || !!v4);
    out0[(i + 2)] = v5;
    const v6 = (in0[(i + 3)] ? 0 : 1);
    const v7 = (!!in1[(i + 3)] || !!v6);
    out0[(i + 3)] = v7;
  }
  for (; i < n0; i++) {
    const v8 = (in0[i] ? 0 : 1);
    const v9 = (!!in1[i] || !!v8);
    out0[i] = v9;
  }
};
//# sourceURL=numfuse/E_40_b1.js

return function E_40_b1(out0, in0, in1, sh, st, off) {
  // E_40_b1: x#: bool[40] = load buf# [40] strides=[1] offset=0
  // x#: bool[40] = load buf# [40] strides=[1] offset=0
  // x#: bool[40] = logical_xor x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (!in1[i] !== !in0[i]);
    out0[i] = v0;
    const v1 = (!in1[(i + 1)] !== !in0[(i + 1)]);
    out0[(i + 1)] = v1;
    const v2 = (!in1[(i + 2)] !== !in0[(i + 2)]);
    out0[(i + 2)] = v2;
    const v3 = (!in1[(i + 3)] !== !in0[(i + 3)]);
    out0[(i + 3)] = v3;
  }
  for (; i < n0; i++) {
    const v4 = (!in1[i] !== !in0[i]);
    out0[i] = v4;
  }
};
//# sourceURL=numfuse/E_40_b1.js

return function E_40_b1(out0, in0, sh, st, off) {
  // E_40_b1: x#: bool[40] = load buf# [40] strides=[1] offset=0
  // x#: bool[40] = logical_not x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = !in0[i];
    out0[i] = v0;
    const v1 = !in0[(i + 1)];
    out0[(i + 1)] = v1;
    const v2 = !in0[(i + 2)];
    out0[(i + 2)] = v2;
    const v3 = !in0[(i + 3)];
    out0[(i + 3)] = v3;
  }
  for (; i < n0; i++) {
    const v4 = !in0[i];
    out0[i] = v4;
  }
};
//# sourceURL=numfuse/E_40_b1.js

return function E_40_b1(out0, in0, in1, sh, st, off) {
  // E_40_b1: x#: bool[40] = load buf# [40] strides=[1] offset=0
  // x#: bool[40] = load buf# [40] strides=[1] offset=0
  // x#: bool[40] = logical_and x# x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (!!in1[i] && !!in0[i]);
    out0[i] = v0;
    const v1 = (!!in1[(i + 1)] && !!in0[(i + 1)]);
    out0[(i + 1)] = v1;
    const v2 = (!!in1[(i + 2)] && !!in0[(i + 2)]);
    out0[(i + 2)] = v2;
    const v3 = (!!in1[(i + 3)] && !!in0[(i + 3)]);
    out0[(i + 3)] = v3;
  }
  for (; i < n0; i++) {
    const v4 = (!!in1[i] && !!in0[i]);
    out0[i] = v4;
  }
};
//# sourceURL=numfuse/E_40_b1.js
