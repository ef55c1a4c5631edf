import { createHash } from 'node:crypto';
import type { Deps } from '../deps.ts';

/*
 * The data generator's contract (issue 11, `npm run generate`): each module
 * declares a `generate` entry in its manifest and fills its own tables with a
 * region's worth of realistic content, reproducibly from a seed, through COPY
 * (platform/db/copy.ts). scripts/generate.ts runs them in the manifests' order.
 */

/** How much: 1 for a region (1,000,000 appeals, 500,000 documents, …), 0.1 small, 0.01 tiny. */
export const SCALES = { region: 1, small: 0.1, tiny: 0.01 } as const;
export type ScaleName = keyof typeof SCALES;

/**
 * A small, fast, seeded pseudo-random generator (mulberry32): the same seed
 * gives the same data on every machine. Not for anything secret.
 */
export class Random {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** a float in [0, 1) */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** an integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** an integer in [from, to] */
  between(from: number, to: number): number {
    return from + this.int(to - from + 1);
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** a version-4-shaped UUID from the generator's stream */
  uuid(): string {
    const h = (n: number) =>
      Math.floor(this.next() * 16 ** n)
        .toString(16)
        .padStart(n, '0');
    return `${h(8)}-${h(4)}-4${h(3)}-${(8 + this.int(4)).toString(16)}${h(3)}-${h(6)}${h(6)}`;
  }
  /** `n` sentences picked from the list, joined */
  sentences(list: readonly string[], n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.pick(list));
    return out.join(' ');
  }
}

export type GenerateContext = {
  deps: Deps;
  scale: number;
  seed: number;
  /** the last day of the generated history (its five years end here) */
  until: Date;
  /** a generator of its own for each name, so one module's data does not shift when another changes */
  random(name: string): Random;
  /** progress lines for the person running the command */
  progress(message: string): void;
};

/** What a module's generator wrote: rows per table or thing. */
export type GenerateReport = Record<string, number>;

/** A module's generator (the manifest's `generate` entry). */
export type Generator = (ctx: GenerateContext) => Promise<GenerateReport>;

/** The seed of a named stream: the run's seed mixed with the name. */
export function streamSeed(seed: number, name: string): number {
  return createHash('sha256').update(`${seed}:${name}`).digest().readUInt32LE(0);
}

/** `count` scaled, at least `min`. */
export function scaled(ctx: Pick<GenerateContext, 'scale'>, count: number, min = 1): number {
  return Math.max(min, Math.round(count * ctx.scale));
}
