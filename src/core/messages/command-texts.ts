import { commandTextsEn } from './command-texts.en.js';
import { commandTextsFr, type CommandTexts } from './command-texts.fr.js';

export type { CommandTexts };

export function commandTextsFor(locale: 'fr' | 'en'): CommandTexts {
  return locale === 'en' ? commandTextsEn : commandTextsFr;
}
