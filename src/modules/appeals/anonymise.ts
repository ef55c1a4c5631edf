/*
 * Anonymisation of texts published for an indefinite circle of people
 * (59-ФЗ art. 10 ч.4, art. 6 ч.2; 152-ФЗ): an answer turned into an FAQ item,
 * an excerpt in a review. It finds what points to a person — names (full
 * names, initials forms, names after «гражданин», a short list of common
 * surnames), phones, e-mails, postal addresses with a house number, passport,
 * СНИЛС, personal ИНН, card and account numbers, dates of birth, car
 * registration plates — and masks
 * them. It is a helper for staff, not a guarantee: every finding is shown for
 * confirmation, and staff can still edit the text before it is published.
 *
 * Pure: no I/O, deterministic, so the server can recompute the findings of
 * the same text when the confirmation form comes back.
 */

export const findingKinds = ['name', 'phone', 'email', 'address', 'document', 'birthdate', 'plate'] as const;
export type FindingKind = (typeof findingKinds)[number];

export type Finding = {
  kind: FindingKind;
  /** UTF-16 offsets into the original text: text.slice(start, end) === this.text */
  start: number;
  end: number;
  text: string;
  /** what replaces it in the published text */
  mask: string;
};

/** The masks put in place of what was found (published texts are in Russian). */
export const masks: Record<FindingKind, string> = {
  name: '[ФИО]',
  phone: '[телефон]',
  email: '[эл. почта]',
  address: '[адрес]',
  document: '[номер документа]',
  birthdate: '[дата рождения]',
  plate: '[госномер]',
};

export type Anonymised = { text: string; findings: Finding[] };

/** Find personal data and mask all of it; the findings are for staff to confirm. */
export function anonymise(text: string): Anonymised {
  const findings = findPersonalData(text);
  return { text: applyFindings(text, findings), findings };
}

/**
 * Mask only the findings staff confirmed (by index in `findings`; all when
 * `confirmed` is omitted).
 */
export function applyFindings(
  text: string,
  findings: readonly Finding[],
  confirmed?: ReadonlySet<number>,
): string {
  let out = '';
  let at = 0;
  findings.forEach((f, i) => {
    if (confirmed && !confirmed.has(i)) return;
    if (f.start < at) return;
    out += text.slice(at, f.start) + f.mask;
    at = f.end;
  });
  return out + text.slice(at);
}

/** Every finding in the text, sorted by position, none overlapping (the longer span wins). */
export function findPersonalData(text: string): Finding[] {
  const all: Finding[] = [
    ...findEmails(text),
    ...findDocuments(text),
    ...findBirthdates(text),
    ...findPlates(text),
    ...findPhones(text),
    ...findAddresses(text),
    ...findNames(text),
  ];
  // Longest first, then earliest; keep what does not overlap an already kept span.
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Finding[] = [];
  for (const f of all) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function finding(text: string, kind: FindingKind, start: number, end: number): Finding {
  // Never swallow trailing separators: the mask keeps the sentence's punctuation.
  while (end > start && /[\s,;:]/.test(text[end - 1] as string)) end--;
  return { kind, start, end, text: text.slice(start, end), mask: masks[kind] };
}

function* matches(text: string, re: RegExp): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (m[0] === '') {
      g.lastIndex++;
      continue;
    }
    yield m;
  }
}

const digitsOf = (s: string) => s.replace(/\D/g, '').length;

// ── E-mail ─────────────────────────────────────────────────────────────

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function findEmails(text: string): Finding[] {
  return [...matches(text, EMAIL_RE)].map((m) => finding(text, 'email', m.index, m.index + m[0].length));
}

// ── Phones ─────────────────────────────────────────────────────────────

/** +7 or 8, then a 3–5 digit code (brackets optional), then the number in groups: 11 digits in all. */
const PHONE_FULL_RE = /(?<![\p{L}\p{N}])(?:\+\s?7|8)[\s\u00a0-]*\(?\d{3,5}\)?(?:[\s\u00a0-]*\d){5,7}(?!\d)/gu;
/** A mobile number without the country prefix: (9xx) xxx-xx-xx. */
const PHONE_MOBILE_RE =
  /(?<![\p{L}\p{N}+])\(?9\d{2}\)?[\s\u00a0-]*\d{3}[\s\u00a0-]*\d{2}[\s\u00a0-]*\d{2}(?!\d)/gu;
