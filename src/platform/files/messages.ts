import { defineMessages } from '../i18n/index.ts';

export const filesMessages = defineMessages({
  ru: {
    'files.error.tooMany': 'Выберите не больше файлов, чем указано в подсказке',
    'files.error.tooLarge': 'Файл больше допустимого размера: уменьшите его или выберите другой',
    'files.error.empty': 'Выбранный файл пуст: выберите другой файл',
    'files.error.type': 'Файл не того формата: выберите файл одного из форматов, указанных в подсказке',
    'files.error.mismatch':
      'Содержимое файла не совпадает с его расширением: сохраните файл в нужном формате заново',
    'files.error.noSpace':
      'Файл не сохранён: на сервере закончилось место. Ваш текст сохранён в форме — попробуйте отправить позже или сообщите в поддержку портала',
    'files.hint.rules': 'Форматы: {kinds}. Не больше {count} файлов, каждый до {size}.',
  },
  en: {
    'files.error.tooMany': 'Choose no more files than the hint says',
    'files.error.tooLarge': 'The file is over the size limit: make it smaller or choose another',
    'files.error.empty': 'The selected file is empty: choose another file',
    'files.error.type': 'The file is not in an accepted format: choose a file of a format listed in the hint',
    'files.error.mismatch':
      'The file content does not match its extension: save the file again in the right format',
    'files.error.noSpace':
      'The file was not saved: the server has run out of space. Your text is kept in the form: try again later or tell the portal’s support',
    'files.hint.rules': 'Formats: {kinds}. Up to {count} files, each up to {size}.',
  },
});
