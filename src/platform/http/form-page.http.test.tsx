import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { visitor } from '../../../test/forms.ts';
import { SAMPLE_PDF, type Upload } from '../../../test/multipart.ts';
import { Conflict, InvalidInput } from '../errors/index.ts';
import { uploadsOf } from '../files/index.ts';
import { Button, ErrorSummary, Form, Radios, Textarea, TextInput } from '../ui/components.tsx';
import { type FormState, formValues, handleForm, orderByPage, showForm } from './form-page.ts';

// The schema lists its fields in another order than the page does, so the summary's order
// can only come from the page.
const petitionInput = z.object({
  consent: z.literal('yes', { error: 'Подтвердите согласие' }),
  text: z.string().trim().min(5, 'Введите текст не короче 5 знаков'),
  email: z.email('Введите адрес электронной почты'),
  name: z.string().trim().min(1, 'Введите имя'),
});

/** What the use case received, so a test can see it ran (or did not). */
const received: unknown[] = [];

function PetitionView({ values, errors, multipart }: FormState & { multipart?: boolean }) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Петиция</h1>
      <Form
        action={multipart ? '/test/petition-files' : '/test/petition'}
        enctype={multipart ? 'multipart/form-data' : undefined}
      >
        <TextInput name="name" label="Имя" value={values.name} errors={errors} />
        <TextInput name="email" label="Почта" value={values.email} errors={errors} />
        <Textarea name="text" label="Текст" value={values.text} errors={errors} />
        <Radios
          name="consent"
          legend="Согласие"
          value={values.consent}
          errors={errors}
          items={[{ value: 'yes', text: 'Да' }]}
        />
        <Button>Отправить</Button>
      </Form>
    </>
  );
}

async function routes(app: FastifyInstance) {
  const render = (multipart?: boolean) => (form: FormState) => ({
    title: 'Петиция',
    body: <PetitionView {...form} multipart={multipart} />,
  });
  app.get('/test/petition', (req, reply) => showForm(req, reply, render(), { name: 'Анна' }));
  app.post('/test/petition', (req, reply) =>
    handleForm(req, reply, {
      schema: petitionInput,
      render: render(),
      forget: ['secret'],
      conflictField: 'text',
      run: async (data) => {
        if (data.name === 'Занято')
          throw new InvalidInput([{ field: 'name', message: 'Это имя уже занято' }]);
        if (data.text.startsWith('Поздно')) throw new Conflict('Приём петиций закрыт');
        received.push(data);
        return '/test/petition?sent=1';
      },
    }),
  );
  app.post('/test/petition-files', (req, reply) =>
    handleForm(req, reply, {
      schema: petitionInput,
      render: render(true),
      check: async () =>
        uploadsOf(req.body, 'file').length ? [] : [{ field: 'file', message: 'Приложите файл' }],
      run: async (data) => {
        received.push({ ...data, files: uploadsOf(req.body, 'file').map((f) => f.filename) });
        return '/test/petition?sent=1';
      },
    }),
  );
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ routes });
});
afterAll(async () => t?.close());

/** A fresh visitor sends the petition form. */
const post = (fields: Record<string, string>) => visitor(t.app).post('/test/petition', fields);

/** The messages of the error summary, in its order. */
function summary(html: string): string[] {
  const list = html.match(/<ul class="govuk-list govuk-error-summary__list">(.*?)<\/ul>/s)?.[1] ?? '';
  return [...list.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''));
}

