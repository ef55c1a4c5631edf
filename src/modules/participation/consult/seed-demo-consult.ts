import type { Deps } from '../../../platform/deps.ts';
import { demoAccounts, findUserIdByEmail } from '../../accounts/index.ts';
import { findOrganizationBySlug, listResponsibleOfficials } from '../../orgs/index.ts';
import { consultRepository as repo } from './consult.repository.ts';
import { indexConsultation } from './consult.search.ts';

type DemoConsultation = {
  org: string;
  topic: string;
  description: string;
  /** days from today (negative: past) and the window in region time */
  day: number;
  from: string;
  to: string;
  official?: [name: string, position: string];
  questions: [question: string, answer: string | null][];
};

const DEMO: DemoConsultation[] = [
  {
    org: 'minzdrav',
    topic: 'Запись к врачам-специалистам и лекарственное обеспечение льготников',
    description:
      'Как записаться к узкому специалисту без очереди на месяцы, что делать, если в аптеке нет льготного лекарства, и куда жаловаться.',
    day: -21,
    from: '11:00',
    to: '12:30',
    questions: [
      [
        'Запись к эндокринологу в поликлинике № 3 открывается только на два месяца вперёд. Можно ли записаться в другую поликлинику?',
        'Да. При направлении от терапевта вы можете выбрать любую медицинскую организацию, работающую в системе ОМС, в том числе через Госуслуги. Если срок ожидания превышает 14 рабочих дней, обратитесь к заведующему отделением: поликлиника обязана организовать приём в другой организации.',
      ],
      [
        'В аптеке нет инсулина по льготному рецепту уже неделю. Что делать?',
        'Рецепт ставится на отсроченное обслуживание: аптека обязана обеспечить лекарство в течение 10 рабочих дней. Если этого не произошло, позвоните на горячую линию министерства 8 (4012) 99-99-99 — мы проверим наличие и поставку.',
      ],
    ],
  },
  {
    org: 'minobr',
    topic: 'Зачисление в первый класс в 2027 году',
    description: 'Сроки подачи заявлений, закрепление территорий за школами, льготные категории.',
    day: 0,
    from: '09:00',
    to: '21:00',
    questions: [
      [
        'Когда начинается приём заявлений в первый класс для детей, живущих на закреплённой территории?',
        'С 1 апреля по 30 июня. Заявление подаётся через Госуслуги или лично в школе.',
      ],
      ['Могут ли отказать, если в школе учится старший брат, но мы живём в другом районе?', null],
    ],
  },
  {
    org: 'government',
    topic: 'Инициативное бюджетирование: как предложить проект для своего посёлка',
    description:
      'Отвечает руководство проектного офиса: какие проекты поддерживаются, как собрать подписи, сроки конкурса.',
    day: 9,
    from: '15:00',
    to: '16:30',
    questions: [['Можно ли подать проект ремонта детской площадки во дворе многоквартирного дома?', null]],
  },
  {
    org: 'kaliningrad',
    topic: 'Уборка снега и вывоз мусора этой зимой',
    description: 'Графики уборки, куда звонить, если двор не убран, как работают управляющие компании.',
    day: -7,
    from: '17:00',
    to: '18:00',
    official: ['Соколов Андрей Викторович', 'заместитель главы администрации по городскому хозяйству'],
    questions: [
      [
        'Кто убирает снег с внутриквартальных проездов — город или управляющая компания?',
        'Проезды, включённые в реестр муниципальных дорог, убирает МКУ «Калининградская служба заказчика»; придомовую территорию — управляющая компания. Реестр опубликован в разделе «Городское хозяйство».',
      ],
    ],
  },
  {
    org: 'zelenogradsk',
    topic: 'Курортный сбор и благоустройство набережной',
    description: 'На что идут средства курортного сбора и какие работы запланированы к лету.',
    day: 16,
    from: '12:00',
    to: '13:00',
    official: ['Морозова Елена Сергеевна', 'глава администрации Зеленоградского муниципального округа'],
    questions: [],
  },
];

