/** The few sentences the Slack adapter says itself (the core writes everything else). */
export interface SlackTexts {
  modalTitle: string;
  modalSubmit: string;
  modalClose: string;
  modalIntro: string;
  reasonLabel: string;
  reasonPlaceholder: string;
  reasonMissing: string;
  commandFailed: string;
  actionFailed: string;
  reportFailed: string;
}

const fr: SlackTexts = {
  modalTitle: 'Signaler au comité',
  modalSubmit: 'Envoyer',
  modalClose: 'Annuler',
  modalIntro: "Ce message sera transmis au comité d'éthique, et à lui seul. Pas de panique : le comité aime les explications courtes.",
  reasonLabel: 'Pourquoi ce message pose-t-il souci ?',
  reasonPlaceholder: 'Ex. : pub en plein #general, propos blessants…',
  reasonMissing: 'Un petit mot pour le comité, même bref ?',
  commandFailed: "Oups, je me suis pris les pieds dans le tapis : la commande n'a pas abouti. Réessayez dans un instant.",
  actionFailed: "Oups, ce bouton n'a pas répondu. Réessayez dans un instant (je suis un robot, je ne me vexe pas).",
  reportFailed: "Oups, le signalement n'est pas parti. Réessayez dans un instant, ou écrivez directement au comité.",
};

const en: SlackTexts = {
  modalTitle: 'Report to the committee',
  modalSubmit: 'Send',
  modalClose: 'Cancel',
  modalIntro: 'This message goes to the ethics committee, and only to them. Short explanations are perfect.',
  reasonLabel: 'What is the problem with this message?',
  reasonPlaceholder: 'E.g. an ad in #general, hurtful words…',
  reasonMissing: 'A few words for the committee, even short ones?',
  commandFailed: "Oops, I tripped over the rug: the command didn't go through. Please try again in a moment.",
  actionFailed: "Oops, that button didn't answer. Please try again in a moment (I'm a bot, I don't take it personally).",
  reportFailed: "Oops, the report didn't go out. Please try again in a moment, or write to the committee directly.",
};

export function slackTexts(locale: 'fr' | 'en'): SlackTexts {
  return locale === 'en' ? en : fr;
}