describe('the form-page helper', () => {
  it('shows the form on GET with its starting values', async () => {
    const res = await t.app.inject('/test/petition');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="Анна"');
    expect(res.body).not.toContain('govuk-error-summary');
  });

  it('sends the form back with 422, the errors in the order of the fields on the page', async () => {
    const res = await post({ name: '', email: 'нет', text: 'ой' });
    expect(res.statusCode).toBe(422);
    expect(summary(res.body)).toEqual([
      'Введите имя',
      'Введите адрес электронной почты',
      'Введите текст не короче 5 знаков',
      'Подтвердите согласие',
    ]);
    // each entry links to its field, and the field carries its own message
    expect(res.body).toContain('<a href="#email">Введите адрес электронной почты</a>');
    expect(res.body).toContain('id="email-error"');
  });

  it('keeps every typed value, but not the CSRF token or a forgotten field', async () => {
    const res = await post({ name: '', email: 'anna@', text: 'Короткий <текст> & "кавычки"', secret: 'x1' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="anna@"');
    expect(res.body).toContain('Короткий &lt;текст> &amp; &quot;кавычки&quot;');
    expect(res.body).not.toContain('x1');
  });

  it('runs the use case on good input and answers 303 (post/redirect/get)', async () => {
    const before = received.length;
    const res = await post({
      name: 'Анна',
      email: 'anna@example.test',
      text: 'Прошу починить лестницу',
      consent: 'yes',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/test/petition?sent=1');
    expect(received.slice(before)).toEqual([
      { name: 'Анна', email: 'anna@example.test', text: 'Прошу починить лестницу', consent: 'yes' },
    ]);
  });

  it("puts the use case's InvalidInput onto the form (422) with the values kept", async () => {
    const before = received.length;
    const res = await post({
      name: 'Занято',
      email: 'anna@example.test',
      text: 'Прошу починить',
      consent: 'yes',
    });
    expect(res.statusCode).toBe(422);
    expect(summary(res.body)).toEqual(['Это имя уже занято']);
    expect(res.body).toContain('value="Занято"');
    expect(res.body).toContain('Прошу починить</textarea>');
    expect(received.length).toBe(before);
  });

  it('puts a Conflict onto the form (409) at the field the page names', async () => {
    const res = await post({
      name: 'Анна',
      email: 'anna@example.test',
      text: 'Поздно, но прошу',
      consent: 'yes',
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('<a href="#text">Приём петиций закрыт</a>');
    expect(res.body).toContain('value="anna@example.test"');
  });

  it('reads a multipart body: fields parsed, files to the use case, extra checks join the summary in page order', async () => {
    const browser = visitor(t.app);
    const send = (fields: Record<string, string>, files: Upload[]) =>
      browser.post(
        '/test/petition-files',
        { name: 'Анна', text: 'Прошу починить', consent: 'yes', ...fields },
        {
          from: '/test/petition',
          files,
          multipart: true,
        },
      );
    const bad = await send({ email: 'bad' }, []);
    expect(bad.statusCode).toBe(422);
    // the file field is not on the page, so its message comes after the page's own fields
    expect(summary(bad.body)).toEqual(['Введите адрес электронной почты', 'Приложите файл']);
    expect(bad.body).toContain('value="Анна"');

    const before = received.length;
    const ok = await send({ email: 'anna@example.test' }, [
      { field: 'file', name: 'scan.pdf', type: 'application/pdf', data: SAMPLE_PDF },
    ]);
    expect(ok.statusCode).toBe(303);
    expect(received.slice(before)).toEqual([
      {
        name: 'Анна',
        email: 'anna@example.test',
        text: 'Прошу починить',
        consent: 'yes',
        files: ['scan.pdf'],
      },
    ]);
  });
});

describe('orderByPage and formValues', () => {
  it('orders by the first element with the id, unknown fields last in their own order', () => {
    const html = '<a href="#b">b</a><input id="b"><div id="a-day"></div><input id="c">';
    const out = orderByPage(html, [
      { field: 'zz', message: '1' },
      { field: 'c', message: '2' },
      { field: 'a', message: '3', href: '#a-day' },
      { field: 'yy', message: '4' },
      { field: 'b', message: '5' },
    ]);
    expect(out.map((e) => e.message)).toEqual(['5', '3', '2', '1', '4']);
  });

  it('keeps strings, joins repeated fields, drops files, the token and the ALTCHA payload', () => {
    expect(
      formValues(
        {
          _csrf: 't',
          altcha: 'p',
          title: 'Заголовок',
          topics: ['a', 'b'],
          file: { filename: 'x.pdf' },
          password: 'p1',
        },
        ['password'],
      ),
    ).toEqual({ title: 'Заголовок', topics: 'a\nb' });
  });
});
