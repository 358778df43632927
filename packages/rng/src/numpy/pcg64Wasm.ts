/**
 * PCG64's block fill as a tiny WebAssembly function, assembled here at first use (no
 * binary is shipped). WebAssembly has native 64-bit integers, so one step is a handful of
 * instructions: the 128-bit product in two 64-bit halves, its high half from 32-bit limb
 * products, then XSL-RR with a native 64-bit rotate. JavaScript has no 64-bit integers
 * short of BigInt, and its fastest limb arithmetic (doubles) stayed near a quarter of
 * `Math.random()`'s speed.
 *
 * Memory (one 64 KiB page per generator): bytes 0–31 hold state (high, low) and inc (high,
 * low) as little-endian uint64; `fill()` steps BLOCK times, writing each 64-bit output at
 * OUT + 8i and NumPy's double `(out >> 11) · 2^-53` at DBL + 8i, and leaves the state after
 * the last step in bytes 0–15.
 */

/** Outputs per `fill()`. */
export const WASM_BLOCK = 256;
/** Byte offset of the 64-bit outputs. */
export const WASM_OUT = 64;
/** Byte offset of the doubles. */
export const WASM_DBL: number = WASM_OUT + 8 * WASM_BLOCK;

/** One generator's WebAssembly instance: its memory and its fill function. */
export interface Pcg64Wasm {
  readonly memory: { readonly buffer: ArrayBuffer };
  readonly fill: () => void;
}

