import { defineMessages } from '../../platform/i18n/index.ts';

/**
 * Concept task 6.5: complaints that an official obstructed public control —
 * the citizen's form and check page, the staff's queue, appeal page and the
 * finding recorded with the answer.
 */
export const appealsObstructionMessages = defineMessages({
  ru: {
    'appeals.field.obstruction': 'Воспрепятствование общественному контролю',
    'appeals.field.obstruction.hint':
      'Общественный контроль — право граждан, общественных советов и общественных организаций проверять работу органов власти: запрашивать сведения, посещать органы, направлять им итоговые документы проверок (Федеральный закон № 212-ФЗ «Об основах общественного контроля в Российской Федерации»)',
    'appeals.field.obstruction.yes': 'Жалуюсь, что должностное лицо помешало общественному контролю',
    'appeals.field.obstruction.yesHint':
      'Выберите вид обращения «Жалоба» и орган, в котором работает это должностное лицо. Фамилию должностного лица можно назвать в тексте: на портале её не опубликуют',
    'appeals.field.obstructionKind': 'Что сделало должностное лицо',
    'appeals.field.obstructionKind.hint':
      'Ответьте, если жалуетесь на воспрепятствование общественному контролю',
    'appeals.obstructionKind.information_refused':
      'Отказало в сведениях, нужных для общественного контроля, или не ответило на запрос',
    'appeals.obstructionKind.inspection_denied':
      'Не пустило на общественную проверку, мониторинг или в помещения органа',
    'appeals.obstructionKind.final_document_ignored':
      'Не рассмотрело итоговый документ общественного контроля (заключение, акт проверки, рекомендации)',
    'appeals.obstructionKind.other': 'Другое — опишу в тексте обращения',
    'appeals.field.publicControlSubject': 'От имени какой организации вы пишете (необязательно)',
    'appeals.field.publicControlSubject.hint':
      'Например, «Общественный совет при Министерстве здравоохранения» или название общественной организации. Оставьте пустым, если пишете от себя',
    'appeals.obstructionKind.required': 'Выберите, чем должностное лицо помешало общественному контролю',
    'appeals.obstruction.kindComplaint':
      'Жалоба на воспрепятствование общественному контролю — это жалоба: выберите вид обращения «Жалоба»',
    'appeals.publicControlSubject.tooLong': 'Название организации: не больше 300 знаков',
    'appeals.check.obstruction': 'Воспрепятствование общественному контролю',

    'appeals.staff.obstruction': 'Воспрепятствование общественному контролю',
    'appeals.staff.obstruction.tag': 'Общественный контроль',
    'appeals.staff.publicControlSubject': 'От имени',
    'appeals.staff.filter.obstruction': 'Только жалобы на воспрепятствование общественному контролю',
    'appeals.staff.obstruction.result': 'Итог проверки',
    'appeals.staff.obstruction.title': 'Итог проверки жалобы на воспрепятствование общественному контролю',
    'appeals.staff.obstruction.lead':
      'Итог учитывается в годовом отчёте органа и в сводных данных региона — только числа, без имени должностного лица и текста жалобы.',
    'appeals.staff.obstruction.finding': 'Подтвердилось ли воспрепятствование',
    'appeals.obstructionFinding.confirmed': 'Подтвердилось',
    'appeals.obstructionFinding.not_confirmed': 'Не подтвердилось',
    'appeals.staff.obstruction.measure': 'Какая мера принята к должностному лицу',
    'appeals.staff.obstruction.measureHint': 'Ответьте, если воспрепятствование подтвердилось',
    'appeals.obstructionMeasure.disciplinary': 'Дисциплинарное взыскание',
    'appeals.obstructionMeasure.other': 'Другая мера',
    'appeals.obstructionMeasure.none': 'Мера не принята',
    'appeals.staff.obstruction.note': 'Какая мера (если «Другая мера»)',
    'appeals.staff.obstruction.noteHint':
      'Например, «проведена служебная проверка, сведения предоставлены». Не пишите фамилию и другие сведения о должностном лице',
    'appeals.staff.obstruction.finding.required':
      'Выберите, подтвердилось ли воспрепятствование общественному контролю',
    'appeals.staff.obstruction.measure.required': 'Выберите, какая мера принята к должностному лицу',
    'appeals.staff.obstruction.note.required': 'Опишите, какая другая мера принята к должностному лицу',
    'appeals.staff.obstruction.note.tooLong': 'Описание меры: не больше 1000 знаков',
  },
  en: {
    'appeals.field.obstruction': 'Obstruction of public control',
    'appeals.field.obstruction.hint':
      'Public control is the right of citizens, public councils and civic organisations to check the work of public bodies: to request information, visit the bodies and send them the final documents of their checks (Federal Law No. 212-FZ on the basics of public control)',
    'appeals.field.obstruction.yes': 'I complain that an official obstructed public control',
    'appeals.field.obstruction.yesHint':
      'Choose the kind «Complaint» and the body the official works for. You may name the official in the text: the portal does not publish it',
    'appeals.field.obstructionKind': 'What the official did',
    'appeals.field.obstructionKind.hint': 'Answer if you complain of obstructed public control',
    'appeals.obstructionKind.information_refused':
      'Refused information needed for public control, or did not answer the request',
    'appeals.obstructionKind.inspection_denied': 'Did not let a public inspection, monitoring or visit in',
    'appeals.obstructionKind.final_document_ignored':
      'Did not consider the final document of public control (a conclusion, an inspection report, recommendations)',
    'appeals.obstructionKind.other': 'Something else — I describe it in the text',
    'appeals.field.publicControlSubject': 'Which organisation you write for (optional)',
    'appeals.field.publicControlSubject.hint':
      'For example, «Public Council of the Ministry of Health» or the name of a civic organisation. Leave it empty if you write for yourself',
    'appeals.obstructionKind.required': 'Choose how the official obstructed public control',
    'appeals.obstruction.kindComplaint':
      'A report of obstructed public control is a complaint: choose the kind «Complaint»',
    'appeals.publicControlSubject.tooLong': 'Organisation: 300 characters at most',
    'appeals.check.obstruction': 'Obstruction of public control',

    'appeals.staff.obstruction': 'Obstruction of public control',
    'appeals.staff.obstruction.tag': 'Public control',
    'appeals.staff.publicControlSubject': 'On behalf of',
    'appeals.staff.filter.obstruction': 'Only complaints of obstructed public control',
    'appeals.staff.obstruction.result': 'Finding',
    'appeals.staff.obstruction.title': 'Finding on the complaint of obstructed public control',
    'appeals.staff.obstruction.lead':
      'The finding is counted in the body’s annual report and the region’s figures — numbers only, without the official’s name or the complaint’s text.',
    'appeals.staff.obstruction.finding': 'Was the obstruction confirmed',
    'appeals.obstructionFinding.confirmed': 'Confirmed',
    'appeals.obstructionFinding.not_confirmed': 'Not confirmed',
    'appeals.staff.obstruction.measure': 'Measure taken towards the official',
    'appeals.staff.obstruction.measureHint': 'Answer if the obstruction was confirmed',
    'appeals.obstructionMeasure.disciplinary': 'Disciplinary penalty',
    'appeals.obstructionMeasure.other': 'Another measure',
    'appeals.obstructionMeasure.none': 'No measure taken',
    'appeals.staff.obstruction.note': 'Which measure (for «Another measure»)',
    'appeals.staff.obstruction.noteHint':
      'For example, «an internal inquiry was held, the information was given». Do not write the official’s name or other details of them',
    'appeals.staff.obstruction.finding.required':
      'Choose whether the obstruction of public control was confirmed',
    'appeals.staff.obstruction.measure.required': 'Choose the measure taken towards the official',
    'appeals.staff.obstruction.note.required': 'Describe the other measure taken towards the official',
    'appeals.staff.obstruction.note.tooLong': 'Measure: 1000 characters at most',
  },
});
