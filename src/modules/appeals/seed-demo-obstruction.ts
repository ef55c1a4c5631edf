import { addCalendarDays, toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import { inTurn } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { findOrganizationBySlug } from '../orgs/index.ts';
import type { ObstructionFinding, ObstructionKind, ObstructionMeasure } from './appeals.model.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { computeDeadlines, loadDeadlineSettings } from './appeals.settings.ts';
import { DEMO_AUTHOR_DOMAIN } from './seed-demo-public.ts';

/*
 * Demo complaints of obstructed public control (concept task 6.5, SEED=demo
 * only), so Минздрав's annual report and the comprehensive plan show the
 * counts: four about Минздрав's officials (one confirmed with a disciplinary
 * penalty, two not confirmed, one under review), one about Минобр's, one about
 * Калининград's. Paper complaints registered by staff; invented authors.
 */

type DemoComplaint = {
  to: string;
  about: string;
  daysAgo: number;
  kind: ObstructionKind;
  subject: string | null;
  text: string;
  finding?: ObstructionFinding;
  measure?: ObstructionMeasure;
  answer?: string;
};

const COMPLAINTS: DemoComplaint[] = [
  {
    to: 'government',
    about: 'minzdrav',
    daysAgo: 210,
    kind: 'information_refused',
    subject: 'Общественный совет при Министерстве здравоохранения',
    text: 'Общественный совет запросил сведения о сроках ожидания плановой госпитализации для общественной проверки. Отдел министерства на запрос не ответил, повторный запрос оставлен без ответа.',
    finding: 'confirmed',
    measure: 'disciplinary',
    answer:
      'Проверка подтвердила, что запрос общественного совета не был рассмотрен в установленный срок. Сведения направлены совету, к должностному лицу применено дисциплинарное взыскание.',
  },
  {
    to: 'minzdrav',
    about: 'minzdrav',
    daysAgo: 160,
    kind: 'inspection_denied',
    subject: null,
    text: 'Членов общественной комиссии не пустили в приёмное отделение областной больницы для мониторинга условий ожидания.',
    finding: 'not_confirmed',
    answer:
      'Посещение было перенесено по согласованию с комиссией из-за карантина в отделении; мониторинг проведён через неделю. Воспрепятствования не установлено.',
  },
  {
    to: 'minzdrav',
    about: 'minzdrav',
    daysAgo: 95,
    kind: 'final_document_ignored',
    subject: 'Калининградское региональное отделение общественной организации пациентов',
    text: 'Итоговое заключение общественной проверки доступности лекарств направлено в министерство три месяца назад, ответа нет.',
    finding: 'not_confirmed',
    answer:
      'Заключение рассмотрено на коллегии министерства, ответ был направлен организации по почте. Копия ответа приложена повторно.',
  },
  {
    to: 'minzdrav',
    about: 'minzdrav',
    daysAgo: 6,
    kind: 'information_refused',
    subject: null,
    text: 'Для общественного мониторинга запросил данные о числе врачей в районных больницах. Мне отказали, сославшись на служебный характер сведений.',
  },
  {
    to: 'government',
    about: 'minobr',
    daysAgo: 130,
    kind: 'inspection_denied',
    subject: 'Общественный совет при Министерстве образования',
    text: 'Группе общественного контроля отказали в посещении школьной столовой для проверки качества питания.',
    finding: 'not_confirmed',
    answer:
      'Посещение согласовано на следующий день после обращения; проверка состоялась. Воспрепятствования не установлено.',
  },
  {
    to: 'kaliningrad',
    about: 'kaliningrad',
    daysAgo: 12,
    kind: 'other',
    subject: null,
    text: 'На публичные слушания по благоустройству сквера не допустили представителей общественной палаты города с видеосъёмкой.',
  },
];

/** Demo complaints of obstructed public control (idempotent: none added when any exists). */
export async function seedDemoObstruction(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ complaints: number }> {
  if (await repo.hasObstructionComplaints(deps.db)) return { complaints: 0 };
  const today = toLocalDate(deps.clock.now());
  const { calendar, version } = await loadCalendar(deps.db);
  const settings = await loadDeadlineSettings(deps.db);
  let n = 0;
  await deps.db.transaction(async (tx) => {
    for (const [i, c] of COMPLAINTS.entries()) {
      const [to, about] = await inTurn([
        () => findOrganizationBySlug(tx, c.to),
        () => findOrganizationBySlug(tx, c.about),
      ]);
      if (!to || !about) continue;
      // within this year (the reports count by year), on a working day, never after today
      const thisYear = today.slice(0, 4);
      const back = addCalendarDays(today, -c.daysAgo);
      const day = calendar.adjust(back.startsWith(thisYear) ? back : `${thisYear}-01-01`, 'next');
      const registeredOn = day < today ? day : today;
      const year = Number(registeredOn.slice(0, 4));
      const sequence = await repo.nextSequence(tx, to.id, year);
      const at = new Date(`${registeredOn}T11:00:00+02:00`);
      const d = computeDeadlines(calendar, registeredOn, 'appeal', settings);
      // answered three weeks later, if that day has come; else still under review
      const due = calendar.adjust(addCalendarDays(registeredOn, 21), 'previous');
      const answerDay = c.finding && due <= today ? due : null;
      const answeredAt = answerDay ? new Date(`${answerDay}T15:00:00+02:00`) : null;
      const appeal = await repo.insert(tx, {
        number: `${to.code}-${year}-${sequence}`,
        orgId: to.id,
        year,
        sequence,
        type: 'appeal',
        kind: 'complaint',
        form: 'written',
        complainedOrgId: about.id,
        obstructionKind: c.kind,
        publicControlSubject: c.subject,
        obstructionFinding: answerDay ? (c.finding ?? null) : null,
        obstructionMeasure: answerDay && c.finding === 'confirmed' ? (c.measure ?? null) : null,
        lastName: ['Воронцова', 'Белов', 'Кравец', 'Орлова', 'Сидоренко', 'Мельник'][i] as string,
        firstName: ['Ирина', 'Андрей', 'Татьяна', 'Мария', 'Олег', 'Денис'][i] as string,
        email: `obstruction${i}@${DEMO_AUTHOR_DOMAIN}`,
        text: c.text,
        status: answeredAt ? 'sent' : 'in_review',
        receivedAt: at,
        registeredAt: at,
        registeredOn,
        dueDate: d.dueDate,
        dueProvisional: d.provisional,
        originalDueDate: d.originalDueDate,
        forwardDueDate: d.forwardDueDate,
        noticeDueDate: d.noticeDueDate,
        calendarVersion: version,
        answeredAt,
      });
      if (answeredAt && c.answer)
        await repo.insertAnswer(tx, {
          appealId: appeal.id,
          text: c.answer,
          status: 'sent',
          signedRole: 'head',
          signedAt: answeredAt,
          sentAt: answeredAt,
          createdAt: answeredAt,
          updatedAt: answeredAt,
        });
      n++;
    }
  });
  return { complaints: n };
}
