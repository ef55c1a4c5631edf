import { defineMessages } from '../../platform/i18n/index.ts';

/**
 * The citizen's way to an appeal before and around the form (issue 10): the
 * start page, the guide to the competent body, the draft, the check page and
 * the confirmation. Plain words first; the law's name after.
 */
export const appealsJourneyMessages = defineMessages({
  ru: {
    // Start page
    'appeals.start.lead':
      'Здесь можно написать в министерство, агентство или администрацию своего округа: предложить, попросить о помощи, пожаловаться или запросить сведения. Обращение регистрируют сразу: вы получите номер и дату, к которой должен прийти ответ.',
    'appeals.start.who.title': 'Кто может написать',
    'appeals.start.who.body':
      'Любой человек: гражданин России, иностранный гражданин или человек без гражданства. Можно написать о своём деле или о том, что касается всех, — о дороге, дворе, школе, поликлинике. Можно написать вместе с соседями: коллективное обращение подписывают несколько человек.',
    'appeals.start.who.law':
      'Так говорит Федеральный закон от 2 мая 2006 г. № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации».',
    'appeals.start.need.title': 'Что понадобится',
    'appeals.start.need.esia': 'учётная запись на Госуслугах',
    'appeals.start.need.email': 'адрес электронной почты — туда придут уведомление о регистрации и ответ',
    'appeals.start.need.text': 'несколько слов о том, что случилось, где и о чём вы просите',
    'appeals.start.need.optional':
      'если хотите — адрес места, о котором пишете, и фотографии или документы (до {count} файлов: JPG, PNG, PDF или DOCX, каждый не больше {size})',
    'appeals.start.need.postal': 'почтовый адрес — только если хотите получить ответ ещё и письмом',
    'appeals.start.need.draft':
      'Начатое обращение сохраняется как черновик в личном кабинете: можно прерваться и вернуться позже.',
    'appeals.start.esia.title': 'Почему нужно войти через Госуслуги',
    'appeals.start.esia.body':
      'Электронное обращение рассматривают, только если известно, кто его написал. Поэтому войти нужно через Госуслуги: орган будет знать, что письмо не отправлено от чужого имени, а ваши фамилия и имя подставятся в обращение сами.',
    'appeals.start.esia.law':
      'Это правило действует с 30 марта 2025 года: его ввёл Федеральный закон от 28 декабря 2024 г. № 547-ФЗ, изменивший закон № 59-ФЗ.',
    'appeals.start.esia.infoRequest':
      'Для запроса сведений о работе органа вход через Госуслуги не обязателен: достаточно учётной записи с подтверждённой электронной почтой (Федеральный закон от 9 февраля 2009 г. № 8-ФЗ, ст. 18).',
    'appeals.start.esia.demo':
      'Это демонстрационный портал: здесь принимаются и учётные записи с подтверждённой электронной почтой.',
    'appeals.start.time.title': 'Когда ответят',
    'appeals.start.time.appeal':
      'На обращение — в течение {days} дней со дня регистрации. Если нужна проверка, срок могут продлить ещё не больше чем на {ext} дней, и вам об этом сообщат (закон № 59-ФЗ, ст. 12).',
    'appeals.start.time.info_request':
      'На запрос сведений о работе органа — в течение {days} дней; если сведения собирать дольше, срок могут продлить не больше чем на {ext} дней, сообщив вам об этом заранее (закон № 8-ФЗ, ст. 18).',
    'appeals.start.time.media_request':
      'На запрос редакции СМИ — в течение {days} дней (Закон «О средствах массовой информации», ст. 40).',
    'appeals.start.time.forward':
      'Если вопрос решает другой орган, обращение перешлют ему в течение {days} дней и сообщат вам, куда.',
    'appeals.start.button': 'Начать',
    'appeals.start.signedInAs': 'Вы вошли на портал. Кнопка «Начать» откроет форму.',
    'appeals.start.signInFirst': 'Кнопка «Начать» предложит войти, а после входа откроет форму.',
    // Guide to the competent body
    'appeals.guide.title': 'Кому написать',
    'appeals.guide.topic': 'О чём ваше обращение?',
    'appeals.guide.topic.hint': 'Мы подскажем, какой орган решает этот вопрос, и объясним почему.',
    'appeals.guide.topic.other': 'Другое или не знаю',
    'appeals.guide.place': 'Где это?',
    'appeals.guide.place.hint':
      'Нужно, если вопрос решает администрация округа. Выберите округ или напишите название населённого пункта.',
    'appeals.guide.municipality': 'Городской или муниципальный округ',
    'appeals.guide.municipality.none': 'Не знаю',
    'appeals.guide.settlement': 'Или населённый пункт',
    'appeals.guide.settlement.hint': 'Город, посёлок или деревня, например: Низовье',
    'appeals.guide.submit': 'Подобрать орган',
    'appeals.guide.fullList': 'Я знаю, куда писать: выбрать орган из полного списка',
    'appeals.guide.proposal.title': 'Ваш вопрос решает',
    'appeals.guide.proposal.why': 'Почему:',
    'appeals.guide.proposal.write': 'Написать в этот орган',
    'appeals.guide.topic.required': 'Выберите, о чём обращение, или «Другое или не знаю»',
    'appeals.guide.place.required':
      'Выберите округ или напишите населённый пункт: этот вопрос решает администрация по месту',
    'appeals.guide.settlement.unknown':
      'Этого населённого пункта нет в нашем списке. Выберите округ, в котором он находится',
    'appeals.field.addressee.chosen': 'Кому: ',
    'appeals.field.addressee.change': 'Подобрать другой орган',
    'appeals.field.addressee.fullList': 'выбрать из полного списка',
    'appeals.field.addressee.or': 'или',
    'appeals.field.placeAndPhotos': 'Место и фотографии (необязательно)',
    'appeals.field.files': 'Файлы (необязательно)',
    'appeals.field.place.appeal': 'Адрес места, о котором вы пишете',
    'appeals.field.place.appeal.hint':
      'Например: д. Низовье, ул. Садовая, у дома 5. Если обращение не о месте, оставьте пустым.',
    'appeals.field.photos': 'Фотографии или документы',
    'appeals.field.photos.hint':
      'Можно приложить до {count} файлов: фотографии в формате JPG или PNG, документы в PDF или DOCX. Каждый файл — не больше {size}.',
    'appeals.view.place': 'Место',
    // Names from Госуслуги, drafts and the check page
    'appeals.field.namesFromEsia': 'Фамилия, имя и отчество',
    'appeals.check.nameFromEsia': 'Из Госуслуг: изменить можно только там',
    'appeals.form.continue': 'Продолжить',
    'appeals.form.saveDraft': 'Сохранить черновик и выйти',
    'appeals.form.draftNote':
      '«Продолжить» покажет всё, что вы написали, перед отправкой. Черновик можно сохранить и вернуться к нему позже из личного кабинета.',
    'appeals.check.title': 'Проверьте данные',
    'appeals.check.lead':
      'Обращение ещё не отправлено. Проверьте, всё ли верно; исправить можно по ссылке «Изменить».',
    'appeals.check.change': 'Изменить',
    'appeals.check.none': 'Не указано',
    'appeals.check.to': 'Кому',
    'appeals.check.name': 'Фамилия, имя, отчество',
    'appeals.check.postalAddress': 'Почтовый адрес',
    'appeals.check.phone': 'Телефон',
    'appeals.check.appeal': 'Обращение',
    'appeals.check.subject': 'Кратко, о чём',
    'appeals.check.files': 'Фотографии и файлы',
    'appeals.check.publication': 'Публикация с вашими данными',
    'appeals.check.publication.yes': 'Согласие дано',
    'appeals.check.publication.no': 'Нет: ответ может быть опубликован только обезличенным',
    'appeals.check.send.title': 'Отправить',
    'appeals.check.send.body':
      'Обращение зарегистрируют сразу после отправки: вы увидите номер и срок ответа, а на почту придёт уведомление.',
    'appeals.check.send': 'Отправить обращение',
    'appeals.check.later': 'Отправить позже: черновик сохранён в разделе «Мои обращения»',
    'appeals.drafts.title': 'Черновики',
    'appeals.drafts.updated': 'Сохранён',
    'appeals.drafts.what': 'Кому и о чём',
    'appeals.drafts.actions': 'Действия',
    'appeals.drafts.continue': 'Продолжить',
    'appeals.drafts.delete': 'Удалить',
    'appeals.drafts.noAddressee': 'Адресат не выбран',
    'appeals.drafts.saved': 'Черновик сохранён. Продолжить его можно из списка «Черновики» ниже.',
    'appeals.drafts.deleted': 'Черновик удалён.',
    // Confirmation and receipt
    'appeals.confirm.noticeSent': 'Уведомление с номером и сроком ответа отправлено на {email}.',
    'appeals.confirm.noticeQueued':
      'Уведомление с номером и сроком ответа придёт на {email}: почтовый сервер его пока не принял, портал повторяет отправку. Номер и срок уже указаны на этой странице.',
    'appeals.confirm.receipt': 'Скачать расписку о регистрации (PDF)',
    'appeals.confirm.given': 'Что вы отправили',
    'appeals.confirm.next': 'Что будет дальше',
    'appeals.confirm.next.answer': '{org} ответит не позднее {date} на адрес {email}.',
    'appeals.confirm.next.post': 'Ответ придёт и письмом на указанный почтовый адрес.',
    'appeals.confirm.next.forward':
      'Если вопрос решает другой орган, обращение перешлют туда не позднее {date} и сообщат вам об этом.',
    'appeals.confirm.next.track': 'Ход рассмотрения виден на этой странице и в разделе «Мои обращения».',
    'appeals.receipt.title': 'Расписка о регистрации, № {number}',
    'appeals.receipt.author': 'Автор',
    'appeals.receipt.next':
      'Ответ будет дан не позднее {date}. Если вопрос решает другой орган, обращение будет направлено туда не позднее {forward} с уведомлением автора.',
    'appeals.receipt.nextMedia':
      'Информация будет предоставлена не позднее {date}. Об отсрочке или отказе редакцию уведомят не позднее {notice}.',
    'appeals.receipt.footer': 'Портал «Открытый регион», {date}. Состояние обращения: {link}',
  },
  en: {
    'appeals.start.lead':
      'Here you can write to a ministry, an agency or the administration of your district: make a proposal, ask for help, complain or request information. The appeal is registered at once: you get its number and the date the answer is due.',
    'appeals.start.who.title': 'Who can write',
    'appeals.start.who.body':
      'Anyone: a Russian citizen, a foreign citizen or a stateless person. You can write about your own matter or about something that concerns everyone — a road, a yard, a school, a clinic. Neighbours can write together: a collective appeal is signed by several people.',
    'appeals.start.who.law':
      'This is what Federal Law No. 59-FZ of 2 May 2006 “On the procedure for considering appeals of citizens of the Russian Federation” says.',
    'appeals.start.need.title': 'What you will need',
    'appeals.start.need.esia': 'an account on Gosuslugi (the public services portal)',
    'appeals.start.need.email': 'an e-mail address — the registration notice and the answer come there',
    'appeals.start.need.text': 'a few words about what happened, where, and what you ask for',
    'appeals.start.need.optional':
      'if you wish, the address of the place you write about, and photos or documents (up to {count} files: JPG, PNG, PDF or DOCX, each at most {size})',
    'appeals.start.need.postal': 'a postal address — only if you also want the answer by post',
    'appeals.start.need.draft':
      'An appeal you have started is kept as a draft in your account: you can stop and come back later.',
    'appeals.start.esia.title': 'Why you sign in through Gosuslugi',
    'appeals.start.esia.body':
      'An electronic appeal is considered only when it is known who wrote it. So you sign in through Gosuslugi: the body knows the letter was not sent in someone else’s name, and your name is filled in for you.',
    'appeals.start.esia.law':
      'This rule applies since 30 March 2025: Federal Law No. 547-FZ of 28 December 2024 introduced it into Law No. 59-FZ.',
    'appeals.start.esia.infoRequest':
      'A request for information about a body’s work does not need Gosuslugi: an account with a confirmed e-mail address is enough (Federal Law No. 8-FZ of 9 February 2009, art. 18).',
    'appeals.start.esia.demo':
      'This is a demonstration portal: accounts with a confirmed e-mail address are accepted too.',
    'appeals.start.time.title': 'When you get an answer',
    'appeals.start.time.appeal':
      'An appeal: within {days} days of registration. If a check is needed, the period may be extended by at most {ext} days, and you are told (Law No. 59-FZ, art. 12).',
    'appeals.start.time.info_request':
      'A request for information about a body’s work: within {days} days; if the information takes longer to gather, the period may be extended by at most {ext} days, and you are told beforehand (Law No. 8-FZ, art. 18).',
    'appeals.start.time.media_request':
      'A request from a media outlet: within {days} days (Law “On the mass media”, art. 40).',
    'appeals.start.time.forward':
      'If another body decides the matter, the appeal is sent on to it within {days} days and you are told where.',
    'appeals.start.button': 'Start now',
    'appeals.start.signedInAs': 'You are signed in. «Start now» opens the form.',
    'appeals.start.signInFirst': '«Start now» asks you to sign in, then opens the form.',
    'appeals.guide.title': 'Who to write to',
    'appeals.guide.topic': 'What is your appeal about?',
    'appeals.guide.topic.hint': 'We suggest the body that decides the matter and explain why.',
    'appeals.guide.topic.other': 'Something else, or I do not know',
    'appeals.guide.place': 'Where is it?',
    'appeals.guide.place.hint':
      'Needed when the district administration decides the matter. Choose the district or type the name of the town or village.',
    'appeals.guide.municipality': 'City or municipal district',
    'appeals.guide.municipality.none': 'I do not know',
    'appeals.guide.settlement': 'Or the town or village',
    'appeals.guide.settlement.hint': 'For example: Nizovye (in Russian)',
    'appeals.guide.submit': 'Suggest a body',
    'appeals.guide.fullList': 'I know where to write: choose from the full list of bodies',
    'appeals.guide.proposal.title': 'Your matter is decided by',
    'appeals.guide.proposal.why': 'Why:',
    'appeals.guide.proposal.write': 'Write to this body',
    'appeals.guide.topic.required': 'Choose what the appeal is about, or «Something else»',
    'appeals.guide.place.required':
      'Choose the district or type the town or village: the local administration decides this matter',
    'appeals.guide.settlement.unknown': 'This place is not on our list. Choose the district it is in',
    'appeals.field.addressee.chosen': 'To: ',
    'appeals.field.addressee.change': 'Find another body',
    'appeals.field.addressee.fullList': 'choose from the full list',
    'appeals.field.addressee.or': 'or',
    'appeals.field.placeAndPhotos': 'Place and photos (optional)',
    'appeals.field.files': 'Files (optional)',
    'appeals.field.place.appeal': 'Address of the place you write about',
    'appeals.field.place.appeal.hint':
      'For example: Nizovye, Sadovaya street, by house 5. Leave empty if the appeal is not about a place.',
    'appeals.field.photos': 'Photos or documents',
    'appeals.field.photos.hint':
      'You can attach up to {count} files: photos as JPG or PNG, documents as PDF or DOCX. Each file at most {size}.',
    'appeals.view.place': 'Place',
    'appeals.field.namesFromEsia': 'Full name',
    'appeals.check.nameFromEsia': 'From Gosuslugi: it can be changed only there',
    'appeals.form.continue': 'Continue',
    'appeals.form.saveDraft': 'Save as draft and leave',
    'appeals.form.draftNote':
      '«Continue» shows everything you wrote before sending. You can save a draft and come back to it later from your account.',
    'appeals.check.title': 'Check your answers',
    'appeals.check.lead':
      'The appeal has not been sent yet. Check that everything is right; «Change» lets you correct it.',
    'appeals.check.change': 'Change',
    'appeals.check.none': 'Not given',
    'appeals.check.to': 'To',
    'appeals.check.name': 'Full name',
    'appeals.check.postalAddress': 'Postal address',
    'appeals.check.phone': 'Phone',
    'appeals.check.appeal': 'The appeal',
    'appeals.check.subject': 'In short',
    'appeals.check.files': 'Photos and files',
    'appeals.check.publication': 'Publication with your details',
    'appeals.check.publication.yes': 'Consent given',
    'appeals.check.publication.no': 'No: the answer may be published only anonymised',
    'appeals.check.send.title': 'Send',
    'appeals.check.send.body':
      'The appeal is registered as soon as it is sent: you see its number and the answer date, and a notice comes by e-mail.',
    'appeals.check.send': 'Send the appeal',
    'appeals.check.later': 'Send later: the draft is kept in «My appeals»',
    'appeals.drafts.title': 'Drafts',
    'appeals.drafts.updated': 'Saved',
    'appeals.drafts.what': 'To whom and about what',
    'appeals.drafts.actions': 'Actions',
    'appeals.drafts.continue': 'Continue',
    'appeals.drafts.delete': 'Delete',
    'appeals.drafts.noAddressee': 'No addressee chosen',
    'appeals.drafts.saved': 'The draft is saved. Continue it from «Drafts» below.',
    'appeals.drafts.deleted': 'The draft is deleted.',
    'appeals.confirm.noticeSent': 'A notice with the number and the answer date has been sent to {email}.',
    'appeals.confirm.noticeQueued':
      'A notice with the number and the answer date will come to {email}: the mail server has not taken it yet, and the portal keeps trying. The number and the date are on this page already.',
    'appeals.confirm.receipt': 'Download the registration receipt (PDF)',
    'appeals.confirm.given': 'What you sent',
    'appeals.confirm.next': 'What happens next',
    'appeals.confirm.next.answer': '{org} answers by {date} at {email}.',
    'appeals.confirm.next.post': 'The answer also comes by post to the postal address you gave.',
    'appeals.confirm.next.forward':
      'If another body decides the matter, the appeal is sent on to it by {date} and you are told.',
    'appeals.confirm.next.track': 'You can follow it on this page and in «My appeals».',
    'appeals.receipt.title': 'Registration receipt, No. {number}',
    'appeals.receipt.author': 'Author',
    'appeals.receipt.next':
      'The answer is due by {date}. If another body decides the matter, the appeal is sent on to it by {forward} and the author is told.',
    'appeals.receipt.nextMedia':
      'The information is due by {date}. A notice of delay or refusal is due by {notice}.',
    'appeals.receipt.footer': 'Open Region portal, {date}. Status of the appeal: {link}',
  },
});