/** After «тел.», «телефон», «моб.»: any 5–11 digits in the usual groups. */
const PHONE_KEYWORD_RE =
  /(?<![\p{L}])(?:тел\.?|телефон[а-яё]*|моб\.?|мобильн[а-яё]+|т\.)\s*(?:[а-яё.]+\s*)?:?\s*((?:\+\s?7|8)?[\s\u00a0-]*\(?\d[\d\s\u00a0()-]{3,18}\d)/giu;

function findPhones(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of matches(text, PHONE_FULL_RE)) {
    if (digitsOf(m[0]) === 11) out.push(finding(text, 'phone', m.index, m.index + m[0].length));
  }
  for (const m of matches(text, PHONE_MOBILE_RE)) {
    if (digitsOf(m[0]) === 10) out.push(finding(text, 'phone', m.index, m.index + m[0].length));
  }
  for (const m of matches(text, PHONE_KEYWORD_RE)) {
    const num = m[1] as string;
    const n = digitsOf(num);
    if (n < 5 || n > 11) continue;
    const start = m.index + m[0].length - num.length;
    out.push(finding(text, 'phone', start, start + num.length));
  }
  return out;
}

// ── Documents: passport, СНИЛС, ИНН, cards, accounts ───────────────────

const DOCUMENT_RES: RegExp[] = [
  // паспорт серия 27 04 № 123456 / паспорт 2704 123456
  /(?<![\p{L}])(?:паспорт[а-яё]*|серии|серия)[^\n\d]{0,25}(\d{2}\s?\d{2}[^\n\d]{0,12}\d{6})(?!\d)/giu,
  // 27 04 123456 standing alone
  /(?<![\d])(\d{2}\s\d{2}\s(?:№\s?)?\d{6})(?!\d)/gu,
  // СНИЛС 123-456-789 01 (with or without the word)
  /(?<![\d-])(\d{3}-\d{3}-\d{3}[\s-]\d{2})(?![\d-])/gu,
  /(?<![\p{L}])СНИЛС[^\n\d]{0,10}(\d{11})(?!\d)/gu,
  // a person's ИНН has 12 digits (an organisation's 10 are public)
  /(?<![\p{L}])ИНН[^\n\d]{0,10}(\d{12})(?!\d)/gu,
  // a bank card or an ОМС policy: 16 digits, in groups of four or not
  /(?<![\d])(\d{4}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{4})(?![\d])/gu,
  // a bank account: 20 digits
  /(?<![\d])(\d{20})(?![\d])/gu,
];

function findDocuments(text: string): Finding[] {
  const out: Finding[] = [];
  for (const re of DOCUMENT_RES) {
    for (const m of matches(text, re)) {
      const num = m[1] as string;
      const start = m.index + m[0].length - num.length;
      out.push(finding(text, 'document', start, start + num.length));
    }
  }
  return out;
}

// ── Car registration plates (ГОСТ Р 50577: А123ВС 39, а 123 вс 139 RUS) ──

/** The twelve letters a Russian plate uses, in Cyrillic and their Latin look-alikes. */
const PLATE_L = '[АВЕКМНОРСТУХABEKMHOPCTYX]';
const PLATE_RE = new RegExp(
  `(?<![\\p{L}\\d])(${PLATE_L}\\s?\\d{3}\\s?${PLATE_L}{2}\\s?\\d{2,3}(?:\\s?RUS)?)(?![\\p{L}\\d])`,
  'giu',
);

function findPlates(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of matches(text, PLATE_RE)) {
    const plate = m[1] as string;
    const start = m.index + m[0].length - plate.length;
    out.push(finding(text, 'plate', start, start + plate.length));
  }
  return out;
}

// ── Dates of birth ─────────────────────────────────────────────────────

const BIRTH_RES: RegExp[] = [
  /(?<![\p{L}])(?:дата рождения|д\.\s?р\.|родил(?:ся|ась))\s*:?\s*(\d{1,2}\.\d{1,2}\.\d{2,4}(?:\s*г(?:ода|\.)?)?)/giu,
  /(?<![\d.])(\d{1,2}\.\d{1,2}\.\d{4}\s*г\.?\s*р\.?)/gu,
  /(?<![\d.])(\d{4}\s*г\.?\s*р\.?)/gu,
  /(?<![\d.])(\d{4}\s+года\s+рождения)/giu,
];

function findBirthdates(text: string): Finding[] {
  const out: Finding[] = [];
  for (const re of BIRTH_RES) {
    for (const m of matches(text, re)) {
      const d = m[1] as string;
      const start = m.index + m[0].length - d.length;
      out.push(finding(text, 'birthdate', start, start + d.length));
    }
  }
  return out;
}

