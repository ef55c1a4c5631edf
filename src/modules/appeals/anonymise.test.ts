import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise, applyFindings, findPersonalData, givenNameForms, masks } from './anonymise.ts';

const kinds = (text: string) => findPersonalData(text).map((f) => `${f.kind}:${f.text}`);

describe('anonymise: realistic answers', () => {
  it('masks the full name, address, phone and e-mail of an applicant', () => {
    const text =
      'Заявитель Петрова Анна Сергеевна, проживающая по адресу: 236022, г. Калининград, ул. Кирова, д. 12, кв. 45, тел. 8 (4012) 53-12-34, e-mail: petrova.a@mail.ru, сообщила о протечке кровли.';
    const r = anonymise(text);
    expect(r.text).toBe(
      'Заявитель [ФИО], проживающая по адресу: [адрес], тел. [телефон], e-mail: [эл. почта], сообщила о протечке кровли.',
    );
    expect(r.findings.map((f) => f.kind)).toEqual(['name', 'address', 'phone', 'email']);
  });

  it('finds names in initials forms and in other cases', () => {
    expect(kinds('Ответ подготовил Сидоров И.И. Копия направлена И. П. Кузнецову и Иванову А. В.')).toEqual([
      'name:Сидоров И.И.',
      'name:И. П. Кузнецову',
      'name:Иванову А. В.',
    ]);
    expect(kinds('Обращение Алексея Николаевича Воробьёва рассмотрено.')).toEqual([
      'name:Алексея Николаевича Воробьёва',
    ]);
    expect(kinds('Уважаемая Мария Ивановна! Сообщаем следующее.')).toEqual(['name:Мария Ивановна']);
    expect(kinds('Иван Петров и Елена Васильева обратились вместе.')).toEqual([
      'name:Иван Петров',
      'name:Елена Васильева',
    ]);
    expect(kinds('Гражданин Смирнов жалуется на шум. Сосед Гольдман тоже.')).toEqual([
      'name:Смирнов',
      'name:Гольдман',
    ]);
  });

  it('finds documents and dates of birth', () => {
    expect(
      kinds(
        'Паспорт серия 27 04 № 123456, СНИЛС 123-456-789 01, ИНН 390612345678, родилась 12.03.1980, сын 2010 г.р.',
      ),
    ).toEqual([
      'document:27 04 № 123456',
      'document:123-456-789 01',
      'document:390612345678',
      'birthdate:12.03.1980',
      'birthdate:2010 г.р.',
    ]);
  });

  it('finds phones in the usual Russian formats', () => {
    for (const p of [
      '+7 900 123-45-67',
      '8-911-222-33-44',
      '+7(4012)531234',
      '89112223344',
      '(911) 222-33-44',
    ]) {
      expect(kinds(`Звоните: ${p}, пожалуйста.`)).toEqual([`phone:${p}`]);
    }
    expect(kinds('тел.: 53-12-34')).toEqual(['phone:53-12-34']);
  });

  it('finds addresses written with the street type after the name', () => {
    expect(kinds('живёт на Ленинском проспекте, д. 5, кв. 3.')).toEqual([
      'address:Ленинском проспекте, д. 5, кв. 3',
    ]);
    expect(kinds('по адресу Московский проспект, 40.')).toEqual(['address:Московский проспект, 40']);
  });

  it('leaves a text without personal data alone: figures, dates, codes, street names without a house, the body', () => {
    const text =
      'Министерство здравоохранения Калининградской области сообщает: в 2025 году отремонтировано 12 км дорог на ул. Ленина, выделено 1 000 000 рублей. Вопрос 0003.0009.0099.0742 решён 15.04.2026. ИНН министерства 3906123456.';
    expect(findPersonalData(text)).toEqual([]);
    expect(anonymise(text).text).toBe(text);
  });

  it('applies only the findings staff confirmed', () => {
    const text = 'Иванов И. И., тел. 8 900 123 45 67';
    const found = findPersonalData(text);
    expect(found).toHaveLength(2);
    expect(applyFindings(text, found, new Set([1]))).toBe('Иванов И. И., тел. [телефон]');
    expect(applyFindings(text, found, new Set())).toBe(text);
  });

  it('derives case forms of given names', () => {
    expect(givenNameForms('Дмитрий', false)).toContain('Дмитрием');
    expect(givenNameForms('Ольга', true)).toContain('Ольги');
    expect(givenNameForms('Мария', true)).toContain('Марией');
  });
});

