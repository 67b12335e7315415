import type { Catalog } from './catalog.js';

export const catalogFr: Catalog = {
  reminder: {
    openers: [
      "Coucou ! Ton message a un petit air de vitrine 🛍️, et ce canal, c'est plutôt le coin café.",
      'Psst… ton message sent bon la plaquette commerciale 📇. Ici, on papote plutôt qu’on prospecte.',
      'Bonjour ! Petit conseil de com’ : une belle annonce mérite un bel écrin 💎.',
      'Hé ! On dirait une pub qui s’est trompée de porte 🚪. Pas de panique, je lui montre le chemin.',
      'Salut ! Ton offre a l’air chouette, tellement qu’elle mérite sa propre scène 🎤.',
      'Coucou ! Le comité a un faible pour les annonces… rangées au bon endroit 🗂️.',
      'Ding dong 🔔 ! Le facteur du comité passe : ta pub a oublié la bonne adresse.',
      'Bonjour ! Tu as le sens du commerce, aucun doute 📈. Juste un petit rappel, sans gros sabots.',
      'Tiens tiens… un message qui fleure bon le bon de commande 🧾. On range ça ensemble ?',
      'Hello ! Conseil de com’ n°1 : une annonce se lit mieux là où on vient les chercher 👀.',
      'Coucou ! Ta pub fait du stop au mauvais carrefour 🚦. Je te dépose au bon endroit ?',
      'Bonjour ! Un petit mot de la charte, servi avec le sourire 😊 (aucune sanction, promis).',
      'Oyez oyez 📯 ! Les crieurs publics de la coop ont leur place attitrée.',
      'Salut ! Ta prose commerciale est réussie ✍️ : elle sera encore mieux lue au bon endroit.',
    ],
    noticed: (reasons) => `J’ai remarqué : ${reasons}.`,
    belongs: (annonces) => `Les annonces commerciales vont dans ${annonces} : le bouton ci-dessous l’y publie pour toi.`,
    belongsFrom: (annonces, date) =>
      `Rien de grave : à partir du ${date}, les annonces commerciales iront dans ${annonces}. D’ici là, prépare ta petite pub !`,
    charterAt: (link) => `La charte : ${link}`,
    charterCommand: 'La charte : tape `/charte charte`.',
    signature: '— le bot du comité éthique 🤖',
    nothingSpecific: 'un ton d’annonce commerciale',
  },
  buttons: {
    repost: 'Publier dans #annonces',
    notPromo: 'Ce n’était pas de la pub',
    falsePositive: 'Faux positif',
    confirmed: 'Bien vu',
  },
  committee: {
    incident: (p) => `🔎 ${p.who} dans ${p.where} · « ${p.excerpt} » · ${p.reasons} · score ${p.score} · ${p.action}`,
    conduct: (p) => `⚠️ Conduite : ${p.who} dans ${p.where} · « ${p.excerpt} » · ${p.reasons} · aucun MP envoyé`,
    report: (p) => `📨 Signalement de ${p.reporter} : ${p.who} dans ${p.where} · « ${p.excerpt} » · motif : ${p.reason}`,
    actionReminded: 'rappel envoyé en MP',
    actionWouldRemind: (dm) => `mode observation, aurait envoyé : « ${dm} »`,
    actionRepeat: (last) => `récidive dans le délai (rappel le ${last}), pas de MP`,
    actionWouldRepeat: (last) => `mode observation, dans le délai (rappel simulé le ${last}), rien n’aurait été envoyé`,
    graceNote: 'période de lancement',
    recidive: (who, count) =>
      `🔁 Récidive : ${who} a reçu ${count} rappels en 30 jours. Aucune sanction automatique : un mot du comité, peut-être ?`,
    contested: (who, where) => `🙋 ${who} conteste le rappel pour son message dans ${where} : « ce n’était pas de la pub ». Plus de rappel pour ce message.`,
    reposted: (who) => `✅ ${who} a republié son annonce dans le bon canal.`,
    verdictStored: (v, by) => (v === 'false_positive' ? `Verdict : faux positif (${by})` : `Verdict : bien vu (${by})`),
    publicWarning: (channel) =>
      `⚠️ Attention : ${channel} est un canal PUBLIC. Les lignes du comité citent des messages de membres : rendez ce canal privé.`,
  },
  actions: {
    reposted: (annonces) =>
      `Merci ! 🙌 Ton annonce est publiée dans ${annonces}. Tu peux maintenant supprimer le message d’origine (menu ⋯ du message › Supprimer).`,
    repostHeader: (who) => `📣 Annonce de ${who} :`,
    repostUpdate: (annonces) => `✅ Publié dans ${annonces}. Merci !`,
    contestedReply: 'Bien noté, merci ! Le comité est prévenu et je ne t’embêterai plus avec ce message. 🙏',
    contestedUpdate: '🙋 Contesté : le comité est prévenu. Désolé pour le dérangement !',
    notYours: 'Ce bouton est réservé à la personne qui a reçu le rappel.',
    gone: 'Ce cas n’existe plus (supprimé ou purgé).',
    committeeOnly: 'Ce bouton est réservé aux membres du comité éthique.',
    alreadyDone: 'C’est déjà fait. 👍',
  },
  digest: {
    title: (n) => `🗞️ Résumé du jour : ${n} cas`,
    empty: '🗞️ Résumé du jour : rien à signaler. Tout le monde est sage ! 😇',
    posted: (channel) => `Résumé posté dans ${channel}.`,
  },
  date: (d, timeZone) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone }).format(d),
};