/** The part of the WebAssembly API used here (this project's TypeScript libs omit it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

const M_HI = 2549297995355413924n;
const M_LO = 4865540595714422341n;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb64(v: bigint): number[] {
  const out: number[] = [];
  let x = BigInt.asIntN(64, v);
  for (;;) {
    const byte = Number(x & 0x7fn);
    x >>= 7n;
    const done = (x === 0n && (byte & 0x40) === 0) || (x === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

// Opcodes used below.
const GET = 0x20;
const SET = 0x21;
const I64_CONST = 0x42;
const I32_CONST = 0x41;
const I64_LOAD = 0x29;
const I64_STORE = 0x37;
const F64_STORE = 0x39;
const I64_MUL = 0x7e;
const I64_ADD = 0x7c;
const I64_AND = 0x83;
const I64_XOR = 0x85;
const I64_SHR_U = 0x88;
const I64_ROTR = 0x8a;
const I64_LT_U = 0x54;
const I64_EXTEND_I32_U = 0xad;
const I32_ADD = 0x6a;
const I32_NE = 0x47;
const F64_CONVERT_I64_U = 0xba;
const F64_MUL = 0xa2;
const LOOP = 0x03;
const BR_IF = 0x0d;
const END = 0x0b;
const VOID = 0x40;

// Locals: 0 ptr (i32); 1 shi, 2 slo, 3 ihi, 4 ilo, 5 a0, 6 a1, 7 t, 8 w1, 9 hi, 10 out (i64).
const [PTR, SHI, SLO, IHI, ILO, A0, A1, T, W1, HI, OUT] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const c64 = (v: bigint): number[] => [I64_CONST, ...sleb64(v)];
const get = (i: number): number[] => [GET, i];
const set = (i: number): number[] => [SET, i];
const mem = (offset: number): number[] => [3, ...uleb(offset)]; // align 8, offset

function body(): number[] {
  const MASK32 = 0xffffffffn;
  const b0 = M_LO & MASK32;
  const b1 = M_LO >> 32n;
  // prettier-ignore
  const code: number[] = [
    // load state and increment
    ...[I32_CONST, 0], ...[I64_LOAD, ...mem(0)], ...set(SHI), ...[I32_CONST, 0], ...[I64_LOAD, ...mem(8)], ...set(SLO), ...[I32_CONST, 0], ...[I64_LOAD, ...mem(16)], ...set(IHI), ...[I32_CONST, 0], ...[I64_LOAD, ...mem(24)], ...set(ILO), ...[I32_CONST, 0], ...set(PTR), LOOP, VOID,
    // a0 = slo & 0xffffffff; a1 = slo >> 32
    ...get(SLO), ...c64(MASK32), I64_AND, ...set(A0), ...get(SLO), ...c64(32n), I64_SHR_U, ...set(A1),
    // t = a1·b0 + (a0·b0 >> 32)
    ...get(A1), ...c64(b0), I64_MUL, ...get(A0), ...c64(b0), I64_MUL, ...c64(32n), I64_SHR_U, I64_ADD, ...set(T),
    // w1 = (t & 0xffffffff) + a0·b1
    ...get(T), ...c64(MASK32), I64_AND, ...get(A0), ...c64(b1), I64_MUL, I64_ADD, ...set(W1),
    // hi = a1·b1 + (t >> 32) + (w1 >> 32) + slo·M_HI + shi·M_LO
    ...get(A1), ...c64(b1), I64_MUL, ...get(T), ...c64(32n), I64_SHR_U, I64_ADD, ...get(W1), ...c64(32n), I64_SHR_U, I64_ADD, ...get(SLO), ...c64(M_HI), I64_MUL, I64_ADD, ...get(SHI), ...c64(M_LO), I64_MUL, I64_ADD, ...set(HI),
    // slo = slo·M_LO + ilo; shi = hi + ihi + carry
    ...get(SLO), ...c64(M_LO), I64_MUL, ...get(ILO), I64_ADD, ...set(SLO), ...get(HI), ...get(IHI), I64_ADD, ...get(SLO), ...get(ILO), I64_LT_U, I64_EXTEND_I32_U, I64_ADD, ...set(SHI),
    // out = rotr(shi ^ slo, shi >> 58)
    ...get(SHI), ...get(SLO), I64_XOR, ...get(SHI), ...c64(58n), I64_SHR_U, I64_ROTR, ...set(OUT),
    // store out and its double
    ...get(PTR), ...get(OUT), I64_STORE, ...mem(WASM_OUT), ...get(PTR), ...get(OUT), ...c64(11n), I64_SHR_U, F64_CONVERT_I64_U, 0x44, ...Array.from(new Uint8Array(Float64Array.of(2 ** -53).buffer)), F64_MUL, F64_STORE, ...mem(WASM_DBL),
    // ptr += 8; loop while ptr != 8·BLOCK
    ...get(PTR), ...[I32_CONST, 8], I32_ADD, ...set(PTR), ...get(PTR), I32_CONST, ...sleb64(BigInt(8 * WASM_BLOCK)), I32_NE, BR_IF, 0, END,
    // store the state back
    ...[I32_CONST, 0], ...get(SHI), I64_STORE, ...mem(0), ...[I32_CONST, 0], ...get(SLO), I64_STORE, ...mem(8), END,
  ];
  return code;
}

let compiled: object | undefined;

function moduleBytes(): Uint8Array {
  const code = body();
  const locals = vec([
    [...uleb(1), 0x7f],
    [...uleb(10), 0x7e],
  ]);
  const func = [...locals, ...code];
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec([[0x60, 0, 0]])), // type 0: () -> ()
    ...section(3, vec([[0]])), // function 0 has type 0
    ...section(5, vec([[0x00, 1]])), // one memory, at least one page
    ...section(
      7,
      vec([
        [...name('fill'), 0x00, 0],
        [...name('memory'), 0x02, 0],
      ]),
    ),
    ...section(10, vec([[...uleb(func.length), ...func]])),
  ]);
}

/** A fresh instance (own memory) of the fill function; the module is compiled once. */
export function createPcg64Wasm(): Pcg64Wasm {
  const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  compiled ??= new api.Module(moduleBytes());
  const { exports } = new api.Instance(compiled);
  return {
    memory: exports['memory'] as Pcg64Wasm['memory'],
    fill: exports['fill'] as () => void,
  };
}