// ── Postal addresses (with a house number) ─────────────────────────────

const STREET_MARK =
  '(?:ул\\.|улица|улице|улицы|пр-т|пр-кт|просп\\.|проспект[а-я]*|пер\\.|переул[а-я]+|б-р|бульвар[а-я]*|ш\\.|шоссе|пл\\.|площад[а-яь]+|наб\\.|набережн[а-я]+|проезд[а-я]*|пр-д|аллея|аллеи|тупик[а-я]*|мкр\\.?|микрорайон[а-я]*)';
/** a street name: up to three words, each capitalised or a number («9 Апреля», «А. Невского»). */
const STREET_NAME =
  '(?:(?:\\d{1,3}(?:-?(?:го|й|я|е))?|[А-ЯЁ]\\.|[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?)\\s*){1,3}';
/** «Ленинский проспект», «Московский пр-т»: the name before the mark. */
const STREET_BEFORE =
  '[А-ЯЁ][а-яё]+(?:ий|ый|ой|ая|ое|ом|ого|ому|ым|ую)\\s+(?:проспект[а-я]*|пр-т|бульвар[а-я]*|переул[а-я]+|пер\\.|шоссе|проезд[а-я]*|пр-д)';
const HOUSE =
  '(?:,?\\s*(?:д\\.|дом)\\s*\\d+(?:\\s?[а-яА-Я](?![а-яё]))?(?:\\/\\d+)?|,\\s*\\d+(?:[а-яА-Я](?![а-яё]))?(?:\\/\\d+)?(?!\\d|\\.\\d))';
const EXTRA =
  '(?:,?\\s*(?:корп\\.|корпус|к\\.|стр\\.|строение|лит\\.|литера)\\s*\\d*[А-Яа-я]?(?![а-яё]{2}))*(?:,?\\s*(?:кв\\.|квартира|оф\\.|офис|комн\\.|комната|пом\\.)\\s*\\d+[а-я]?)?';
const LOCALITY =
  '(?:(?:\\d{6},?\\s*)?(?:Калининградская\\s+обл(?:асть|\\.)?,?\\s*)?(?:(?:г\\.|город|пос\\.|п\\.|посёлок|поселок|с\\.|село|дер\\.|деревня)\\s*[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?,?\\s*)?)';

const ADDRESS_RE = new RegExp(
  `(?<![\\p{L}])${LOCALITY}(?:${STREET_MARK}\\s*${STREET_NAME}|${STREET_BEFORE}\\s*)${HOUSE}${EXTRA}`,
  'gu',
);

function findAddresses(text: string): Finding[] {
  return [...matches(text, ADDRESS_RE)].map((m) => finding(text, 'address', m.index, m.index + m[0].length));
}

// ── Names ──────────────────────────────────────────────────────────────

/** Common Russian given names (nominative); case forms are derived. */
const MALE = `Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Артем Артур Богдан Борис Вадим Валентин Валерий
 Василий Виктор Виталий Владимир Владислав Всеволод Вячеслав Гавриил Геннадий Георгий Герман Глеб Григорий Данил Даниил
 Денис Дмитрий Евгений Егор Захар Иван Игорь Илья Кирилл Константин Лев Леонид Максим Марк Матвей Михаил Никита
 Николай Олег Павел Пётр Петр Роман Руслан Семён Семен Сергей Станислав Степан Тимофей Тимур Фёдор Федор Филипп Эдуард
 Юрий Ярослав Ринат Рустам`;
const FEMALE = `Александра Алина Алла Алёна Алена Алиса Анастасия Ангелина Анна Антонина Валентина Валерия Варвара Вера
 Вероника Виктория Галина Дарья Диана Евгения Екатерина Елена Елизавета Жанна Зинаида Зоя Инна Ирина Кира Кристина
 Ксения Лариса Лидия Любовь Людмила Маргарита Марина Мария Милана Надежда Наталия Наталья Нина Оксана Ольга Полина
 Раиса Светлана София Софья Таисия Тамара Татьяна Ульяна Юлия Яна Эльвира Эмма`;