// Generators of realistic fragments of an answer.
const surname = fc.constantFrom(
  'Петров',
  'Сидорова',
  'Кузнецову',
  'Смирновой',
  'Воробьёв',
  'Никитина',
  'Белов',
);
const given = fc.constantFrom('Иван', 'Мария', 'Алексея', 'Ольге', 'Дмитрием', 'Анна', 'Сергей');
const patronymic = fc.constantFrom('Иванович', 'Петровна', 'Сергеевичу', 'Андреевной', 'Николаевича');
const initial = fc.constantFrom('А.', 'И.', 'В.', 'Е.', 'С.');
const person = fc.oneof(
  fc.tuple(surname, given, patronymic).map((p) => p.join(' ')),
  fc.tuple(given, patronymic, surname).map((p) => p.join(' ')),
  fc.tuple(surname, initial, initial).map(([s, a, b]) => `${s} ${a}${b}`),
  fc.tuple(initial, initial, surname).map(([a, b, s]) => `${a} ${b} ${s}`),
);
const phone = fc
  .tuple(
    fc.constantFrom('+7', '8'),
    fc.integer({ min: 900, max: 999 }),
    fc.integer({ min: 1000000, max: 9999999 }),
  )
  .map(([p, c, n]) => `${p} (${c}) ${String(n).slice(0, 3)}-${String(n).slice(3, 5)}-${String(n).slice(5)}`);
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._]{1,10}[a-z0-9]$/),
    fc.constantFrom('mail.ru', 'yandex.ru', 'gov39.ru'),
  )
  .map(([u, d]) => `${u}@${d}`);
const address = fc
  .tuple(
    fc.constantFrom('ул. Кирова', 'ул. Александра Невского', 'пр-т Мира', 'пер. Энергетиков', 'ул. 9 Апреля'),
    fc.integer({ min: 1, max: 200 }),
    fc.integer({ min: 1, max: 300 }),
  )
  .map(([s, h, f]) => `г. Калининград, ${s}, д. ${h}, кв. ${f}`);
const filler = fc.constantFrom(
  'Ваше обращение рассмотрено.',
  'По результатам проверки приняты меры.',
  'Ремонт кровли включён в план на 2026 год.',
  'Сообщаем, что вопрос решён.',
  'Срок выполнения работ — до 1 июля.',
);

describe('anonymise: properties', () => {
  it('no generated name, phone, e-mail or address survives, and the rest of the text does', () => {
    fc.assert(
      fc.property(person, phone, email, address, filler, filler, (p, ph, em, ad, f1, f2) => {
        const text = `${f1} Заявитель ${p}, адрес: ${ad}, телефон ${ph}, почта ${em}. ${f2}`;
        const r = anonymise(text);
        for (const secret of [p, ph, em, ad]) expect(r.text).not.toContain(secret);
        expect(r.text.startsWith(f1)).toBe(true);
        expect(r.text.endsWith(f2)).toBe(true);
        expect(r.text).toContain(masks.name);
      }),
      { numRuns: 300 },
    );
  });

  it('findings are in order, never overlap and quote the text exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(person, phone, email, address, filler), { maxLength: 8 }), (parts) => {
        const text = parts.join(' ');
        const found = findPersonalData(text);
        let at = 0;
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(at);
          expect(f.end).toBeGreaterThan(f.start);
          expect(text.slice(f.start, f.end)).toBe(f.text);
          at = f.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: a masked text has nothing left to find', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(person, phone, email, address, filler), { maxLength: 8 }), (parts) => {
        const once = anonymise(parts.join(' ')).text;
        expect(findPersonalData(once)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('lower-case text without digits or @ has no findings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[а-яё ,.!?-]{0,200}$/), (text) => {
        expect(findPersonalData(text)).toEqual([]);
      }),
    );
  });

  it('finds car registration plates (Cyrillic or Latin look-alike letters, with or without spaces and RUS)', () => {
    for (const plate of ['А123ВС 39', 'а123вс39', 'А 123 ВС 139 RUS', 'A123BC39'])
      expect(findPersonalData(`Машина ${plate} стоит во дворе.`)).toEqual([
        expect.objectContaining({ kind: 'plate', text: plate }),
      ]);
    expect(anonymise('Эвакуирован автомобиль Х777ХХ 39.').text).toBe('Эвакуирован автомобиль [госномер].');
    // not a plate: a house number, an order number
    expect(findPersonalData('Приказ № 123 от 2026 года, дом 15').filter((f) => f.kind === 'plate')).toEqual(
      [],
    );
  });
});
