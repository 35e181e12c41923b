/**
 * The demo authority's seeded generator: the domain's one generator (src/domain/random.ts, sfc32 seeded through
 * splitmix32), so the same seed gives byte-identical data, ids included. Each new draw takes its own stream
 * (`fork(label)`).
 */
export { createRandom, hashString, type Random } from '../domain/random.ts';
