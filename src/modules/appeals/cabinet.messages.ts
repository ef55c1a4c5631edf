import { defineMessages } from '../../platform/i18n/index.ts';

/** Issue 10: withdrawing an appeal, disputing an answer, consent to the public archive, the archive itself. */
export const appealsCabinetMessages = defineMessages({
  ru: {
    'appeals.status.withdrawn': 'Отозвано',
    'appeals.staff.status.withdrawn': 'Отозвано автором',
    'appeals.event.withdrawn': 'Вы отозвали обращение; ответ не будет направлен',
    'appeals.event.disputed': 'Ответ обжалован: жалоба направлена в {target}',
    'appeals.event.archive_consent': 'Изменено согласие на публикацию в открытом архиве',
    'appeals.event.archived': 'Обращение и ответ опубликованы в открытом архиве без персональных данных',
    'appeals.staff.event.withdrawn': 'Автор отозвал обращение: ответ не требуется, сроки остановлены',
    'appeals.staff.event.disputed': 'Автор обжаловал ответ: жалоба в вышестоящий орган',
    'appeals.staff.event.archive_consent': 'Автор изменил согласие на публикацию в открытом архиве',
    'appeals.staff.event.archived': 'Опубликовано в открытом архиве (обезличено)',
    'appeals.actions.back': 'Вернуться к обращению',
    'appeals.headline.title': 'Главное за {year} год',
    'appeals.headline.onTime': 'ответов даны в срок',
    'appeals.headline.onTime.detail': 'в срок: {onTime} из {answered} ответов',
    'appeals.headline.late': 'ответов с нарушением срока',
    'appeals.headline.late.detail': 'ещё рассматривается: {open}',
    'appeals.headline.satisfied': 'довольны ответом',
    'appeals.headline.satisfied.detail': 'из тех, кто оценил ответ (оценок: {rated})',
    'appeals.headline.lessThan3':
      '«<3» значит «меньше трёх»: одно или два обращения. Точное число не показываем, чтобы по нему нельзя было узнать автора.',
    'appeals.headline.atLeast3':
      '«≥3» значит «три или больше»: число скрыто, потому что из него и итога можно было бы вычислить скрытое «<3».',
    'appeals.headline.noneHere': 'В этих цифрах таких значений сейчас нет.',
    'appeals.headline.byBody': 'По органам',
    'appeals.archive.title': 'Открытый архив обращений',
    'appeals.archive.lead':
      'Обращения и ответы органа, которые авторы разрешили опубликовать. Имена, адреса, телефоны и другие персональные данные заменены.',
    'appeals.archive.search': 'Искать в архиве',
    'appeals.archive.find': 'Найти',
    'appeals.archive.count': 'Опубликовано обращений с ответами: {n}',
    'appeals.archive.found': 'Найдено по запросу «{q}»: {n}',
    'appeals.archive.none': 'В архиве пока нет обращений.',
    'appeals.archive.noneFound': 'Ничего не найдено. Попробуйте другие слова.',
    'appeals.archive.entry': 'Обращение № {number}',
    'appeals.archive.answered': 'Ответ дан {date}',
    'appeals.archive.question': 'Обращение',
    'appeals.archive.answer': 'Ответ',
    'appeals.archive.back': 'Все обращения архива',
    'appeals.archive.about':
      'Обращение публикуется только с согласия автора и без его персональных данных (59-ФЗ, 152-ФЗ). Автор может отозвать согласие — тогда публикацию снимают.',
    'appeals.archive.noConsent': 'Автор не давал согласия на публикацию в открытом архиве',
    'appeals.archive.notAnswered': 'Опубликовать можно только обращение, на которое направлен ответ',
    'appeals.archive.personalData':
      'В тексте остались персональные данные (имя, адрес, телефон, почта или номер документа). Замените их, например на [ФИО] или [адрес]',
    'appeals.archive.question.required': 'Введите текст обращения для архива',
    'appeals.archive.answer.required': 'Введите текст ответа для архива',
    'appeals.archive.tooLong': 'Сократите текст до 25 000 знаков',
    'appeals.archive.manage.title': 'Открытый архив: публикация',
    'appeals.archive.manage.lead':
      'Отвеченные обращения, авторы которых согласились на публикацию. Проверьте, что персональные данные заменены, и опубликуйте.',
    'appeals.archive.manage.none': 'Сейчас нечего публиковать.',
    'appeals.archive.manage.number': 'Обращение',
    'appeals.archive.manage.org': 'Орган',
    'appeals.archive.manage.publishTitle': 'Опубликовать обращение № {number} в открытом архиве',
    'appeals.archive.manage.publishLead':
      'Найденные персональные данные уже заменены. Прочитайте тексты: если осталось имя, адрес или другой признак, по которому можно узнать человека, замените его. Пока в тексте есть персональные данные, опубликовать нельзя.',
    'appeals.archive.manage.masked': 'Заменено: {n} ({list})',
    'appeals.archive.manage.noFindings': 'Персональных данных не найдено — проверьте текст сами.',
    'appeals.archive.manage.already': 'Уже опубликовано. Сохранение заменит опубликованный текст.',
    'appeals.archive.manage.publish': 'Опубликовать в архиве',
    'appeals.staff.disputes': 'Жалоба на ответ по обращению',
    'appeals.staff.disputes.answered': 'ответ направлен {date}',
    'appeals.staff.disputedBy': 'Ответ обжалован',

    // Withdrawal
    'appeals.withdraw.link': 'Отозвать обращение',
    'appeals.withdraw.title': 'Отозвать обращение № {number}?',
    'appeals.withdraw.what':
      'Если вы отзовёте обращение, орган прекратит его рассмотрение и не будет направлять ответ. Сотрудники органа увидят, что обращение отозвано вами.',
    'appeals.withdraw.warning':
      'Отменить отзыв нельзя. Если вопрос останется, вы сможете написать новое обращение.',
    'appeals.withdraw.reason': 'Почему вы отзываете обращение (необязательно)',
    'appeals.withdraw.reason.hint': 'Например: вопрос решён. Причину увидят сотрудники органа',
    'appeals.withdraw.reason.tooLong': 'Сократите причину до 2000 знаков',
    'appeals.withdraw.confirm': 'Да, отозвать обращение',
    'appeals.withdraw.cancel': 'Нет, вернуться к обращению',
    'appeals.withdraw.tooLate': 'Обращение уже нельзя отозвать: ответ направлен или рассмотрение завершено',
    'appeals.withdraw.done': 'Обращение отозвано. Орган не будет направлять ответ',
    'appeals.mail.withdrawn.subject': 'Обращение № {number} отозвано',
    'appeals.mail.withdrawn.body':
      'Вы отозвали обращение № {number}. Орган прекратил его рассмотрение, ответ направлен не будет.',
    'appeals.mail.withdrawn.staffSubject': 'Автор отозвал обращение № {number}',
    'appeals.mail.withdrawn.staffBody':
      'Автор отозвал обращение № {number}, которое поручено вам. Ответ не требуется, сроки остановлены.\n\n{link}',

    // Dispute
    'appeals.dispute.link': 'Обжаловать ответ',
    'appeals.dispute.title': 'Обжаловать ответ',
    'appeals.dispute.lead':
      'Если вы не согласны с ответом, направьте жалобу в вышестоящий орган. Мы уже заполнили, на какой ответ вы жалуетесь; допишите, с чем вы не согласны.',
    'appeals.dispute.first': 'Ваше обращение',
    'appeals.dispute.answeredBy': 'Орган, который ответил',
    'appeals.dispute.answerDate': 'Дата ответа',
    'appeals.dispute.to': 'Жалоба будет направлена в',
    'appeals.dispute.law':
      'Жалоба не направляется в орган, ответ которого обжалуется (59-ФЗ ст. 8 ч. 6), поэтому её рассмотрит вышестоящий орган. Ответ на жалобу придёт в течение 30 дней.',
    'appeals.dispute.text': 'С чем вы не согласны',
    'appeals.dispute.text.hint':
      'Напишите, что в ответе неверно или не сделано, и чего вы просите. Первые строки уже заполнены — их можно изменить',
    'appeals.dispute.text.required': 'Напишите, с чем вы не согласны в ответе',
    'appeals.dispute.submit': 'Отправить жалобу',
    'appeals.dispute.prefill':
      'Обжалую ответ органа «{body}» от {date} на моё обращение № {number}.\n\nСчитаю ответ неверным, потому что: ',
    'appeals.dispute.noHigherBody':
      'У этого органа нет вышестоящего органа на портале. Ответ можно обжаловать в суде (59-ФЗ ст. 4 п. 4, ст. 16).',
    'appeals.dispute.notAnswered': 'Обжаловать можно только направленный вам ответ',
    'appeals.dispute.isComplaintAbout': 'Это жалоба на ответ по обращению',
    'appeals.dispute.complaintSent': 'Ответ обжалован, жалоба',

    // Consent to the public archive (cabinet)
    'appeals.archiveConsent.title': 'Открытый архив',
    'appeals.archiveConsent.given':
      'Вы согласились ({date}) на публикацию этого обращения и ответа в открытом архиве без ваших персональных данных.',
    'appeals.archiveConsent.notGiven':
      'Вы не давали согласия на публикацию этого обращения в открытом архиве. Без согласия оно не публикуется.',
    'appeals.archiveConsent.what':
      'В архиве не бывает имён, адресов, телефонов и других персональных данных: перед публикацией их заменяют сотрудники органа. Согласие можно отозвать в любой момент — тогда публикацию снимут.',
    'appeals.archiveConsent.withdraw': 'Отозвать согласие',
    'appeals.archiveConsent.give': 'Согласиться на публикацию в архиве',
    'appeals.archiveConsent.required': 'Выберите, согласны ли вы на публикацию в открытом архиве',
    'appeals.archiveConsent.givenFlash': 'Согласие на публикацию в открытом архиве сохранено',
    'appeals.archiveConsent.withdrawnFlash':
      'Согласие отозвано. Если обращение было в открытом архиве, его оттуда убрали',
  },
  en: {
    'appeals.status.withdrawn': 'Withdrawn',
    'appeals.staff.status.withdrawn': 'Withdrawn by its author',
    'appeals.event.withdrawn': 'You withdrew the appeal; no answer will be sent',
    'appeals.event.disputed': 'Answer disputed: complaint sent to {target}',
    'appeals.event.archive_consent': 'Consent to the public archive changed',
    'appeals.event.archived': 'Appeal and answer published in the public archive without personal data',
    'appeals.staff.event.withdrawn': 'The author withdrew the appeal: no answer due, deadlines stopped',
    'appeals.staff.event.disputed': 'The author disputed the answer: complaint to the higher body',
    'appeals.staff.event.archive_consent': 'The author changed consent to the public archive',
    'appeals.staff.event.archived': 'Published in the public archive (anonymised)',
    'appeals.actions.back': 'Back to the appeal',
    'appeals.headline.title': 'At a glance, {year}',
    'appeals.headline.onTime': 'of answers given on time',
    'appeals.headline.onTime.detail': 'on time: {onTime} of {answered} answers',
    'appeals.headline.late': 'answers given late',
    'appeals.headline.late.detail': 'still being considered: {open}',
    'appeals.headline.satisfied': 'satisfied with the answer',
    'appeals.headline.satisfied.detail': 'of those who rated it ({rated} ratings)',
    'appeals.headline.lessThan3':
      '«<3» means fewer than three: one or two appeals. We do not show the exact number so that nobody can tell who wrote.',
    'appeals.headline.atLeast3':
      '«≥3» means three or more: the number is hidden because with the total it would reveal a hidden «<3».',
    'appeals.headline.noneHere': 'None of these figures uses them now.',
    'appeals.headline.byBody': 'By body',
    'appeals.archive.title': 'Public archive of appeals',
    'appeals.archive.lead':
      'Appeals to this body and its answers that their authors allowed to publish. Names, addresses, phones and other personal data are replaced.',
    'appeals.archive.search': 'Search the archive',
    'appeals.archive.find': 'Search',
    'appeals.archive.count': 'Appeals with answers published: {n}',
    'appeals.archive.found': 'Found for «{q}»: {n}',
    'appeals.archive.none': 'No appeals in the archive yet.',
    'appeals.archive.noneFound': 'Nothing found. Try other words.',
    'appeals.archive.entry': 'Appeal No. {number}',
    'appeals.archive.answered': 'Answered on {date}',
    'appeals.archive.question': 'Appeal',
    'appeals.archive.answer': 'Answer',
    'appeals.archive.back': 'All appeals in the archive',
    'appeals.archive.about':
      'An appeal is published only with its author’s consent and without personal data (59-FZ, 152-FZ). The author may withdraw consent; the publication is then removed.',
    'appeals.archive.noConsent': 'The author has not agreed to publication in the public archive',
    'appeals.archive.notAnswered': 'Only an appeal whose answer was sent can be published',
    'appeals.archive.personalData':
      'The text still holds personal data (a name, address, phone, e-mail or document number). Replace it, e.g. with [ФИО] or [адрес]',
    'appeals.archive.question.required': 'Enter the appeal’s text for the archive',
    'appeals.archive.answer.required': 'Enter the answer’s text for the archive',
    'appeals.archive.tooLong': 'Shorten the text to 25,000 characters',
    'appeals.archive.manage.title': 'Public archive: publishing',
    'appeals.archive.manage.lead':
      'Answered appeals whose authors agreed to publication. Check that personal data are replaced, then publish.',
    'appeals.archive.manage.none': 'Nothing to publish now.',
    'appeals.archive.manage.number': 'Appeal',
    'appeals.archive.manage.org': 'Body',
    'appeals.archive.manage.publishTitle': 'Publish appeal No. {number} in the public archive',
    'appeals.archive.manage.publishLead':
      'The personal data found are already replaced. Read the texts: if a name, address or anything else that identifies a person remains, replace it. While the text holds personal data it cannot be published.',
    'appeals.archive.manage.masked': 'Replaced: {n} ({list})',
    'appeals.archive.manage.noFindings': 'No personal data found: check the text yourself.',
    'appeals.archive.manage.already': 'Already published. Saving replaces the published text.',
    'appeals.archive.manage.publish': 'Publish in the archive',
    'appeals.staff.disputes': 'Complaint about the answer to appeal',
    'appeals.staff.disputes.answered': 'answered {date}',
    'appeals.staff.disputedBy': 'Answer disputed',
    'appeals.withdraw.link': 'Withdraw the appeal',
    'appeals.withdraw.title': 'Withdraw appeal No. {number}?',
    'appeals.withdraw.what':
      'If you withdraw the appeal, the body stops considering it and sends no answer. Its staff will see that you withdrew it.',
    'appeals.withdraw.warning':
      'A withdrawal cannot be undone. If the question remains, you can write a new appeal.',
    'appeals.withdraw.reason': 'Why you withdraw it (optional)',
    'appeals.withdraw.reason.hint':
      'For example: the problem is solved. The body’s staff will see the reason',
    'appeals.withdraw.reason.tooLong': 'Shorten the reason to 2000 characters',
    'appeals.withdraw.confirm': 'Yes, withdraw the appeal',
    'appeals.withdraw.cancel': 'No, back to the appeal',
    'appeals.withdraw.tooLate':
      'The appeal can no longer be withdrawn: the answer was sent or the case is closed',
    'appeals.withdraw.done': 'Appeal withdrawn. The body will send no answer',
    'appeals.mail.withdrawn.subject': 'Appeal No. {number} withdrawn',
    'appeals.mail.withdrawn.body':
      'You withdrew appeal No. {number}. The body stopped considering it; no answer will be sent.',
    'appeals.mail.withdrawn.staffSubject': 'The author withdrew appeal No. {number}',
    'appeals.mail.withdrawn.staffBody':
      'The author withdrew appeal No. {number} assigned to you. No answer is due; the deadlines stopped.\n\n{link}',
    'appeals.dispute.link': 'Dispute the answer',
    'appeals.dispute.title': 'Dispute the answer',
    'appeals.dispute.lead':
      'If you disagree with the answer, send a complaint to the higher body. We have filled in which answer you dispute; add what you disagree with.',
    'appeals.dispute.first': 'Your appeal',
    'appeals.dispute.answeredBy': 'Body that answered',
    'appeals.dispute.answerDate': 'Date of the answer',
    'appeals.dispute.to': 'The complaint goes to',
    'appeals.dispute.law':
      'A complaint is never sent to the body whose answer it disputes (59-FZ art. 8 part 6), so the higher body considers it. The answer comes within 30 days.',
    'appeals.dispute.text': 'What you disagree with',
    'appeals.dispute.text.hint':
      'Say what in the answer is wrong or not done, and what you ask for. The first lines are filled in; you can change them',
    'appeals.dispute.text.required': 'Write what you disagree with in the answer',
    'appeals.dispute.submit': 'Send the complaint',
    'appeals.dispute.prefill':
      'I dispute the answer of «{body}» of {date} to my appeal No. {number}.\n\nI disagree with the answer because: ',
    'appeals.dispute.noHigherBody':
      'This body has no higher body on the portal. The answer can be disputed in court (59-FZ art. 4 p. 4, art. 16).',
    'appeals.dispute.notAnswered': 'Only an answer sent to you can be disputed',
    'appeals.dispute.isComplaintAbout': 'This is a complaint about the answer to appeal',
    'appeals.dispute.complaintSent': 'Answer disputed, complaint',
    'appeals.archiveConsent.title': 'Public archive',
    'appeals.archiveConsent.given':
      'You agreed ({date}) to publishing this appeal and its answer in the public archive without your personal data.',
    'appeals.archiveConsent.notGiven':
      'You have not agreed to publishing this appeal in the public archive. Without consent it is not published.',
    'appeals.archiveConsent.what':
      'The archive never shows names, addresses, phones or other personal data: the body’s staff replace them before publication. You can withdraw consent at any time; the publication is then removed.',
    'appeals.archiveConsent.withdraw': 'Withdraw consent',
    'appeals.archiveConsent.give': 'Agree to publication in the archive',
    'appeals.archiveConsent.required': 'Choose whether you agree to publication in the public archive',
    'appeals.archiveConsent.givenFlash': 'Consent to the public archive saved',
    'appeals.archiveConsent.withdrawnFlash':
      'Consent withdrawn. If the appeal was in the public archive, it was removed',
  },
});
