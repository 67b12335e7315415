// UI strings only: what the bot itself says follows the bot's own language (LOCALE on the server).
const STRINGS = {
  fr: {
    workspace: 'Espace de travail',
    skip: 'Aller à la zone de saisie',
    sandbox: 'bac à sable de charte-bot',
    iAm: 'Je suis',
    channels: 'Canaux',
    botMessages: 'Messages du bot',
    send: 'Envoyer',
    reply: 'Répondre',
    replyLabel: 'Répondre dans le fil',
    writeIn: (c) => `Écrire dans ${c}`,
    writeToBot: 'Écrire au bot',
    hint: 'Entrée pour envoyer · Maj+Entrée pour aller à la ligne · essayez /charte aide',
    thread: 'Fil de discussion',
    close: 'Fermer',
    menu: 'Menu',
    replies: (n) => (n === 1 ? '1 réponse' : `${n} réponses`),
    edit: 'Modifier',
    delete: 'Supprimer',
    save: 'Enregistrer',
    cancel: 'Annuler',
    edited: '(modifié)',
    onlyYou: 'Visible par vous seulement',
    reset: 'Réinitialiser le bac à sable',
    resetConfirm: 'Effacer tous les messages et revenir au bac à sable de départ ?',
    resetDone: 'Bac à sable remis à neuf.',
    switchTo: 'English',
    switchLang: 'en',
    committee: 'comité',
    staff: 'accompagnement',
    bot: 'BOT',
    botDm: 'charte-bot',
    privateChannel: 'canal privé',
    emptyChannel: 'Pas encore de message ici. Lancez-vous !',
    emptyDm: 'Le bot vous écrira ici s’il a un conseil pour vous. Rien pour l’instant : tout va bien 🙂',
    live: '● en direct',
    offline: '○ reconnexion…',
    unread: (n) => `${n} non lu${n > 1 ? 's' : ''}`,
    deleteConfirm: 'Supprimer ce message ?',
    newMessage: (who, where) => `Nouveau message de ${who} dans ${where}`,
    welcome:
      'Bienvenue dans le bac à sable ! Ici, une coopérative imaginaire discute et charte-bot veille sur la charte. ' +
      'Choisissez un membre, postez une offre avec un prix dans #general, et regardez le bot réagir (en douceur). ' +
      'Sophie est au comité éthique : elle voit le canal du comité.',
    tryExample: 'Essayer un exemple',
    example: 'Je lance mon pack identité visuelle : logo + cartes de visite à 490 €, écrivez-moi en privé !',
    gotIt: 'Compris',
    errors: {
      network: 'Le bac à sable ne répond pas. Il tourne toujours ?',
      bot_unavailable: 'Message publié, mais le bot n’a pas pu le lire (voir les journaux).',
      no_button: 'Ce bouton a déjà servi.',
      too_long: 'Message trop long (4000 caractères au plus).',
      generic: 'Oups, ça n’a pas marché.',
    },
  },
  en: {
    workspace: 'Workspace',
    skip: 'Skip to the message box',
    sandbox: 'charte-bot playground',
    iAm: 'I am',
    channels: 'Channels',
    botMessages: 'Messages from the bot',
    send: 'Send',
    reply: 'Reply',
    replyLabel: 'Reply in thread',
    writeIn: (c) => `Message ${c}`,
    writeToBot: 'Message the bot',
    hint: 'Enter to send · Shift+Enter for a new line · try /charte help',
    thread: 'Thread',
    close: 'Close',
    menu: 'Menu',
    replies: (n) => (n === 1 ? '1 reply' : `${n} replies`),
    edit: 'Edit',
    delete: 'Delete',
    save: 'Save',
    cancel: 'Cancel',
    edited: '(edited)',
    onlyYou: 'Only visible to you',
    reset: 'Reset the playground',
    resetConfirm: 'Erase all messages and go back to the starting playground?',
    resetDone: 'Playground reset.',
    switchTo: 'Français',
    switchLang: 'fr',
    committee: 'committee',
    staff: 'support staff',
    bot: 'BOT',
    botDm: 'charte-bot',
    privateChannel: 'private channel',
    emptyChannel: 'No messages here yet. Go ahead!',
    emptyDm: 'The bot will write here if it has a tip for you. Nothing yet: all good 🙂',
    live: '● live',
    offline: '○ reconnecting…',
    unread: (n) => `${n} unread`,
    deleteConfirm: 'Delete this message?',
    newMessage: (who, where) => `New message from ${who} in ${where}`,
    welcome:
      'Welcome to the playground! An imaginary cooperative chats here and charte-bot looks after its charter. ' +
      'Pick a member, post an offer with a price in #general, and watch the bot react (gently). ' +
      'Sophie sits on the ethics committee: she sees the committee channel. (The bot speaks the language set by LOCALE.)',
    tryExample: 'Try an example',
    example: 'Launching my brand identity pack: logo + business cards for 490 €, DM me!',
    gotIt: 'Got it',
    errors: {
      network: 'The playground is not answering. Is it still running?',
      bot_unavailable: 'Posted, but the bot could not read it (see the logs).',
      no_button: 'This button was already used.',
      too_long: 'Message too long (4000 characters at most).',
      generic: 'Oops, that did not work.',
    },
  },
};

let lang = localStorage.getItem('playground.lang') === 'en' ? 'en' : 'fr';

export function t(key, ...args) {
  const value = key.split('.').reduce((o, k) => (o ? o[k] : undefined), STRINGS[lang]);
  if (typeof value === 'function') return value(...args);
  return value ?? key;
}

export function currentLang() {
  return lang;
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'fr';
  localStorage.setItem('playground.lang', lang);
  applyStaticStrings();
}

/** Fills every element marked `data-i18n` (text) or `data-i18n-label` (aria-label) in the page. */
export function applyStaticStrings() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  const sw = document.getElementById('lang-switch');
  sw.textContent = t('switchTo');
  sw.lang = t('switchLang');
}
