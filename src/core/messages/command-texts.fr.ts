/** Texts of the `/charte` commands, French (the reference; English must have the same shape). */
export const commandTextsFr = {
  help: (p: { committee: boolean }) =>
    [
      '/charte : le bot du comité éthique 🤖',
      '• `aide` : cette aide',
      '• `charte` : les règles clés de la charte',
      '• `tuto` : un tuto (drôle) de com’ en MP',
      '• `test <texte>` : ce que je dirais d’un brouillon, avant de le poster',
      '• `signaler <lien> <raison>` : signaler un message au comité',
      '• `mes-donnees` : ce que je garde sur toi',
      ...(p.committee
        ? [
            'Comité :',
            '• `stats [jours]` · `mode observation|actif` · `seuil <0..1>`',
            '• `exempter #canal` · `inclure #canal`',
            '• `resume` (le résumé maintenant) · `quotidien <heure>|off` (résumé quotidien au lieu d’une ligne par cas)',
            '• `lancement <AAAA-MM-JJ>` · `comite <message>` · `oublier @membre`',
          ]
        : []),
    ].join('\n'),
  charter: (p: { annonces: string; link?: string }) =>
    [
      'La charte, en bref 📜',
      `1. Les annonces commerciales et l’autopromotion vont dans ${p.annonces}, et nulle part ailleurs (ta page perso mise à part).`,
      '2. Bienveillance : ni insultes ni diffamation. On peut ne pas être d’accord poliment.',
      '3. Pas de prosélytisme.',
      '4. Le comité éthique veille, avec le sourire : des conseils, pas des sanctions.',
      p.link ? `La charte complète : ${p.link}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  tuto: (p: { annonces: string }) =>
    [
      'Tuto de com’ en 5 étapes (testé sur des humains) 🎓',
      '1️⃣ Le bon canal. Une pub dans #general, c’est comme un flyer glissé dans une carte d’anniversaire : ça se remarque, pas en bien.',
      `2️⃣ Le bon endroit pour vendre : ${p.annonces}. Les gens y viennent exprès pour ça, c’est donc là que ton offre brille ✨.`,
      '3️⃣ Le titre qui claque. Ce que tu proposes, pour qui, en une ligne. Les romans, c’est pour la bibliothèque.',
      '4️⃣ Un prix, un contact, un lien. Pas besoin de « ÉNORME PROMO !!! » : les majuscules crient, les coopérateurs fuient.',
      '5️⃣ Ailleurs, on échange. Une question, un coup de main, un retour d’expérience : la communauté adore. Et si quelqu’un te demande ton offre en fil, tu peux répondre, bien sûr !',
      'Bonus : un doute ? `/charte test <ton texte>` avant de poster. 😉',
      '— le bot du comité éthique 🤖',
    ].join('\n'),
  tutoSent: 'Tuto envoyé en MP ! 📬',
  testPromo: (reminder: string) => `Si tu postais ça hors des annonces, je t’enverrais ceci :\n${reminder}`,
  testClean: (score: string) => `Rien à signaler, ça passe crème 👌 (score ${score})`,
  testConduct: (reasons: string) => `⚠️ Ce message serait signalé au comité : ${reasons}.`,
  testUsage: 'Usage : `/charte test <ton texte>`',
  reportUsage: 'Usage : `/charte signaler <lien du message> <raison>`',
  myData: (p: { reminders: number; lines: string[]; retentionDays: number }) =>
    p.lines.length === 0 && p.reminders === 0
      ? `Je ne garde rien sur toi. 🫙 (Tout est effacé au bout de ${p.retentionDays} jours de toute façon.)`
      : [
          `Ce que je garde sur toi : ${p.reminders} rappel(s) récent(s), ${p.lines.length} cas.`,
          ...p.lines,
          `Conservé ${p.retentionDays} jours au plus. Pour tout effacer, demande au comité.`,
        ].join('\n'),
  refused: 'Désolé, cette commande est réservée aux membres du comité éthique. 🙏 Tape `/charte aide` pour la liste des commandes.',
  modeSet: (mode: 'actif' | 'observation'): string =>
    mode === 'observation'
      ? 'Mode observation : le comité voit ce que j’aurais envoyé, personne ne reçoit de MP.'
      : 'Mode actif : j’envoie les rappels en MP.',
  modeUsage: 'Usage : `/charte mode observation` ou `/charte mode actif`',
  channelUsage: (cmd: string) => `Usage : \`/charte ${cmd} #canal\``,
  channelNotFound: (name: string) => `Je ne trouve pas le canal « ${name} ».`,
  exempted: (channel: string) => `${channel} est exempté : je n’y lis plus rien.`,
  included: (channel: string) => `${channel} est de nouveau suivi.`,
  thresholdSet: (v: string) => `Seuil réglé à ${v}. (Plus haut = moins de rappels, mais plus de pubs ratées.)`,
  thresholdUsage: 'Usage : `/charte seuil 0.6` (un nombre entre 0 et 1)',
  launchUsage: 'Usage : `/charte lancement 2026-12-15` (ou 15/12/2026)',
  launchNoGeneral: (name: string) => `Je ne trouve pas le canal « ${name} » pour annoncer le lancement.`,
  launchAnnouncement: (p: { annonces: string; date: string }) =>
    [
      `📣 Nouveau : ${p.annonces} ! Les annonces commerciales ont désormais leur canal.`,
      `À partir du ${p.date}, c’est là (et seulement là, ta page perso mise à part) qu’on partage offres, prestations et promos. Abonne-toi pour les voir passer !`,
      `D’ici là, prends le temps de préparer ta petite pub 🎨. Des questions ? \`/charte aide\``,
      '— le bot du comité éthique 🤖',
    ].join('\n'),
  launchSet: (p: { date: string; channel: string }) => `Lancement annoncé dans ${p.channel}. Jusqu’au ${p.date}, rappels en douceur et pas d’alerte au comité.`,
  committeePost: (message: string) => `🏛️ Le comité éthique : ${message}`,
  committeePosted: 'Posté au nom du comité. ✅',
  committeeUsage: 'Usage : `/charte comite <message>`',
  forgetUsage: 'Usage : `/charte oublier @membre`',
  forgetUnknown: (name: string) => `Je ne connais pas « ${name} ».`,
  forgotten: (p: { who: string; count: number }) => `J’ai effacé ${p.who} : ${p.count} cas et tout son historique.`,
  digestSet: (hour: number | null) =>
    hour === null ? 'Résumé quotidien désactivé : une ligne par cas, comme avant.' : `Résumé quotidien à ${hour} h : une seule ligne par jour au lieu d’une par cas.`,
  digestUsage: 'Usage : `/charte quotidien 18` (heure 0–23) ou `/charte quotidien off`',
  audit: (p: { who: string; what: string }) => `🛠️ ${p.who} : ${p.what}`,
  stats: (p: {
    days: number;
    total: number;
    reminded: number;
    repeats: number;
    observed: number;
    conduct: number;
    reports: number;
    contested: number;
    reposted: number;
    falsePositives: number;
    confirmed: number;
    channels: string;
    mode: string;
    threshold: string;
    launch: string;
    digest: string;
    exempt: string;
  }) =>
    [
      `📊 ${p.days} derniers jours : ${p.total} cas`,
      `• rappels envoyés : ${p.reminded} · répétitions sans MP : ${p.repeats} · en observation : ${p.observed}`,
      `• conduite : ${p.conduct} · signalements : ${p.reports}`,
      `• contestés : ${p.contested} · republiés dans les annonces : ${p.reposted}`,
      `• verdicts du comité : ${p.confirmed} bien vu, ${p.falsePositives} faux positifs`,
      `• canaux : ${p.channels || '—'}`,
      `⚙️ mode ${p.mode} · seuil ${p.threshold} · lancement ${p.launch} · résumé ${p.digest} · exemptés ${p.exempt}`,
    ].join('\n'),
  none: 'aucun',
  perCase: 'par cas',
  error: 'Oups, je n’ai pas pu faire ça (problème technique). Réessaie dans un instant. 🙏',
};

export type CommandTexts = typeof commandTextsFr;