/** A few of the most frequent surnames, flagged even when they stand alone. */
const SURNAMES = `Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Федоров Морозов Волков
 Алексеев Лебедев Семёнов Семенов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев
 Соловьёв Соловьев Борисов Яковлев Григорьев Романов Воробьёв Воробьев Сергеев Кузьмин Фролов Александров Дмитриев
 Королёв Королев Гусев Киселёв Киселев Ильин Максимов Поляков Сорокин Виноградов Ковалёв Ковалев Белов Медведев Антонов
 Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов
 Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин
 Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Чернышев Быков Маслов Родионов Коновалов`;

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** The case forms of a given name: rough, but enough to recognise the name in running text. */
export function givenNameForms(name: string, female: boolean): string[] {
  const irregular: Record<string, string[]> = {
    Пётр: ['Петра', 'Петру', 'Петром', 'Петре'],
    Петр: ['Петра', 'Петру', 'Петром', 'Петре'],
    Павел: ['Павла', 'Павлу', 'Павлом', 'Павле'],
    Лев: ['Льва', 'Льву', 'Львом', 'Льве'],
    Любовь: ['Любови', 'Любовью'],
    Илья: ['Ильи', 'Илье', 'Илью', 'Ильёй', 'Ильей'],
    Никита: ['Никиты', 'Никите', 'Никиту', 'Никитой'],
  };
  const forms = [name, ...(irregular[name] ?? [])];
  if (irregular[name]) return forms;
  const stem = name.slice(0, -1);
  const last = name.slice(-1);
  if (!female) {
    if (name.endsWith('ий')) forms.push(`${stem}я`, `${stem}ю`, `${stem}ем`, `${stem}и`);
    else if (last === 'й') forms.push(`${stem}я`, `${stem}ю`, `${stem}ем`, `${stem}е`);
    else forms.push(`${name}а`, `${name}у`, `${name}ом`, `${name}е`);
  } else if (name.endsWith('ия')) {
    forms.push(`${stem}и`, `${stem}ю`, `${stem}ей`);
  } else if (last === 'я') {
    forms.push(`${stem}и`, `${stem}е`, `${stem}ю`, `${stem}ей`);
  } else if (last === 'а') {
    const y = /[гкхжшчщ]$/.test(stem) ? 'и' : 'ы';
    forms.push(`${stem}${y}`, `${stem}е`, `${stem}у`, `${stem}ой`);
  }
  return forms;
}

/** The case forms of an -ов/-ев/-ин surname, masculine and feminine. */
function surnameForms(s: string): string[] {
  const f = `${s}а`;
  return [s, f, `${s}у`, `${s}ым`, `${s}е`, `${s}ой`, `${s}ых`, `${s}ы`, `${f}`, `${s}ою`];
}

const GIVEN = new Set<string>([
  ...words(MALE).flatMap((n) => givenNameForms(n, false)),
  ...words(FEMALE).flatMap((n) => givenNameForms(n, true)),
]);
const SURNAME_SET = new Set<string>(words(SURNAMES).flatMap(surnameForms));

/** Patronymics in any case: Иванович(а, у, ем, е), Ильич, Ивановна(ы, е, у, ой), Ильинична. */
const PATRONYMIC_RE =
  /^[А-ЯЁ][а-яё]+(?:(?:ович|евич|ьич|ич)(?:а|у|ем|е)?|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою))$/u;
/** Typical Russian surname endings, in any case and gender. */
const SURNAME_RE =
  /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:(?:ов|ев|ёв|ин|ын)(?:а|у|ым|е|ой|ою|ых|ы)?|(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)|ых|их|енко|ко|ук|юк|чук|ян|янц|дзе|швили|иани)$/u;
/** Capitalised words that open a sentence or a greeting but are never a surname. */
const STOP = new Set<string>(
  words(`Уважаемый Уважаемая Уважаемые Дорогой Дорогая Гражданин Гражданка Заявитель Заявительница Господин Госпожа
 Министр Министерство Глава Главе Начальник Начальнику Директор Директору Руководитель Руководителю Губернатор Губернатору
 Председатель Председателю Заместитель Заместителю Депутат Депутату Прошу Просим Сообщаем Сообщаю Информируем Направляем
 Разъясняем Ответ Ваше Ваш Вашего Вашему Вам Вас Мы Я Он Она Они Это Так При По На В Во С Со К Ко О Об От До За Из Для И
 Но А Также Кроме Согласно Калининград Калининграде Калининграда Калининградской Калининградская Россия России Российской
 Федерации Правительство Правительства Администрация Администрации Управление Управления Агентство Агентства Служба Службы
 Совет Совета Дума Думы Суд Суда Прокуратура Прокуратуры Отдел Отдела Комитет Комитета Москва Москвы Советск
 Черняховск Балтийск Светлогорск Зеленоградск Пионерский Янтарный Ладушкин Мамоново Понятие Ленина Мира Победы`),
);
/** Words after which the next capitalised words are a person's name. */
const TITLE_RE =
  /^(?:гражданин[а-я]*|гражданк[а-я]+|гр|заявител[а-яь]+|г-н|г-жа|господин[а-я]*|госпож[а-я]+|собственник[а-я]*|сосед[а-я]*|соседк[а-я]+)$/u;

