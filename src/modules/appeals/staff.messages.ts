import { defineMessages } from '../../platform/i18n/index.ts';

/** Texts of the staff side of appeals: outcomes, the queue, actions, reminders, the report. */
export const appealsStaffMessages = defineMessages({
  ru: {
    // ССТУ.РФ statuses per question
    'appeals.sstu.not_received': 'Не поступило',
    'appeals.sstu.not_registered': 'Не зарегистрировано',
    'appeals.sstu.in_review': 'Находится на рассмотрении',
    'appeals.sstu.explained': 'Рассмотрено. Разъяснено',
    'appeals.sstu.supported': 'Рассмотрено. Поддержано',
    'appeals.sstu.supported_measures': 'Рассмотрено. Поддержано, в т. ч. меры приняты',
    'appeals.sstu.not_supported': 'Рассмотрено. Не поддержано',
    'appeals.sstu.forwarded': 'Направлено по компетенции',
    'appeals.sstu.answered_to_author': 'Дан ответ автору',
    'appeals.sstu.left_without_answer': 'Оставлено без ответа автору',
    'appeals.sstu.extended': 'Рассмотрение продлено',
    'appeals.sstu.flag.commission': 'Рассмотрено комиссионно',
    'appeals.sstu.flag.on_site': 'Рассмотрено с выездом на место',
    'appeals.sstu.flag.with_author': 'Рассмотрено с участием заявителя',
    'appeals.sstu.flag.signed_by_head': 'Ответ подписан руководителем',
    'appeals.sstu.flag.signed_by_deputy': 'Ответ подписан заместителем руководителя',
    'appeals.sstu.flag.late': 'Рассмотрено с нарушением срока',
    'appeals.sstu.flag.on_control': 'Взято на контроль',

    // 59-ФЗ art. 11: left without an answer
    'appeals.wa.no_name_or_address': 'Не указаны фамилия или почтовый (электронный) адрес для ответа',
    'appeals.wa.obscene_or_threats': 'Нецензурные или оскорбительные выражения, угрозы',
    'appeals.wa.unreadable': 'Текст не поддаётся прочтению',
    'appeals.wa.essence_unclear': 'Текст не позволяет определить суть обращения',
    'appeals.wa.repeated_no_new_args': 'Повторное обращение без новых доводов: переписка прекращена',
    'appeals.wa.answer_published_online': 'Ответ на вопрос уже размещён на официальном сайте',
    'appeals.wa.state_secret': 'Ответ невозможен без разглашения охраняемой законом тайны',
    'appeals.wa.no_name_or_address.hint':
      'Ответ не даётся и уведомление не направляется. Если в обращении сообщается о преступлении, его направляют в правоохранительный орган.',
    'appeals.wa.obscene_or_threats.hint':
      'Можно оставить без ответа по существу; гражданину сообщают о недопустимости злоупотребления правом.',
    'appeals.wa.unreadable.hint':
      'Ответ не даётся, обращение не пересылается; уведомление — в течение 7 дней, если фамилия и адрес читаются.',
    'appeals.wa.essence_unclear.hint':
      'Ответ не даётся, обращение не пересылается; уведомление — в течение 7 дней.',
    'appeals.wa.repeated_no_new_args.hint':
      'Решение о прекращении переписки принимает руководитель; гражданина уведомляют.',
    'appeals.wa.answer_published_online.hint':
      'В течение 7 дней гражданину сообщают ссылку на страницу сайта с ответом.',
    'appeals.wa.state_secret.hint': 'Гражданину сообщают о невозможности дать ответ.',
    'appeals.wa.notice.subject': 'Обращение {number}: оставлено без ответа',
    'appeals.wa.notice.obscene_or_threats':
      'Ваше обращение № {number} содержит нецензурные либо оскорбительные выражения, угрозы жизни, здоровью и имуществу должностного лица или членов его семьи. Обращение оставлено без ответа по существу поставленных в нём вопросов. Сообщаем о недопустимости злоупотребления правом (часть 3 статьи 11 Федерального закона от 02.05.2006 № 59-ФЗ).',
    'appeals.wa.notice.unreadable':
      'Текст вашего обращения № {number} не поддаётся прочтению. Ответ на обращение не даётся, и оно не направляется на рассмотрение в другой орган (часть 4 статьи 11 Федерального закона № 59-ФЗ).',
    'appeals.wa.notice.essence_unclear':
      'Текст вашего обращения № {number} не позволяет определить суть предложения, заявления или жалобы. Ответ на обращение не даётся, и оно не направляется на рассмотрение в другой орган (часть 4.1 статьи 11 Федерального закона № 59-ФЗ).',
    'appeals.wa.notice.repeated_no_new_args':
      'В вашем обращении № {number} содержится вопрос, на который вам неоднократно давались письменные ответы по существу, и не приводятся новые доводы или обстоятельства. Руководитель принял решение о безосновательности очередного обращения и прекращении переписки с вами по этому вопросу (часть 5 статьи 11 Федерального закона № 59-ФЗ).',
    'appeals.wa.notice.answer_published_online':
      'Ответ на вопрос, поставленный в вашем обращении № {number}, размещён на официальном сайте: {link} (часть 5.1 статьи 11 Федерального закона № 59-ФЗ).',
    'appeals.wa.notice.state_secret':
      'Ответ по существу вопроса, поставленного в вашем обращении № {number}, не может быть дан без разглашения сведений, составляющих государственную или иную охраняемую федеральным законом тайну. Сообщаем о невозможности дать ответ (часть 6 статьи 11 Федерального закона № 59-ФЗ).',

    // 8-ФЗ art. 20: refusal of an information request
    'appeals.refusal.unclear': 'Содержание запроса не позволяет установить запрашиваемую информацию',
    'appeals.refusal.no_address': 'Не указан адрес для направления ответа',
    'appeals.refusal.not_our_info': 'Информация не относится к деятельности органа',
    'appeals.refusal.restricted': 'Информация ограниченного доступа',
    'appeals.refusal.already_provided': 'Информация ранее предоставлялась пользователю',
    'appeals.refusal.legal_assessment_requested': 'Запрошена правовая оценка актов органа',
    'appeals.refusal.notice.subject': 'Запрос {number}: информация не предоставляется',
    'appeals.refusal.notice.unclear':
      'Содержание вашего запроса № {number} не позволяет установить запрашиваемую информацию (пункт 1 части 1 статьи 20 Федерального закона от 09.02.2009 № 8-ФЗ). Уточните, пожалуйста, какую информацию вы хотите получить, и направьте запрос снова.',
    'appeals.refusal.notice.not_our_info':
      'Информация, запрошенная в запросе № {number}, не относится к деятельности органа (пункт 3 части 1 статьи 20 Федерального закона № 8-ФЗ).',
    'appeals.refusal.notice.restricted':
      'Информация, запрошенная в запросе № {number}, относится к информации ограниченного доступа (пункт 4 части 1 статьи 20 Федерального закона № 8-ФЗ).',
    'appeals.refusal.notice.already_provided':
      'Информация, запрошенная в запросе № {number}, была вам предоставлена ранее (пункт 5 части 1 статьи 20 Федерального закона № 8-ФЗ).',
    'appeals.refusal.notice.legal_assessment_requested':
      'В запросе № {number} ставится вопрос о правовой оценке актов органа, проведении анализа его деятельности или иной аналитической работы, непосредственно не связанной с защитой ваших прав (пункт 6 части 1 статьи 20 Федерального закона № 8-ФЗ).',

    // ТОТК picker
    'appeals.staff.topic.choose': 'Выберите вопрос',
    'appeals.totk.partial':
      'Классификатор ТОТК в этой версии неполный ({version}): в нём разделы, тематики и известные вопросы. Полную редакцию загружает администратор.',
  },
  en: {
    'appeals.sstu.not_received': 'Not received',
    'appeals.sstu.not_registered': 'Not registered',
    'appeals.sstu.in_review': 'Under consideration',
    'appeals.sstu.explained': 'Considered. Explained',
    'appeals.sstu.supported': 'Considered. Supported',
    'appeals.sstu.supported_measures': 'Considered. Supported, measures taken',
    'appeals.sstu.not_supported': 'Considered. Not supported',
    'appeals.sstu.forwarded': 'Forwarded to the competent body',
    'appeals.sstu.answered_to_author': 'Answer given to the author',
    'appeals.sstu.left_without_answer': 'Left without an answer',
    'appeals.sstu.extended': 'Consideration extended',
    'appeals.sstu.flag.commission': 'Considered by a commission',
    'appeals.sstu.flag.on_site': 'Considered with a site visit',
    'appeals.sstu.flag.with_author': 'Considered with the author present',
    'appeals.sstu.flag.signed_by_head': 'Answer signed by the head',
    'appeals.sstu.flag.signed_by_deputy': 'Answer signed by a deputy head',
    'appeals.sstu.flag.late': 'Considered late',
    'appeals.sstu.flag.on_control': 'Taken under control',
    'appeals.wa.no_name_or_address': 'No name or address for the answer',
    'appeals.wa.obscene_or_threats': 'Obscene or offensive language, threats',
    'appeals.wa.unreadable': 'The text cannot be read',
    'appeals.wa.essence_unclear': 'The text does not let one tell what is asked',
    'appeals.wa.repeated_no_new_args': 'Repeated without new arguments: correspondence ended',
    'appeals.wa.answer_published_online': 'The answer is already published on the official site',
    'appeals.wa.state_secret': 'An answer would disclose a secret protected by law',
    'appeals.wa.no_name_or_address.hint':
      'No answer and no notice. If the appeal reports a crime, it is forwarded to law enforcement.',
    'appeals.wa.obscene_or_threats.hint':
      'May be left without an answer on the merits; the citizen is told that abuse of the right is inadmissible.',
    'appeals.wa.unreadable.hint':
      'No answer, not forwarded; notice within 7 days if the name and address can be read.',
    'appeals.wa.essence_unclear.hint': 'No answer, not forwarded; notice within 7 days.',
    'appeals.wa.repeated_no_new_args.hint':
      'The head decides to end the correspondence; the citizen is notified.',
    'appeals.wa.answer_published_online.hint':
      'Within 7 days the citizen gets a link to the published answer.',
    'appeals.wa.state_secret.hint': 'The citizen is told that an answer is impossible.',
    'appeals.wa.notice.subject': 'Appeal {number}: left without an answer',
    'appeals.refusal.unclear': 'The request does not let one tell what information is asked for',
    'appeals.refusal.no_address': 'No address for the answer',
    'appeals.refusal.not_our_info': 'The information does not concern this body',
    'appeals.refusal.restricted': 'Restricted information',
    'appeals.refusal.already_provided': 'The information was provided before',
    'appeals.refusal.legal_assessment_requested': 'A legal assessment of the body’s acts is requested',
    'appeals.refusal.notice.subject': 'Request {number}: information not provided',
    'appeals.staff.topic.choose': 'Choose a question',
    'appeals.totk.partial':
      'The ТОТК classifier in this release is partial ({version}): sections, themes and the known questions. An administrator loads the full edition.',
  },
});
