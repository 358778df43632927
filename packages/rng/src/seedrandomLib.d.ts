// Types for seedrandom's per-algorithm files. We import these instead of the package
// entry because the entry seeds its ARC4 pool from Math.random and loads node:crypto at
// import time; the algorithm files have no import-time effects.
declare module 'seedrandom/lib/*.js' {
  interface SeedrandomPrng {
    (): number;
    int32(): number;
    double(): number;
    state(): Record<string, unknown>;
  }
  const impl: (seed: number | string, options: { state: true | object }) => SeedrandomPrng;
  export default impl;
}