const DEMO_CHATS: [org: string, question: string, answer: string | null][] = [
  [
    'minzdrav',
    'Подскажите, где в Калининграде можно сделать МРТ по полису ОМС и как получить направление?',
    null,
  ],
  [
    'kaliningrad',
    'Куда обратиться, если во дворе не вывозят мусор уже третий день?',
    'Позвоните региональному оператору по телефону 8 (4012) 00-00-00 или оставьте заявку на его сайте; если вывоз не наладится, напишите обращение в администрацию — мы проверим работу оператора.',
  ],
];

/** The civil date `days` from the clock's today in the region. */
function dayFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** SEED=demo: consultations past, live and upcoming with their questions and answers, in five bodies. */
export async function seedDemoConsultations(
  deps: Pick<Deps, 'db' | 'clock'>,
): Promise<{ consultations: number }> {
  if ((await repo.consultationsOf(deps.db, 'all', 1)).length > 0) return { consultations: 0 };
  const now = deps.clock.now();
  const askers = (
    await Promise.all(
      demoAccounts.filter((a) => !('role' in a && a.role)).map((a) => findUserIdByEmail(deps.db, a.email)),
    )
  ).filter((id): id is string => id !== undefined);
  let n = 0;
  await deps.db.transaction(async (tx) => {
    for (const d of DEMO) {
      const org = await findOrganizationBySlug(tx, d.org);
      if (!org) continue;
      const official = (await listResponsibleOfficials(tx, org.id))[0];
      const [name, position] = d.official ??
        (official ? [official.fullName, official.position] : null) ?? [
          org.headName ?? 'Руководитель органа',
          org.headPosition ?? 'руководитель',
        ];
      const date = dayFrom(now, d.day);
      const c = await repo.insertConsultation(tx, {
        orgId: org.id,
        topic: d.topic,
        description: d.description,
        officialId: d.official ? null : (official?.id ?? null),
        officialName: name,
        officialPosition: position,
        startsAt: new Date(`${date}T${d.from}:00+02:00`),
        endsAt: new Date(`${date}T${d.to}:00+02:00`),
      });
      n++;
      if (askers.length === 0) {
        await indexConsultation(tx, c);
        continue;
      }
      for (const [i, [question, answer]] of d.questions.entries()) {
        const asked = new Date(c.startsAt.getTime() - (d.questions.length - i) * 3_600_000);
        const q = await repo.insertQuestion(tx, {
          consultationId: c.id,
          authorUserId: askers[i % askers.length] as string,
          body: question,
          createdAt: asked,
        });
        // the demo's answers name no staff account: the official on the page answers
        if (answer)
          await repo.answerQuestion(
            tx,
            q.id,
            answer,
            null,
            new Date(c.startsAt.getTime() + (i + 1) * 600_000),
          );
      }
      await indexConsultation(tx, c);
    }
    // the consultant's queue: a question by the form waiting in Минздрав, one answered in the city
    const [first] = askers;
    if (!first) return;
    for (const [slug, text, answer] of DEMO_CHATS) {
      const org = await findOrganizationBySlug(tx, slug);
      const email = demoAccounts.find((a) => !('role' in a && a.role))?.email;
      if (!org || !email) continue;
      const at = new Date(now.getTime() - 2 * 3_600_000);
      const c = await repo.insertConversation(tx, {
        orgId: org.id,
        userId: first,
        email,
        channel: 'email',
        status: answer ? 'answered' : 'waiting',
        createdAt: at,
        lastMessageAt: at,
      });
      await repo.insertMessage(tx, {
        conversationId: c.id,
        fromStaff: false,
        authorUserId: first,
        body: text,
        createdAt: at,
      });
      const staffEmail = demoAccounts.find((a) => a.role && a.role.org === slug)?.email;
      const staffId = staffEmail ? await findUserIdByEmail(tx, staffEmail) : undefined;
      if (answer && staffId)
        await repo.insertMessage(tx, {
          conversationId: c.id,
          fromStaff: true,
          authorUserId: staffId,
          body: answer,
          createdAt: new Date(at.getTime() + 1_800_000),
        });
    }
  });
  return { consultations: n };
}
