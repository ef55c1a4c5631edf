import { onCalendarChange } from '../../platform/calendar/store.ts';
import { registerCabinetSection } from '../../platform/ui/cabinet-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { appealsApi } from './api/index.ts';
import { generateAppeals } from './generate-appeals.ts';
import { appealsMessages } from './messages.ts';
import { startFiguresRefresh } from './stats/refresh-figures.ts';
import './obstruction.messages.ts';
import { recomputeAppealDeadlines } from './recompute-appeal-deadlines.ts';
import { startAppealReminders } from './send-appeal-reminders.ts';
import { appealsCabinetActionsWeb } from './web/cabinet-actions.tsx';
import { appealsWeb } from './web/index.tsx';
import { appealsStaffWeb } from './web/staff/index.tsx';

export { findPersonalData } from './anonymise.ts';
export * from './appeals.model.ts';
export { appealsPolicy, submitBlocker } from './appeals.policy.ts';
export type { AppealAnswerRow, AppealEventRow, AppealRow } from './appeals.repository.ts';
export {
  ATTACHMENT_RULES,
  computeDeadlines,
  loadDeadlineSettings,
  loadIdentificationSettings,
  saveDeadlineSettings,
  saveIdentificationSettings,
} from './appeals.settings.ts';
/** The ТОТК edition appeals are classified by (opendata publishes it as a reference book, 10.2). */
export { currentTotk } from './current-totk.ts';
export { statusPath, workingDaysLeft } from './format.ts';
export { importTotkEdition } from './import-totk-edition.ts';
export { seedDemoAppeals } from './seed-demo-appeals.ts';
export { seedDemoObstruction } from './seed-demo-obstruction.ts';
/** Server-side ECharts bar charts as accessible SVG (participation's results use them too). */
export { type BarChartSpec, barChartSvg } from './stats/charts.ts';
export type { PublicFigures } from './stats/figures.ts';
/** Every body's public (suppressed) figures over a period, for the monitoring module's automatic criteria. */
export { getFiguresByOrg } from './stats/get-appeal-stats.ts';
/** Concept task 6.5: the suppressed yearly figures of complaints of obstructed public control (plans' reports). */
export { getObstructionFigures, type ObstructionFigures } from './stats/obstruction-figures.ts';
/** Public figures and FAQ for the open-data register (opendata's generated sources). */
export { listPublishedFaq, publicMonthlyAppealFigures } from './stats/open-data.ts';
export { type Cell, formatCell } from './stats/suppress.ts';
export { submitAppeal } from './submit-appeal.ts';
export { parseTotkFile } from './totk.ts';

registerCabinetSection({
  key: 'appeals',
  href: '/cabinet/appeals',
  titleKey: 'appeals.cabinet.title',
  descriptionKey: 'appeals.cabinet.description',
  order: 10,
});

// Open appeals with provisional deadlines are recomputed when an administrator confirms a year's calendar.
onCalendarChange('appeals', recomputeAppealDeadlines);

/** Appeals (59-ФЗ), information requests (8-ФЗ) and corruption reports (7.4): the citizen's side. */
export const appealsModule: ModuleManifest = {
  name: 'appeals',
  messages: appealsMessages,
  web: async (app) => {
    await app.register(appealsWeb);
    await app.register(appealsCabinetActionsWeb);
    // the staff side: /manage/appeals (queue, actions, monthly report)
    await app.register(appealsStaffWeb);
  },
  // daily deadline reminders and escalation; the precomputed monthly figures, every minute
  workers: async (deps) => {
    await startAppealReminders(deps);
    await startFiguresRefresh(deps);
  },
  api: appealsApi,
  generate: { after: ['accounts', 'orgs'], run: generateAppeals },
};
