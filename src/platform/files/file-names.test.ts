import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition } from './index.ts';

describe('cleanFileName', () => {
  it('keeps the last part of a path, drops controls and bidi overrides, never ends empty', () => {
    expect(cleanFileName('C:\\fakepath\\отчёт.pdf')).toBe('отчёт.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('doc\u202efdp.exe')).toBe('docfdp.exe');
    expect(cleanFileName('a\u0000b\r\nc\u2066.pdf')).toBe('abc.pdf');
    expect(cleanFileName('  много   пробелов .pdf ')).toBe('много пробелов .pdf');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName('\u202e')).toBe('file');
    expect(cleanFileName('x'.repeat(400))).toHaveLength(255);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name RFC 5987-encoded', () => {
    expect(contentDisposition('attachment', 'справка (1).pdf')).toBe(
      'attachment; filename="_______ (1).pdf"; filename*=UTF-8\'\'%D1%81%D0%BF%D1%80%D0%B0%D0%B2%D0%BA%D0%B0%20%281%29.pdf',
    );
  });

  it('is one line of visible ASCII for any name, whose filename* decodes to the cleaned name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const v = contentDisposition('inline', name);
        expect(v).toMatch(/^[\x20-\x7e]+$/);
        const fallback = v.match(/filename="([^"]*)"; /)?.[1];
        expect(fallback).toBeDefined();
        const exact = v.split("filename*=UTF-8''")[1] as string;
        expect(exact).toMatch(/^[A-Za-z0-9!#$&+.^_`|~%-]*$/);
        expect(decodeURIComponent(exact)).toBe(cleanFileName(name));
      }),
    );
  });
});
