import { defineMessages } from '../../platform/i18n/index.ts';

/**
 * The administrator's deadline settings (issue 10): each term, its legal
 * basis and the message when a value is out of its bounds ({min}, {max}).
 */
export const appealsDeadlinesMessages = defineMessages({
  ru: {
    'appeals.deadlines.title': 'Сроки рассмотрения обращений',
    'appeals.deadlines.description':
      'Сроки по 59-ФЗ, 8-ФЗ и Закону «О СМИ»: ответ, переадресация, продление, уведомления',
    'appeals.deadlines.lead':
      'Каждый срок задан законом; здесь его можно изменить, если норма уточнена или изменилась. Сроки считаются в календарных днях со дня, следующего за днём регистрации, если не сказано иное.',
    'appeals.deadlines.scope':
      'Новые сроки применяются к обращениям, зарегистрированным после сохранения. У обращений, которые уже зарегистрированы, сроки не меняются.',
    'appeals.deadlines.save': 'Сохранить сроки',
    'appeals.deadlines.saved': 'Сроки сохранены. Они применяются к новым обращениям.',
    'appeals.deadlines.unchanged': 'Ничего не изменилось: сроки остались прежними.',
    'appeals.deadlines.range': 'Допустимо от {min} до {max}.',
    'appeals.deadlines.default': 'По умолчанию: {value}.',
    'appeals.deadlines.verify': 'Норму нужно сверить с первоисточником',
    'appeals.deadlines.group.appeal': 'Обращения граждан (59-ФЗ)',
    'appeals.deadlines.group.info_request': 'Запросы информации (8-ФЗ)',
    'appeals.deadlines.group.corruption_report': 'Сообщения о коррупции',
    'appeals.deadlines.group.media_request': 'Запросы редакций СМИ',
    'appeals.deadlines.group.common': 'Общие правила',
    'appeals.deadlines.answerDays': 'Срок ответа на обращение, дней',
    'appeals.deadlines.answerDays.basis': '59-ФЗ, ст. 12 ч. 1: 30 дней со дня регистрации.',
    'appeals.deadlines.answerDays.invalid':
      'Введите срок ответа на обращение: целое число дней от {min} до {max}',
    'appeals.deadlines.forwardDays': 'Срок переадресации в другой орган, дней',
    'appeals.deadlines.forwardDays.basis':
      '59-ФЗ, ст. 8 ч. 3 и 8-ФЗ, ст. 18: 7 дней со дня регистрации, с уведомлением автора.',
    'appeals.deadlines.forwardDays.invalid': 'Введите срок переадресации: целое число дней от {min} до {max}',
    'appeals.deadlines.forwardDays.beforeAnswer':
      'Срок переадресации должен быть короче срока ответа на обращение',
    'appeals.deadlines.withoutAnswerNoticeDays':
      'Срок уведомления, когда обращение оставлено без ответа, дней',
    'appeals.deadlines.withoutAnswerNoticeDays.basis':
      '59-ФЗ, ст. 11 ч. 2, 4, 4.1, 5.1: 7 дней со дня регистрации.',
    'appeals.deadlines.withoutAnswerNoticeDays.invalid':
      'Введите срок уведомления: целое число дней от {min} до {max}',
    'appeals.deadlines.extensionMaxDays': 'На сколько дней можно продлить срок ответа',
    'appeals.deadlines.extensionMaxDays.basis':
      '59-ФЗ, ст. 12 ч. 2: не более чем на 30 дней, по решению руководителя, с уведомлением автора.',
    'appeals.deadlines.extensionMaxDays.invalid':
      'Введите, на сколько дней можно продлить срок: целое число от {min} до {max}',
    'appeals.deadlines.infoRequestAnswerDays': 'Срок ответа на запрос информации, дней',
    'appeals.deadlines.infoRequestAnswerDays.basis': '8-ФЗ, ст. 18 ч. 6: 30 дней со дня регистрации.',
    'appeals.deadlines.infoRequestAnswerDays.invalid':
      'Введите срок ответа на запрос информации: целое число дней от {min} до {max}',
    'appeals.deadlines.infoRequestExtensionMaxDays': 'На сколько дней можно отсрочить ответ на запрос',
    'appeals.deadlines.infoRequestExtensionMaxDays.basis': '8-ФЗ, ст. 18 ч. 6: не более чем на 15 дней.',
    'appeals.deadlines.infoRequestExtensionMaxDays.invalid':
      'Введите, на сколько дней можно отсрочить ответ на запрос: целое число от {min} до {max}',
    'appeals.deadlines.infoRequestExtensionNoticeDays': 'Срок уведомления об отсрочке ответа на запрос, дней',
    'appeals.deadlines.infoRequestExtensionNoticeDays.basis': '8-ФЗ, ст. 18 ч. 6: 7 дней со дня регистрации.',
    'appeals.deadlines.infoRequestExtensionNoticeDays.invalid':
      'Введите срок уведомления об отсрочке: целое число дней от {min} до {max}',
    'appeals.deadlines.corruptionReportAnswerDays': 'Срок ответа на сообщение о коррупции, дней',
    'appeals.deadlines.corruptionReportAnswerDays.basis':
      '59-ФЗ, ст. 12 ч. 1: 30 дней, как у обращения; региональный порядок работы «горячей линии» может установить меньший срок.',
    'appeals.deadlines.corruptionReportAnswerDays.invalid':
      'Введите срок ответа на сообщение о коррупции: целое число дней от {min} до {max}',
    'appeals.deadlines.corruptionReportExtensionMaxDays':
      'На сколько дней можно продлить срок ответа на сообщение',
    'appeals.deadlines.corruptionReportExtensionMaxDays.basis':
      '59-ФЗ, ст. 12 ч. 2: не более чем на 30 дней; продлевает ответственный за профилактику коррупционных правонарушений.',
    'appeals.deadlines.corruptionReportExtensionMaxDays.invalid':
      'Введите, на сколько дней можно продлить срок ответа на сообщение: целое число от {min} до {max}',
    'appeals.deadlines.mediaRequestAnswerDays': 'Срок ответа на запрос редакции, дней',
    'appeals.deadlines.mediaRequestAnswerDays.basis':
      'Закон «О средствах массовой информации», ст. 40: 7 дней.',
    'appeals.deadlines.mediaRequestAnswerDays.invalid':
      'Введите срок ответа на запрос редакции: целое число дней от {min} до {max}',
    'appeals.deadlines.mediaRequestNoticeDays': 'Срок уведомления редакции об отсрочке или отказе, дней',
    'appeals.deadlines.mediaRequestNoticeDays.basis':
      'Закон «О средствах массовой информации», ст. 40: 3 дня со дня получения запроса.',
    'appeals.deadlines.mediaRequestNoticeDays.invalid':
      'Введите срок уведомления редакции: целое число дней от {min} до {max}',
    'appeals.deadlines.mediaRequestNoticeDays.beforeAnswer':
      'Срок уведомления редакции не может быть больше срока ответа на её запрос',
    'appeals.deadlines.mediaRequestDayUnit': 'Как считать дни запроса редакции',
    'appeals.deadlines.mediaRequestDayUnit.basis': 'Закон говорит «дней», не «рабочих дней».',
    'appeals.deadlines.mediaRequestDayUnit.invalid': 'Выберите, как считать дни запроса редакции',
    'appeals.deadlines.mediaRequestDayUnit.calendar': 'Календарные дни',
    'appeals.deadlines.mediaRequestDayUnit.working': 'Рабочие дни',
    'appeals.deadlines.remindWorkingDaysBefore': 'За сколько рабочих дней напоминать о сроке',
    'appeals.deadlines.remindWorkingDaysBefore.basis':
      'Правило портала, не закона: напоминание ответственному сотруднику; 0 — не напоминать заранее.',
    'appeals.deadlines.remindWorkingDaysBefore.invalid':
      'Введите, за сколько рабочих дней напоминать о сроке: целое число от {min} до {max}',
    'appeals.deadlines.nonWorkingDayRule': 'Если срок приходится на нерабочий день',
    'appeals.deadlines.nonWorkingDayRule.basis':
      'Практика делопроизводства: исполнить в предшествующий рабочий день; ГК РФ, ст. 193: следующий рабочий день.',
    'appeals.deadlines.nonWorkingDayRule.invalid':
      'Выберите, что делать, если срок приходится на нерабочий день',
    'appeals.deadlines.nonWorkingDayRule.previous': 'Перенести на предшествующий рабочий день',
    'appeals.deadlines.nonWorkingDayRule.next': 'Перенести на следующий рабочий день',
    'appeals.deadlines.nonWorkingDayRule.none': 'Не переносить',
  },
  en: {
    'appeals.deadlines.title': 'Appeal deadlines',
    'appeals.deadlines.description':
      'Terms under 59-FZ, 8-FZ and the mass media law: answer, forwarding, extension, notices',
    'appeals.deadlines.lead':
      'Each term is set by law; change it here if the rule has been checked or has changed. Terms are counted in calendar days from the day after registration unless stated otherwise.',
    'appeals.deadlines.scope':
      'New terms apply to appeals registered after you save. Appeals already registered keep their deadlines.',
    'appeals.deadlines.save': 'Save deadlines',
    'appeals.deadlines.saved': 'Deadlines saved. They apply to new appeals.',
    'appeals.deadlines.unchanged': 'Nothing changed: the deadlines stay as they were.',
    'appeals.deadlines.range': 'Allowed: {min} to {max}.',
    'appeals.deadlines.default': 'Default: {value}.',
    'appeals.deadlines.verify': 'The rule is still to be checked against the primary text',
    'appeals.deadlines.group.appeal': 'Citizens’ appeals (59-FZ)',
    'appeals.deadlines.group.info_request': 'Information requests (8-FZ)',
    'appeals.deadlines.group.corruption_report': 'Corruption reports',
    'appeals.deadlines.group.media_request': 'Requests from the media',
    'appeals.deadlines.group.common': 'Common rules',
    'appeals.deadlines.answerDays': 'Days to answer an appeal',
    'appeals.deadlines.answerDays.basis': '59-FZ, art. 12 part 1: 30 days from registration.',
    'appeals.deadlines.answerDays.invalid':
      'Enter the days to answer an appeal: a whole number from {min} to {max}',
    'appeals.deadlines.forwardDays': 'Days to forward to another body',
    'appeals.deadlines.forwardDays.basis':
      '59-FZ, art. 8 part 3 and 8-FZ, art. 18: 7 days from registration, notifying the author.',
    'appeals.deadlines.forwardDays.invalid': 'Enter the days to forward: a whole number from {min} to {max}',
    'appeals.deadlines.forwardDays.beforeAnswer': 'The days to forward must be fewer than the days to answer',
    'appeals.deadlines.withoutAnswerNoticeDays': 'Days to notify when an appeal is left without an answer',
    'appeals.deadlines.withoutAnswerNoticeDays.basis':
      '59-FZ, art. 11 parts 2, 4, 4.1, 5.1: 7 days from registration.',
    'appeals.deadlines.withoutAnswerNoticeDays.invalid':
      'Enter the days to notify: a whole number from {min} to {max}',
    'appeals.deadlines.extensionMaxDays': 'Days an answer may be extended by',
    'appeals.deadlines.extensionMaxDays.basis':
      '59-FZ, art. 12 part 2: by 30 days at most, by the head’s decision, notifying the author.',
    'appeals.deadlines.extensionMaxDays.invalid':
      'Enter the days an answer may be extended by: a whole number from {min} to {max}',
    'appeals.deadlines.infoRequestAnswerDays': 'Days to answer an information request',
    'appeals.deadlines.infoRequestAnswerDays.basis': '8-FZ, art. 18 part 6: 30 days from registration.',
    'appeals.deadlines.infoRequestAnswerDays.invalid':
      'Enter the days to answer an information request: a whole number from {min} to {max}',
    'appeals.deadlines.infoRequestExtensionMaxDays': 'Days a request’s answer may be delayed by',
    'appeals.deadlines.infoRequestExtensionMaxDays.basis': '8-FZ, art. 18 part 6: by 15 days at most.',
    'appeals.deadlines.infoRequestExtensionMaxDays.invalid':
      'Enter the days a request’s answer may be delayed by: a whole number from {min} to {max}',
    'appeals.deadlines.infoRequestExtensionNoticeDays': 'Days to notify a requester of a delay',
    'appeals.deadlines.infoRequestExtensionNoticeDays.basis':
      '8-FZ, art. 18 part 6: 7 days from registration.',
    'appeals.deadlines.infoRequestExtensionNoticeDays.invalid':
      'Enter the days to notify of a delay: a whole number from {min} to {max}',
    'appeals.deadlines.corruptionReportAnswerDays': 'Days to answer a corruption report',
    'appeals.deadlines.corruptionReportAnswerDays.basis':
      '59-FZ, art. 12 part 1: 30 days, as for an appeal; a regional hotline procedure may set a shorter term.',
    'appeals.deadlines.corruptionReportAnswerDays.invalid':
      'Enter the days to answer a corruption report: a whole number from {min} to {max}',
    'appeals.deadlines.corruptionReportExtensionMaxDays': 'Days a report’s answer may be extended by',
    'appeals.deadlines.corruptionReportExtensionMaxDays.basis':
      '59-FZ, art. 12 part 2: by 30 days at most; the anti-corruption officer extends it.',
    'appeals.deadlines.corruptionReportExtensionMaxDays.invalid':
      'Enter the days a report’s answer may be extended by: a whole number from {min} to {max}',
    'appeals.deadlines.mediaRequestAnswerDays': 'Days to answer a request from the media',
    'appeals.deadlines.mediaRequestAnswerDays.basis': 'Mass media law, art. 40: 7 days.',
    'appeals.deadlines.mediaRequestAnswerDays.invalid':
      'Enter the days to answer a request from the media: a whole number from {min} to {max}',
    'appeals.deadlines.mediaRequestNoticeDays': 'Days to notify the media of a delay or refusal',
    'appeals.deadlines.mediaRequestNoticeDays.basis': 'Mass media law, art. 40: 3 days from receipt.',
    'appeals.deadlines.mediaRequestNoticeDays.invalid':
      'Enter the days to notify the media: a whole number from {min} to {max}',
    'appeals.deadlines.mediaRequestNoticeDays.beforeAnswer':
      'The days to notify the media may not be more than the days to answer them',
    'appeals.deadlines.mediaRequestDayUnit': 'How to count the days of a media request',
    'appeals.deadlines.mediaRequestDayUnit.basis': 'The law says “days”, not “working days”.',
    'appeals.deadlines.mediaRequestDayUnit.invalid': 'Choose how to count the days of a media request',
    'appeals.deadlines.mediaRequestDayUnit.calendar': 'Calendar days',
    'appeals.deadlines.mediaRequestDayUnit.working': 'Working days',
    'appeals.deadlines.remindWorkingDaysBefore': 'Working days before a deadline to remind staff',
    'appeals.deadlines.remindWorkingDaysBefore.basis':
      'A rule of the portal, not of law: a reminder to the official in charge; 0 means no early reminder.',
    'appeals.deadlines.remindWorkingDaysBefore.invalid':
      'Enter the working days before a deadline to remind: a whole number from {min} to {max}',
    'appeals.deadlines.nonWorkingDayRule': 'When a deadline falls on a day off',
    'appeals.deadlines.nonWorkingDayRule.basis':
      'Records practice: the working day before; Civil Code, art. 193: the next working day.',
    'appeals.deadlines.nonWorkingDayRule.invalid': 'Choose what to do when a deadline falls on a day off',
    'appeals.deadlines.nonWorkingDayRule.previous': 'Move it to the working day before',
    'appeals.deadlines.nonWorkingDayRule.next': 'Move it to the next working day',
    'appeals.deadlines.nonWorkingDayRule.none': 'Do not move it',
  },
});
