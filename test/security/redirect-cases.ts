import { expect } from 'vitest';

/* Redirect targets shared by the open-redirect tests (HTTP and pure). */

// What browsers turn into another host: TAB/CR/LF are dropped, `\` is `/`, `/./` collapses.
export const HOSTILE = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '//evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '/.//evil.example',
  '/../..//evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  ' /evil',
  '/\u0000/evil.example',
];

/** A Location must stay on this site, as a browser would resolve it. */
export function expectLocal(location: unknown, base: string) {
  expect(typeof location).toBe('string');
  const loc = location as string;
  // printable ASCII only: no control character or backslash for a browser to reinterpret
  expect(loc).toMatch(/^[!-[\]-~]+$/);
  expect(loc.startsWith('/') && !loc.startsWith('//')).toBe(true);
  expect(new URL(loc, base).origin).toBe(new URL(base).origin);
}
