import { defineMessages } from '../../platform/i18n/index.ts';

/** Concept task 6.5 in the plans module: the counts of complaints of obstructed public control. */
export const plansObstructionMessages = defineMessages({
  ru: {
    'plans.obstruction.title': 'Воспрепятствование общественному контролю',
    'plans.obstruction.lead':
      'Жалобы граждан, общественных советов и общественных организаций на то, что должностные лица органа помешали общественному контролю (отказали в сведениях, не допустили на проверку, не рассмотрели итоговый документ), поступившие в {year} году, и итоги их проверки.',
    'plans.obstruction.leadRegion':
      'Жалобы на то, что должностные лица органов власти региона помешали общественному контролю, по годам поступления, и итоги их проверки. Годовой отчёт каждого органа показывает его собственные числа.',
    'plans.obstruction.caption': 'Жалобы на воспрепятствование общественному контролю',
    'plans.obstruction.indicator': 'Показатель',
    'plans.obstruction.received': 'Поступило жалоб',
    'plans.obstruction.confirmed': 'Воспрепятствование подтвердилось',
    'plans.obstruction.notConfirmed': 'Не подтвердилось',
    'plans.obstruction.withoutFinding': 'Итога пока нет (на рассмотрении, отозваны, оставлены без ответа)',
    'plans.obstruction.disciplinary': 'Из подтвердившихся: дисциплинарное взыскание',
    'plans.obstruction.other': 'Из подтвердившихся: другая мера',
    'plans.obstruction.none': 'Из подтвердившихся: мера не принята',
    'plans.obstruction.hidden': 'не показывается',
    'plans.obstruction.suppressed':
      '«<3» — меньше трёх жалоб; «≥3» — три и больше, но точное число скрыто, чтобы по нему нельзя было вычислить скрытое. Так нельзя узнать, о ком жалоба. Имена должностных лиц не публикуются.',
    'plans.obstruction.how': 'Как пожаловаться на воспрепятствование общественному контролю',
  },
  en: {
    'plans.obstruction.title': 'Obstruction of public control',
    'plans.obstruction.lead':
      'Complaints by citizens, public councils and civic organisations that the body’s officials obstructed public control (refused information, did not let an inspection in, ignored a final document), received in {year}, and their findings.',
    'plans.obstruction.leadRegion':
      'Complaints that officials of the region’s bodies obstructed public control, by the year received, and their findings. Each body’s annual report shows its own figures.',
    'plans.obstruction.caption': 'Complaints of obstructed public control',
    'plans.obstruction.indicator': 'Figure',
    'plans.obstruction.received': 'Complaints received',
    'plans.obstruction.confirmed': 'Obstruction confirmed',
    'plans.obstruction.notConfirmed': 'Not confirmed',
    'plans.obstruction.withoutFinding': 'No finding yet (under review, withdrawn, left without answer)',
    'plans.obstruction.disciplinary': 'Of the confirmed: disciplinary penalty',
    'plans.obstruction.other': 'Of the confirmed: another measure',
    'plans.obstruction.none': 'Of the confirmed: no measure',
    'plans.obstruction.hidden': 'not shown',
    'plans.obstruction.suppressed':
      '«<3» means fewer than three complaints; «≥3» three or more, hidden so that a hidden figure cannot be worked out. No one complained about can be identified; officials’ names are not published.',
    'plans.obstruction.how': 'How to complain of obstructed public control',
  },
});
