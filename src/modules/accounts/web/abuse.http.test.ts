import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { altchaPayload } from '../../../../test/altcha.ts';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { createUser } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const person = {
  lastName: 'Орлов',
  firstName: 'Олег',
  patronymic: '',
  password: 'орлиный-полёт-7',
  passwordConfirm: 'орлиный-полёт-7',
  consent: 'yes',
};

describe('rate limits and ALTCHA', () => {
  it('answers the 11th sign-in attempt on one account with the 429 page', async () => {
    const u = await createUser(t.deps);
    for (let i = 0; i < 10; i++) {
      const res = await visitor(t.app).post('/sign-in', {
        email: u.email,
        password: `wrong-${i}-x`,
      });
      expect(res.statusCode).toBe(422);
    }
    const res = await visitor(t.app).post('/sign-in', {
      email: u.email,
      password: u.password,
    });
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Слишком много попыток');
  });

  it('serves ALTCHA challenges and accepts a solved one', async () => {
    const u = await createUser(t.deps);
    const res = await visitor(t.app).post('/sign-in', {
      email: u.email,
      password: u.password,
      altcha: await altchaPayload(t.app),
    });
    expect(res.statusCode).toBe(303);
  });

  it('refuses a forged or replayed ALTCHA payload with a form error, keeping the values', async () => {
    const forged = Buffer.from(
      JSON.stringify({ challenge: { parameters: {} }, solution: { counter: 1 } }),
    ).toString('base64');
    const res = await visitor(t.app).post('/password-reset', {
      email: 'someone@example.test',
      altcha: forged,
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Проверка «я не робот» не пройдена');
    expect(res.body).toContain('value="someone@example.test"');

    const payload = await altchaPayload(t.app);
    const first = await visitor(t.app).post('/password-reset', {
      email: 'someone@example.test',
      altcha: payload,
    });
    expect(first.statusCode).toBe(303);
    const replay = await visitor(t.app).post('/password-reset', {
      email: 'someone@example.test',
      altcha: payload,
    });
    expect(replay.statusCode).toBe(422);
  });

  it('accepts sign-up without JavaScript under a much stricter limit than with the proof of work', async () => {
    // Without ALTCHA: 10 sign-ups an hour from one address, then 429.
    for (let i = 0; i < 10; i++) {
      const res = await visitor(t.app).post('/sign-up', {
        ...person,
        email: `nojs${i}@example.test`,
      });
      expect(res.statusCode).toBe(303);
    }
    const blocked = await visitor(t.app).post('/sign-up', {
      ...person,
      email: 'nojs-x@example.test',
    });
    expect(blocked.statusCode).toBe(429);
    // With a solved challenge the same address still gets through (its own, larger allowance).
    const withPow = await visitor(t.app).post('/sign-up', {
      ...person,
      email: 'pow@example.test',
      altcha: await altchaPayload(t.app),
    });
    expect(withPow.statusCode).toBe(303);
  });
});
