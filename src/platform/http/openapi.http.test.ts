import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await t.app.inject('/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc), { resolve: { external: false } });
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
  });

  it('documents the JSON API and nothing else, with titles in Russian and English', async () => {
    const doc = (await t.app.inject('/openapi.json')).json();
    expect(doc.info.title).toContain('Открытый регион');
    expect(doc.info.title).toContain('Open Region');
    const paths = Object.keys(doc.paths);
    expect(paths).toContain('/api/v1/organizations');
    expect(paths).toContain('/api/v1/organizations/{slug}');
    expect(paths.filter((p) => !p.startsWith('/api/'))).toEqual([]);
    expect(paths.filter((p) => p.startsWith('/api/docs'))).toEqual([]);
    const list = doc.paths['/api/v1/organizations'].get;
    expect(list.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'kind',
      'level',
      'page',
      'perPage',
    ]);
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400']));
    expect(Object.keys(doc.paths['/api/v1/organizations/{slug}'].get.responses)).toEqual(
      expect.arrayContaining(['200', '404']),
    );
  });
});

describe('/api/docs', () => {
  it('serves Swagger UI with scripts from this origin only', async () => {
    const res = await t.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger-ui-bundle.js');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    const init = await t.app.inject('/api/docs/static/swagger-initializer.js');
    expect(init.statusCode).toBe(200);
    expect((await t.app.inject('/api/docs/json')).json().openapi).toBe('3.1.0');
  });

  it('keeps the inline-style allowance off every other page', async () => {
    const res = await t.app.inject('/');
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  });
});
