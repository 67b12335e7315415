/** The adapter's own few user-facing lines (the core writes everything else). */
export type Locale = 'fr' | 'en';

const TEXTS = {
  fr: {
    badCommandToken: "Ce /charte ne vient pas de notre serveur Mattermost (jeton inconnu). Demandez à l'admin de relancer `charte-bot setup mattermost`.",
    noCommandToken: "Le bot n'a pas encore de MATTERMOST_COMMAND_TOKEN : il refuse les /charte par prudence. L'admin peut lancer `charte-bot setup mattermost`.",
    stumbled: "Oups, le bot a trébuché sur cette commande. Réessayez dans un instant ; si ça persiste, prévenez l'admin.",
    forgedButton: "Ce bouton n'a pas été fait par ce bot : rien n'a été fait.",
    notYourButton: "Ce bouton appartient au rappel de quelqu'un d'autre : pas touche 🙂",
    actionFailed: "Oups, le bot n'a pas pu traiter ce clic. Réessayez dans un instant.",
  },
  en: {
    badCommandToken: "This /charte did not come from our Mattermost server (unknown token). Ask the admin to run `charte-bot setup mattermost` again.",
    noCommandToken: 'The bot has no MATTERMOST_COMMAND_TOKEN yet, so it refuses /charte to be safe. The admin can run `charte-bot setup mattermost`.',
    stumbled: 'Oops, the bot tripped over that command. Try again in a moment; if it keeps happening, tell the admin.',
    forgedButton: 'This button was not made by this bot: nothing was done.',
    notYourButton: "This button belongs to someone else's reminder: hands off 🙂",
    actionFailed: 'Oops, the bot could not handle that click. Try again in a moment.',
  },
} as const;

export type AdapterText = keyof (typeof TEXTS)['fr'];

export function adapterText(locale: Locale, key: AdapterText): string {
  return TEXTS[locale][key];
}
