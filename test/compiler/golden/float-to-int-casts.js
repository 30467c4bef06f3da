const f2i32 = H.f2i32;
return function E_40_i32(out0, in0, sh, st, off) {
  // E_40_i32: x#: float64[40] = load buf# [40] strides=[1] offset=0
  // x#: int32[40] = cast x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (f2i32(in0[i]) | 0);
    out0[i] = v0;
    const v1 = (f2i32(in0[(i + 1)]) | 0);
    out0[(i + 1)] = v1;
    const v2 = (f2i32(in0[(i + 2)]) | 0);
    out0[(i + 2)] = v2;
    const v3 = (f2i32(in0[(i + 3)]) | 0);
    out0[(i + 3)] = v3;
  }
  for (; i < n0; i++) {
    const v4 = (f2i32(in0[i]) | 0);
    out0[i] = v4;
  }
};
//# sourceURL=numfuse/E_40_i32.js

const f2i32 = H.f2i32;
return function E_40_u8(out0, in0, sh, st, off) {
  // E_40_u8: x#: float64[40] = load buf# [40] strides=[1] offset=0
  // x#: uint8[40] = cast x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (f2i32(in0[i]) & 255);
    out0[i] = v0;
    const v1 = (f2i32(in0[(i + 1)]) & 255);
    out0[(i + 1)] = v1;
    const v2 = (f2i32(in0[(i + 2)]) & 255);
    out0[(i + 2)] = v2;
    const v3 = (f2i32(in0[(i + 3)]) & 255);
    out0[(i + 3)] = v3;
  }
  for (; i < n0; i++) {
    const v4 = (f2i32(in0[i]) & 255);
    out0[i] = v4;
  }
};
//# sourceURL=numfuse/E_40_u8.js

const f2i32 = H.f2i32;
return function E_40_i8(out0, in0, sh, st, off) {
  // E_40_i8: x#: float64[40] = load buf# [40] strides=[1] offset=0
  // x#: int8[40] = cast x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (f2i32(in0[i]) << 24 >> 24);
    out0[i] = v0;
    const v1 = (f2i32(in0[(i + 1)]) << 24 >> 24);
    out0[(i + 1)] = v1;
    const v2 = (f2i32(in0[(i + 2)]) << 24 >> 24);
    out0[(i + 2)] = v2;
    const v3 = (f2i32(in0[(i + 3)]) << 24 >> 24);
    out0[(i + 3)] = v3;
  }
  for (; i < n0; i++) {
    const v4 = (f2i32(in0[i]) << 24 >> 24);
    out0[i] = v4;
  }
};
//# sourceURL=numfuse/E_40_i8.js

const f2i64 = H.f2i64;
return function E_40_i64(out0, in0, sh, st, off) {
  // E_40_i64: x#: float64[40] = load buf# [40] strides=[1] offset=0
  // x#: int64[40] = cast x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = f2i64(in0[i]);
    { const w = v0; out0[2 * i] = w; out0[2 * i + 1] = Math.floor(w / 4294967296); }
    const v1 = f2i64(in0[(i + 1)]);
    { const w = v1; out0[2 * (i + 1)] = w; out0[2 * (i + 1) + 1] = Math.floor(w / 4294967296); }
    const v2 = f2i64(in0[(i + 2)]);
    { const w = v2; out0[2 * (i + 2)] = w; out0[2 * (i + 2) + 1] = Math.floor(w / 4294967296); }
    const v3 = f2i64(in0[(i + 3)]);
    { const w = v3; out0[2 * (i + 3)] = w; out0[2 * (i + 3) + 1] = Math.floor(w / 4294967296); }
  }
  for (; i < n0; i++) {
    const v4 = f2i64(in0[i]);
    { const w = v4; out0[2 * i] = w; out0[2 * i + 1] = Math.floor(w / 4294967296); }
  }
};
//# sourceURL=numfuse/E_40_i64.js

const f2i32 = H.f2i32;
return function E_40_u16(out0, in0, sh, st, off) {
  // E_40_u16: x#: float64[40] = load buf# [40] strides=[1] offset=0
  // x#: uint16[40] = cast x#
  const n0 = sh[0];
  let i = 0;
  for (; i + 4 <= n0; i += 4) {
    const v0 = (f2i32(in0[i]) & 65535);
    out0[i] = v0;
    const v1 = (f2i32(in0[(i + 1)]) & 65535);
    out0[(i + 1)] = v1;
    const v2 = (f2i32(in0[(i + 2)]) & 65535);
    out0[(i + 2)] = v2;
    const v3 = (f2i32(in0[(i + 3)]) & 65535);
    out0[(i + 3)] = v3;
  }
  for (; i < n0; i++) {
    const v4 = (f2i32(in0[i]) & 65535);
    out0[i] = v4;
  }
};
//# sourceURL=numfuse/E_40_u16.js
