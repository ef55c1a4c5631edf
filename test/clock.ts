import type { Clock } from '../src/platform/deps.ts';

/** A clock tests move by hand; they never sleep. */
export class TestClock implements Clock {
  constructor(private t = new Date('2026-03-02T09:00:00+02:00')) {}
  now() {
    return new Date(this.t);
  }
  set(d: Date | string) {
    this.t = new Date(d);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}