type Tok = { s: number; e: number; w: string; initial: boolean };

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of matches(text, /\p{L}+(?:-\p{L}+)*/gu)) {
    let e = m.index + m[0].length;
    // «И.» is an initial: a capital letter with its full stop.
    const initial = /^[А-ЯЁ]$/u.test(m[0]) && text[e] === '.';
    if (initial) e += 1;
    out.push({ s: m.index, e, w: m[0], initial });
  }
  return out;
}

const isCap = (t: Tok | undefined): t is Tok =>
  !!t && !t.initial && /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$/u.test(t.w) && !STOP.has(t.w);
const isGiven = (t: Tok | undefined): t is Tok => !!t && !t.initial && GIVEN.has(t.w);
const isPatronymic = (t: Tok | undefined): t is Tok => isCap(t) && PATRONYMIC_RE.test(t.w);
const isSurnameLike = (t: Tok | undefined): t is Tok =>
  isCap(t) && !GIVEN.has(t.w) && !PATRONYMIC_RE.test(t.w) && (SURNAME_SET.has(t.w) || SURNAME_RE.test(t.w));
const isInitial = (t: Tok | undefined): t is Tok => !!t && t.initial;

function findNames(text: string): Finding[] {
  const toks = tokens(text);
  /** Only spaces (and at most one line break) between two tokens: they are parts of one name. */
  const near = (a: Tok | undefined, b: Tok | undefined) =>
    !!a && !!b && /^[ \t\u00a0]*(?:\r?\n)?[ \t\u00a0]*$/u.test(text.slice(a.e, b.s));
  const chain = (i: number, n: number) => {
    for (let k = i; k < i + n - 1; k++) if (!near(toks[k], toks[k + 1])) return false;
    return i + n <= toks.length;
  };
  const out: Finding[] = [];
  let i = 0;
  while (i < toks.length) {
    const [a, b, c] = [toks[i], toks[i + 1], toks[i + 2]];
    let n = 0;
    let from = i;
    const d = toks[i + 3];
    if (chain(i, 3) && (isGiven(a) || isCap(a)) && isPatronymic(b) && isSurnameLike(c)) n = 3;
    // Name Patronymic Surname
    else if (
      chain(i, 3) &&
      isCap(a) &&
      (isGiven(b) || isCap(b)) &&
      isPatronymic(c) &&
      !isPatronymic(b) &&
      !(near(c, d) && isSurnameLike(d))
    )
      n = 3;
    // Surname Name Patronymic (unless a surname follows: then «a» is an ordinary word before Name Patronymic Surname)
    else if (chain(i, 2) && (isGiven(a) || isCap(a)) && isPatronymic(b)) n = 2;
    // Name Patronymic
    else if (chain(i, 3) && isCap(a) && isInitial(b) && isInitial(c)) n = 3;
    // Surname И. И.
    else if (chain(i, 3) && isInitial(a) && isInitial(b) && isSurnameLike(c)) n = 3;
    // И. И. Surname
    else if (chain(i, 2) && isSurnameLike(a) && isInitial(b)) n = 2;
    // Surname И.
    else if (chain(i, 2) && isInitial(a) && isSurnameLike(b)) n = 2;
    // И. Surname
    else if (chain(i, 2) && isGiven(a) && isSurnameLike(b)) n = 2;
    // Name Surname
    else if (chain(i, 2) && isSurnameLike(a) && isGiven(b)) n = 2;
    // Surname Name
    else if (a && TITLE_RE.test(a.w.toLowerCase()) && near(a, b) && (isCap(b) || isInitial(b))) {
      // «гражданин Петров», «заявитель Сидорова А. В.»: the capitalised words (and initials) after the title
      from = i + 1;
      n = 1;
      while (
        n < 3 &&
        near(toks[from + n - 1], toks[from + n]) &&
        (isCap(toks[from + n]) || isInitial(toks[from + n]))
      )
        n++;
    } else if (a && !a.initial && SURNAME_SET.has(a.w) && !/^(?:г|город[а-я]*)$/u.test(toks[i - 1]?.w ?? ''))
      n = 1;
    // a frequent surname alone
    if (n > 0) {
      const first = toks[from] as Tok;
      const last = toks[from + n - 1] as Tok;
      out.push(finding(text, 'name', first.s, last.e));
      i = from + n;
    } else i++;
  }
  return out;
}
