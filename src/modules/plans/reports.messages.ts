import { defineMessages } from '../../platform/i18n/index.ts';

/** Texts of annual reports (task 6.4) and media campaigns (task 5.5) beyond those in messages.ts. */
export const reportsMessages = defineMessages({
  ru: {
    'plans.reports.lead':
      'Итоговые доклады органа о результатах деятельности за год: цифры и таблицы формируются по данным его планов, текст пишет орган, рядом — содоклад общественного совета. К каждому периоду — материалы медиакампании об итогах.',
    'plans.report.read': 'Читать доклад',
    'plans.report.publishedOn': 'Опубликован {date}',
    'plans.report.notPublished': 'Доклад ещё не опубликован: его видят только сотрудники органа.',
    'plans.report.noPlans': 'В этом году у органа не было утверждённых планов.',
    'plans.report.activityCounts':
      'Мероприятий со сроком в году: {total}; исполнено: {done}; с истёкшим сроком: {overdue}.',
    'plans.report.indicatorsOfYear': 'Показатели за {year} год',
    'plans.report.activitiesOfYear': 'Мероприятия со сроком в {year} году',
    'plans.report.statePublished': 'Опубликован',
    'plans.report.stateDraft': 'Черновик',
    'plans.report.stateNone': 'Не начат',
    'plans.campaign.title': 'Медиакампания по итогам исполнения плана за {year} год',
    'plans.campaign.lead':
      'Новости, интервью и мероприятия, в которых орган рассказывает о результатах исполнения своего публичного плана и обсуждает их с жителями.',
    'plans.campaign.materials': 'Материалы кампании',
    'plans.campaign.itemNews': 'Новости и практики по пунктам плана',
    'plans.campaign.discuss': 'Обсудить результаты',
    'plans.campaign.kind.news': 'Новость',
    'plans.campaign.kind.event': 'Мероприятие',
    'plans.campaign.kind.interview': 'Интервью',
    'plans.campaign.kind.video': 'Видео',
    'plans.manage.reportsLead':
      'Итоговый доклад за год: текст начинается с черновика, составленного по данным планов; отредактируйте его, добавьте содоклад общественного совета и опубликуйте. Там же — материалы медиакампании за период.',
    'plans.manage.reportOrg': 'Орган',
    'plans.manage.reportTextHint':
      'Черновик составлен по данным планов; цифры и таблицы добавляются к докладу автоматически. Абзацы разделяйте пустой строкой.',
    'plans.manage.coReportHint':
      'Текст содоклада, если совет передал его органу. Содоклады, опубликованные советом на портале, показываются рядом сами.',
    'plans.manage.saveReport': 'Сохранить черновик',
    'plans.manage.unpublishReport': 'Снять с публикации',
    'plans.manage.reportDraftSaved': 'Черновик доклада сохранён.',
    'plans.manage.reportWithdrawn': 'Доклад снят с публикации.',
    'plans.manage.campaignTitle': 'Медиакампания за период',
    'plans.manage.campaignHint':
      'По одному материалу в строке: вид (news, event, interview, video) с двоеточием, дата ГГГГ-ММ-ДД, название, вертикальная черта и адрес. Например: event: 2027-02-10 Отчётная встреча с жителями | /orgs/minzdrav/news/…',
    'plans.manage.saveCampaign': 'Сохранить материалы кампании',
    'plans.manage.campaignSaved': 'Материалы медиакампании сохранены.',
    'plans.input.reportAction': 'Выберите, сохранить доклад или опубликовать его',
    'plans.input.campaign':
      'Укажите каждый материал строкой «ГГГГ-ММ-ДД Название | адрес» (адрес начинается с / или http), вид перед двоеточием — news, event, interview или video',
  },
  en: {
    'plans.reports.lead':
      "The body's reports on the year's results: the figures and tables come from its plans, the text is the body's, the public council's co-report sits beside it. Each period has its media campaign on the results.",
    'plans.report.read': 'Read the report',
    'plans.report.publishedOn': 'Published {date}',
    'plans.report.notPublished': "The report is not published yet: only the body's staff see it.",
    'plans.report.noPlans': 'The body had no approved plans this year.',
    'plans.report.activityCounts': 'Activities due in the year: {total}; done: {done}; overdue: {overdue}.',
    'plans.report.indicatorsOfYear': 'Indicators for {year}',
    'plans.report.activitiesOfYear': 'Activities due in {year}',
    'plans.report.statePublished': 'Published',
    'plans.report.stateDraft': 'Draft',
    'plans.report.stateNone': 'Not started',
    'plans.campaign.title': "Media campaign on the plan's results for {year}",
    'plans.campaign.lead':
      'News, interviews and events in which the body presents the results of its public plan and discusses them with residents.',
    'plans.campaign.materials': 'Campaign materials',
    'plans.campaign.itemNews': "News and good practice on the plan's items",
    'plans.campaign.discuss': 'Discuss the results',
    'plans.campaign.kind.news': 'News',
    'plans.campaign.kind.event': 'Event',
    'plans.campaign.kind.interview': 'Interview',
    'plans.campaign.kind.video': 'Video',
    'plans.manage.reportsLead':
      "The annual report: its text starts as a draft made from the plans' data; edit it, add the public council's co-report and publish it. The period's media campaign is kept there too.",
    'plans.manage.reportOrg': 'Body',
    'plans.manage.reportTextHint':
      "The draft was made from the plans' data; the figures and tables are added to the report automatically. Separate paragraphs with an empty line.",
    'plans.manage.coReportHint':
      "The co-report's text if the council gave it to the body. Co-reports the council published on the portal are shown beside it by themselves.",
    'plans.manage.saveReport': 'Save the draft',
    'plans.manage.unpublishReport': 'Withdraw',
    'plans.manage.reportDraftSaved': 'The draft report has been saved.',
    'plans.manage.reportWithdrawn': 'The report has been withdrawn.',
    'plans.manage.campaignTitle': "The period's media campaign",
    'plans.manage.campaignHint':
      'One item a line: the kind (news, event, interview, video) and a colon, the date YYYY-MM-DD, the title, a vertical bar and the address.',
    'plans.manage.saveCampaign': 'Save the campaign materials',
    'plans.manage.campaignSaved': 'The media campaign has been saved.',
    'plans.input.reportAction': 'Choose whether to save the report or publish it',
    'plans.input.campaign':
      'Give each item as a line «YYYY-MM-DD Title | address» (the address starts with / or http), the kind before a colon: news, event, interview or video',
  },
});
