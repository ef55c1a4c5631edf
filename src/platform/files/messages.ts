import { defineMessages } from '../i18n/index.ts';

export const filesMessages = defineMessages({
  ru: {
    'files.error.tooMany': 'Выберите не больше файлов, чем указано в подсказке',
    'files.error.tooLarge': 'Файл больше допустимого размера: уменьшите его или выберите другой',
    'files.error.empty': 'Выбранный файл пуст: выберите другой файл',
    'files.error.type': 'Файл не того формата: выберите файл одного из форматов, указанных в подсказке',
    'files.error.mismatch':
      'Содержимое файла не совпадает с его расширением: сохраните файл в нужном формате заново',
    'files.hint.rules': 'Форматы: {kinds}. Не больше {count} файлов, каждый до {size}.',
  },
  en: {
    'files.error.tooMany': 'Choose no more files than the hint says',
    'files.error.tooLarge': 'The file is over the size limit: make it smaller or choose another',
    'files.error.empty': 'The selected file is empty: choose another file',
    'files.error.type': 'The file is not in an accepted format: choose a file of a format listed in the hint',
    'files.error.mismatch':
      'The file content does not match its extension: save the file again in the right format',
    'files.hint.rules': 'Formats: {kinds}. Up to {count} files, each up to {size}.',
  },
});
