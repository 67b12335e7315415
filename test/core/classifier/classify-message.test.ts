import { describe, expect, it } from 'vitest';
import { classifyMessage, classifyPromotion, detectConduct, explainPromotion, isAllowedChannel, DEFAULT_THRESHOLD } from '../../../src/core/classifier/classify-message.js';
import { actionFor } from '../../../src/core/classifier/is-allowed-channel.js';

// Real-looking messages written for these tests (not copied from the data sets).
const PROMO: [string, string][] = [
  ['price + DM', 'Retouche photo pro pour vos fiches produits, 6€ la photo, écrivez-moi en MP 📸'],
  ['discount code', 'Petite promo sur mes bougies ce week-end : -15% avec le code CIRE15 🕯️'],
  ['paid workshop', 'Atelier poterie samedi à Besançon, 55€ les 3h, il reste 4 places !'],
  ['follow ask', 'Abonnez-vous à ma chaîne YouTube sur la rénovation, je poste un tuto chaque mardi 🔨'],
  ['shop link only', '<https://www.etsy.com/shop/LesPetitsPoints|ma boutique Etsy> ✨'],
  ['product for sale', 'Je vends mes confitures maison, 5€ le pot, livraison possible sur Dijon 🍓'],
  ['first-person offer', "Je propose des massages assis en entreprise, tarifs sur demande, pensez à moi pour vos séminaires"],
  ['pivot', "Quelle belle journée à Lyon ☀️ D'ailleurs j'ai encore deux créneaux pour des séances photo à 90€ cette semaine"],
  ['english', "I'm a freelance copywriter offering 20% off all blog packages this month, DM me for rates!"],
  ['english course', 'My online course on bookkeeping basics is €39 until Friday only, sign up via the link in my bio'],
  ['SMS-style euro', 'jfé des tresses a domicile 20e la coiffure, mp moi si ca vous dit'],
  ['buy-N-get-one', 'Carte fidélité : 4 cours achetés = le 5e offert, valable tout le trimestre'],
  ['open for clients', "Je prends de nouveaux clients dès janvier en graphisme print, faites passer le mot autour de vous"],
  ['own goods available', 'Mes bols en grès émaillé sont enfin disponibles, 28€ pièce'],
];

const OK: [string, string][] = [
  ['help request', 'Quelqu’un connaît un bon serrurier sur Nantes ? Je suis enfermée dehors 😅'],
  ['price talk', 'Vous facturez combien une journée de formation ? On me propose 300€ et ça me paraît peu'],
  ['coop news', "L'AG de la coop aura lieu le 12 juin, l'ordre du jour est dans l'intranet"],
  ['free resource', "Je partage un modèle gratuit de devis en libre accès, servez-vous 🙂"],
  ['third-party event', "La CCI organise une matinée sur l'export à 20€, je n'y serai pas mais ça peut intéresser"],
  ['venting with price', "Marre de ces loyers à 900€ pour un bureau minuscule, c'est n'importe quoi"],
  ['social', 'Bon week-end à toutes et tous, profitez du soleil 🌞'],
  ['english question', 'Does anyone know how to set up VAT for clients in Germany?'],
  ['emoji ZWJ', 'Nouvelle semaine, nouveaux projets 👨‍💻👩‍🎨 bon courage à tous !'],
  ['charter talk', 'Rappel : les annonces commerciales vont dans #annonces, merci 💛'],
  ['car-pool room', "J'ai encore de la place dans ma voiture pour le séminaire de Tours, qui veut ?"],
  ['ordinal, not euros', "3e la semaine que l'imprimante du local nous lâche"],
  ['reminder, not an offer', 'Petit rappel que je ne serai pas là jeudi, je donne mon pouvoir à Malik'],
];

describe('classifyPromotion', () => {
  it.each(PROMO)('flags promotion: %s', (_name, text) => {
    const v = classifyPromotion(text);
    expect(v.promotional).toBe(true);
    expect(v.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(v.reasons.length).toBeGreaterThan(0);
  });

  it.each(OK)('leaves ordinary chat alone: %s', (_name, text) => {
    expect(classifyPromotion(text).promotional).toBe(false);
  });

  it('sees through obfuscation', () => {
    const disguised = [
      'P R O M O sur mes cours de guitare : - 2 0 % avec le code G U I T A R E 2 0',
      'c.o.n.t.a.c.t.e.z m.o.i en m.p pour vos s.i.t.e.s à 4.0.0 €',
      'C-O-A-C-H-I-N-G bien-être, 5-0 € la séance, dm moi',
      'j3 f@is d3s s1t3s à pr1x c@ssé, 300 € l3 s1t3, dm m01',
      'Rе́duсtіоn de 20% sur mes séances de reiki, réservation en MP', // Cyrillic look-alikes
      'Ré​duc​tion de 30% sur mes por​traits, code PHO​TO30', // zero-width spaces
      '🅿🆁🅾🅼🅾 sur mes bijoux -20% ce week-end',
      'Site : atelier-lune[point]fr, contact : lune[arobase]atelier-lune[point]fr, devis gratuit',
      'cours de violon, vingt-cinq balles de l’heure, écrivez-moi',
    ];
    for (const text of disguised) {
      const v = classifyPromotion(text);
      expect(v.promotional, text).toBe(true);
    }
  });

  it('reads Slack and Markdown links', () => {
    expect(classifyPromotion('<https://calendly.com/anne-coach/decouverte|Réservez votre séance>').promotional).toBe(true);
    expect(classifyPromotion('[Mon portfolio](https://lea-design.fr) — ouverte aux nouvelles missions !').promotional).toBe(true);
  });

  it('applies the thread rule', () => {
    const request = 'Quelqu’un connaît un·e photographe pour des portraits pro à Lille ? Des recommandations ?';
    const answer = 'Moi ! Je fais des portraits pro à Lille, 120€ la séance, je t’envoie mon book en MP';
    expect(classifyPromotion(answer, { parentText: request }).promotional).toBe(false);
    const social = 'Qui est partant pour un apéro jeudi soir à Lille ? 🍻';
    const pitch = 'Pas dispo, mais si vous voulez des portraits pro je fais 120€ la séance 📸';
    expect(classifyPromotion(pitch, { parentText: social }).promotional).toBe(true);
    const howto = 'Mon imprimante ne marche plus depuis la mise à jour, une idée ?';
    const hijack = 'Redémarre-la. Sinon je fais du dépannage à domicile à 45€ l’heure, mon site : depanne-vite.fr';
    expect(classifyPromotion(hijack, { parentText: howto }).promotional).toBe(true);
  });

  it('explains in plain words, in French and English, with the evidence', () => {
    const v = classifyPromotion('Logo + charte graphique 490 €, écrivez-moi en MP');
    const fr = v.reasons.map((r) => r.fr);
    const en = v.reasons.map((r) => r.en);
    expect(fr).toContain('un prix (490 €)');
    expect(en).toContain('a price (€490)');
    expect(fr.some((r) => r.includes('écrire en MP'))).toBe(true);
    for (const r of v.reasons) expect(r.code).toMatch(/^[a-z_]+$/);
  });

  it('respects a stricter threshold', () => {
    const text = 'Je fais des sites vitrines, n’hésitez pas';
    const loose = classifyPromotion(text, { threshold: 0.3 });
    const strict = classifyPromotion(text, { threshold: 0.99 });
    expect(loose.score).toBe(strict.score);
    expect(strict.promotional).toBe(false);
  });

  it('stays linear: a 200 KB message completes and is still judged', () => {
    const filler = 'On parle de la pluie et du beau temps, rien de commercial ici. '.repeat(3500);
    const text = `${filler}Au fait, mes cours de yoga sont à 15€ la séance, réservez en MP !`;
    expect(text.length).toBeGreaterThan(200_000);
    const v = classifyMessage(text);
    expect(v.promotional).toBe(true);
    const nasty = `${'a.'.repeat(60_000)}${'1 '.repeat(40_000)}${'@'.repeat(20_000)}`;
    expect(classifyMessage(nasty).promotional).toBe(false);
  });

  it('never throws on odd input', () => {
    for (const t of ['', ' ', '\u200b\u200b', '🅿', '€€€€', '<https://|>', '[](', 'a'.repeat(10)]) {
      expect(() => classifyMessage(t)).not.toThrow();
    }
  });
});

describe('signals that add up', () => {
  it('flags two sides of a pitch together, though neither is enough alone', () => {
    expect(classifyPromotion('Je donne des cours de piano.').promotional).toBe(false);
    expect(classifyPromotion('Il me reste trois créneaux le jeudi.').promotional).toBe(false);
    expect(classifyPromotion('Je donne des cours de piano, il me reste trois créneaux le jeudi.').promotional).toBe(true);
  });

  it("does not add up the coop's own event: a price and a sign-up under coop news stay news", () => {
    const v = classifyPromotion('La coop organise son repas de fin d’année le 12, participation 10€, inscriptions sur l’intranet');
    expect(v.promotional).toBe(false);
  });

  it('reads "0 €" as free, not as a price', () => {
    expect(classifyPromotion('Rappel : la formation sécurité de la coop est à 0€ pour les membres').promotional).toBe(false);
  });

  it('reads a supplier’s price rise as price talk, not a discount', () => {
    const v = classifyPromotion('Le grossiste a encore augmenté : +12 % sur le lin. Qui veut faire une commande groupée avec moi ?');
    expect(v.promotional).toBe(false);
  });

  it('reads a lift as a favour, but a seat sold at a price as a sale', () => {
    expect(classifyPromotion('Je descends à Lyon samedi, il me reste deux places dans ma voiture, qui veut ?').promotional).toBe(false);
    expect(classifyPromotion('Trajet Nantes-Rennes samedi, 15 € la place dans ma voiture, réservez vite !').promotional).toBe(true);
  });

  it('reads someone else’s price rise and an invoice between members as price talk', () => {
    expect(classifyPromotion('La salle polyvalente a doublé ses tarifs, 30 € de l’heure maintenant, ça pique pour nos ateliers').promotional).toBe(false);
    expect(classifyPromotion('@nadia ma facture de février est partie, tu me dis si les 800 € te conviennent ?').promotional).toBe(false);
  });

  it('reads « je te fais un prix » and « vous savez à qui penser » as offers', () => {
    expect(explainPromotion('Si un jour vous refaites votre cuisine, je suis menuisier, je vous fais un prix').contributions.map((c) => c.code)).toContain('discount');
    expect(explainPromotion('Encore une terrasse finie ce matin 🌞 vous savez à qui penser pour la vôtre').contributions.map((c) => c.code)).toContain('contact_me');
  });

  it('reads « Vous cherchez un X ? Moi ! » as an offer, and « moi aussi » as not', () => {
    const codes = (t: string): string[] => explainPromotion(t).contributions.map((c) => c.code);
    expect(codes('Vous cherchez une couturière pour vos ourlets ? Moi 😄 retouches en 48 h')).toContain('self_offer');
    expect(codes('Vous cherchez un bon resto à Laval ? Moi aussi !')).not.toContain('self_offer');
  });

  it('reads "je ne touche rien" as a recommendation of someone else’s business', () => {
    const v = explainPromotion('Pour vos cartes de visite, l’imprimerie de Gilles à Vierzon est rapide et pas chère, je touche rien hein');
    expect(v.promotional).toBe(false);
    expect(v.contributions.map((c) => c.code)).toContain('third_party');
  });

  it('sees the pitch after an opening question, even when the question asks for a tip', () => {
    const v = classifyPromotion('Hello, qqn a une astuce pour relancer les impayés ? Au passage, si vous cherchez une graphiste pour vos plaquettes, j’ai encore de la place en mai');
    expect(v.promotional).toBe(true);
  });

  it('does not show the "several ingredients" tally as a reason: members read the concrete ones', () => {
    const v = classifyPromotion('Je lance mes ateliers de céramique : 45 € la séance, écrivez-moi !');
    expect(v.reasons.map((r) => r.code)).not.toContain('stacked_pitch');
  });
});

describe('a pitch after an innocent opening', () => {
  it('is not excused by coop news in the opening', () => {
    const v = classifyPromotion("Merci pour l'AG d'hier, super orga ! D'ailleurs si vous cherchez une illustratrice pour vos supports, j'ai une offre à 150€ le lot de 5 visuels");
    expect(v.promotional).toBe(true);
  });

  it('while coop news carrying a price stays news', () => {
    expect(classifyPromotion("La coop organise une journée compta le 3 mars, 20€ le repas, inscriptions sur l'intranet").promotional).toBe(false);
  });
});

describe('introducing oneself', () => {
  it('is a pitch when it comes with a way to reach one', () => {
    // (Asked as a question, « …je t’envoie le détail en MP ? », it now scores just under the line: the
    // word model reads « je t'envoie … en MP » mostly in answers to requests. README, known misses.)
    expect(classifyPromotion('Je suis sophrologue à Lille, j’ai un programme anti-stress en 5 séances, écrivez-moi en MP pour le détail').promotional).toBe(true);
  });

  it('is not, alone, in a help request', () => {
    expect(classifyPromotion('Je suis graphiste, quelqu’un sait comment déclarer une cession de droits ?').promotional).toBe(false);
  });

  it('nor are the prices one thinks of charging, asked to peers', () => {
    expect(classifyPromotion('Je pense passer mes cours de 25 à 30€, vous pensez que les clients vont suivre ?').promotional).toBe(false);
  });
});

describe('threads asking for a tool or a tip', () => {
  const toolAsk = 'Vous utilisez quoi comme outil pour vos devis ?';

  it('lets a reply name a tool and its price', () => {
    expect(classifyMessage('Henrri perso, gratuit jusqu’à 3 factures/mois puis 9€, ça me suffit', { parentText: toolAsk }).promotional).toBe(false);
  });

  it('flags a reply that pitches one’s own paid service instead', () => {
    const v = classifyMessage('Aucun, je les fais à la main. Mais si vous voulez les déléguer, c’est mon métier : 30€ le devis mis en page, MP', { parentText: toolAsk });
    expect(v.promotional).toBe(true);
  });

  it('reads "des idées de bons carreleurs ?" as a request for a provider, and "des idées de recettes ?" as not', () => {
    const reply = 'Moi je fais ça, 35€ le m², dis-moi en MP';
    expect(classifyMessage(reply, { parentText: 'Des idées de bons carreleurs vers Angers ?' }).promotional).toBe(false);
    const pitch = 'Je fais des buffets froids à 15€ par personne, livrés, je t’envoie la carte en MP ?';
    expect(classifyMessage(pitch, { parentText: 'Des idées de recettes pour un pot de 30 personnes ? je cherche de l’inspi' }).promotional).toBe(true);
  });

  it('reads an urgent need, "qui est dispo ?" and "prêt à payer" as requests for a provider', () => {
    const answer = 'Moi ! Dispo ce jour-là, quelques photos de mariages ici : <https://exemple-photo.fr|exemple-photo.fr>';
    for (const parent of ['Besoin urgent d’une photographe samedi à Tulle, qui est dispo ?', 'Qui pourrait me refaire mon site ? Je suis prête à payer', 'Plus de bois de chauffage, quelqu’un en vend vers Brive ?']) {
      expect(classifyPromotion(answer, { parentText: parent }).promotional).toBe(false);
    }
    expect(classifyPromotion(answer, { parentText: 'Quelle belle journée hier à l’AG !' }).promotional).toBe(true);
  });

  it('still treats a request for a provider as one, even next to a tool', () => {
    const v = classifyMessage('Moi je fais ça, 3€ la minute sous-titrée, dis-moi', { parentText: 'Qui a un bon outil ou un bon prestataire pour sous-titrer 10 vidéos ?' });
    expect(v.promotional).toBe(false);
  });
});

describe('detectConduct', () => {
  it.each([
    ['T’es vraiment un abruti, lis le mail avant de poser ta question'],
    ['Espèce de guignol, va vendre tes salades ailleurs'],
    ['Le comité, c’est une bande d’incompétents'],
    ["You're such an idiot, seriously"],
    ['Toi t’es vraiment la reine des connes'],
    ['Mêle-toi de tes oignons, espèce de vieux grincheux'],
    ['Les webdesigners de la coop c’est tous des tocards'],
    ['Il faut vraiment être débile pour rater un devis pareil'],
    ['Ton logo est aussi moche que toi'],
    ['Toi le gros porc du 3e, range ta vaisselle'],
    ['Qui est le crétin qui a encore pris ma place de parking ?'],
    ['Ce bouffon du bureau a encore perdu mon dossier'],
    ['Bande de branquignols au secrétariat, trois semaines pour un devis'],
    ['Proposition de crétin, comme d’habitude'],
  ])('flags an insult: %s', (text) => {
    expect(detectConduct(text).flags).toContain('insult');
  });

  it.each([
    ["Join the Awakened Light circle, Master Oren's teachings freed me, sign up for the initiation"],
    ['Wake up people, the system is rigged and only our movement will save you. Join us, we meet every Monday'],
    ['Rejoignez le Mouvement pour la Grandeur Française, adhésion sur notre site'],
  ])('flags recruiting without religious words: %s', (text) => {
    expect(detectConduct(text).flags).toContain('proselytism');
  });

  it('reads a call to convert as recruiting, and a conversion to a trade or a farming method as not', () => {
    const call = detectConduct('Il n’est pas trop tard pour vous convertir, venez dimanche au culte');
    expect(call.flags).toContain('proselytism');
    // The cause and the call are the same words: quoted once.
    expect(call.reasons[0]!.fr).toBe('un appel à rejoindre une cause religieuse, spirituelle ou politique (« vous convertir »)');
    expect(detectConduct('Vous devriez vous convertir au bio, venez à l’atelier samedi').flags).not.toContain('proselytism');
    expect(detectConduct('C’est une grosse vache normande, elle donne trente litres par jour').flags).toEqual([]);
    expect(detectConduct('Mon taux de conversion a doublé depuis la refonte, on étudie ensemble les chiffres ?').flags).toEqual([]);
    expect(detectConduct('J’ai perdu exprès au Uno pour faire plaisir au petit 😅').flags).toEqual([]);
    // Swearing at a thing is not an insult.
    expect(detectConduct('Cette conne de machine à café est encore en panne').flags).toEqual([]);
  });

  it.each([
    ['Le trésorier a un casier pour escroquerie, méfiez-vous'],
    ['La gérante s’est acheté un scooter avec nos cotisations, c’est du détournement'],
    ['Le menuisier de la coop, il fait bosser des stagiaires au black, faites gaffe'],
    ['Fuyez Gérard le plombier, il a même pas de diplôme et il arnaque les petites vieilles'],
    ['Le bureau se verse des primes en douce pendant qu’on galère'],
    ['Cette photographe revend les photos de ses clientes à des banques d’images'],
    ['Le trésorier @marc a touché des pots-de-vin de l’imprimeur, tout le monde le sait'],
    ['Le garagiste de Brive fait de la fausse facturation, demandez autour de vous'],
    ['Faites gaffe, Léon a été licencié de sa dernière boîte pour vol'],
    ['Paul a plagié les textes d’une cliente et les a publiés sous son nom'],
    ['Le secrétariat retarde exprès les paiements de ceux qui ont voté contre'],
    ['Elle a eu sa subvention parce qu’elle est copine avec la présidente, pas pour son projet'],
    ['Le vote du budget a été truqué par le bureau, ils ont bidouillé les procurations'],
    ['Il a déjà revendu la moitié de l’outillage commun pour se faire du cash'],
  ])('flags an unproven accusation: %s', (text) => {
    expect(detectConduct(text).flags).toContain('defamation');
  });

  it('treats "va vendre tes salades" as an insult, not a sale', () => {
    const v = classifyMessage('Va vendre tes salades ailleurs, personne ne t’a rien demandé');
    expect(v.conduct.flags).toContain('insult');
    expect(v.promotional).toBe(false);
  });

  it('does not mistake criticism of a decision for an insult', () => {
    for (const text of [
      'Je trouve cette décision du CA absurde et mal expliquée, il faut en reparler à l’AG',
      'C’est nul ce nouveau formulaire de notes de frais, on perd un temps fou',
      'Mon Dieu quelle journée, trois clients au téléphone en même temps',
      'Je suis nulle en Excel, quelqu’un peut m’aider ?',
      'T’es le pire 😂 j’ai ri toute la réunion',
      // Idioms and kinds of things, not accusations or insults.
      'Elle m’a volé la vedette avec sa tarte au citron 😂',
      'C’est une espèce de champignon qui pousse sur les vieux chênes',
      'Attention à la date limite, l’URSSAF ne rigole pas avec les retards',
    ]) {
      expect(detectConduct(text).flags, text).toEqual([]);
    }
  });

  it.each([
    ['Avez-vous ouvert votre cœur à Jésus ? Venez prier avec nous dimanche 🙏'],
    ['Votez pour la liste « Demain Ensemble » aux municipales, faites tourner !'],
    ['Join us for bible study on Thursday, God has a plan for you'],
    ['Adhérez au parti de la Nation, ensemble on virera les traîtres'],
    ['Suivez le maître, coupez les ponts avec vos familles, lui seul détient la clé'],
    ['La Confrérie de l’Aube t’attend, laisse ton ancienne vie derrière toi, je t’emmène jeudi'],
  ])('flags proselytism: %s', (text) => {
    const v = detectConduct(text);
    expect(v.flags).toContain('proselytism');
    expect(v.reasons[0].fr).toMatch(/appel à rejoindre/);
  });
});

describe('channel rule', () => {
  it('recognises the allowed channel in any spelling', () => {
    expect(isAllowedChannel('#annonces', 'annonces')).toBe(true);
    expect(isAllowedChannel('~Annonces', 'annonces')).toBe(true);
    expect(isAllowedChannel('annonces', '#annonces')).toBe(true);
    expect(isAllowedChannel('#general', 'annonces')).toBe(false);
    expect(isAllowedChannel('', 'annonces')).toBe(false);
  });

  it('reminds only outside the allowed channel, never in DMs', () => {
    expect(actionFor(true, '#general', 'annonces')).toBe('remind');
    expect(actionFor(true, '#annonces', 'annonces')).toBe('none');
    expect(actionFor(true, '@alice', 'annonces')).toBe('none');
    expect(actionFor(true, 'D0123ABCD', 'annonces')).toBe('none');
    expect(actionFor(false, '#general', 'annonces')).toBe('none');
  });
});

describe('reasons quote the member in their own words', () => {
  it('keeps accents and case from the original message, even though the detector reads a folded copy', () => {
    const v = classifyPromotion('Je lance mes ateliers de céramique : 45 € la séance, Écrivez-moi !');
    const fr = v.reasons.map((r) => r.fr).join(' ; ');
    expect(fr).toContain('séance');
    expect(fr).not.toContain('seance');
  });

  it('falls back to the folded evidence when a trick had to be undone to see it', () => {
    const v = classifyPromotion('P R O M O sur mes massages, -30 %, réservez vite !');
    expect(v.reasons.map((r) => r.fr).join(' ')).toMatch(/promo/i);
  });
});
