/**
 * Money: amounts and currencies, rates, discounts and codes, packages, offers.
 * Every regex is a flat alternation or uses bounded quantifiers
 * only, so matching stays linear (no nested `(a+)+` shapes). Read over the folded text of `normalizeText`
 * (lower case, no accents, links replaced by ⟦link⟧); collected in `signal-patterns.ts`.
 */

const AMOUNT = String.raw`\d{1,3}(?:[  .]\d{3})+(?:[.,]\d{1,2})?|\d{1,6}(?:[.,]\d{1,2})?`;
const CURRENCY_AFTER = String.raw`k ?€|€|eur(?:os?)?\b|balles\b|£|\$|usd\b|chf\b|pounds?\b|dollars?\b|boules\b|xpf\b|f ?cfa\b|cad\b|dhs?\b|dirhams?\b|dinars?\b|francs?\b|bucks?\b`;
const NUMBER_WORD = 'un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille';

/** A money amount; group 1 or 2 or 3 holds the figure. */
export const PRICE = new RegExp(
  String.raw`(?<![\w.,])(${AMOUNT}) ?(?:${CURRENCY_AFTER})|(?:€|£|\$|\beur\b|\bchf\b) ?(${AMOUNT})(?!\d)|\b((?:${NUMBER_WORD})(?:[- ](?:et[- ])?(?:${NUMBER_WORD})){0,3}) (?:euros?|balles|boules)\b|\btjm (?:est |de |a |a partir de )?(?:a )?(\d{2,4})\b|(?<![\w.])(\d{1,4}) ?p(?:pm|pw|\/min|\/msg| per (?:min|msg|minute|week))\b|(?=\d)(?<![\w.,])(?<!(?:la|le|les|au|aux|du|un|une|ma|mon|sa|son|ta|ton|sur|des) )(\d{1,5})e (?=(?:la|le|les|l'|par|pour|piece|\/)(?![a-z]))(?!(?:la|le|les|l') ?(?:fois|semaine|annee|an|mois|jour|journee|edition|place|plus|moins|meilleure?|seule?|siecle|etage|rang|partie|saison|tour|generation|classe|promo)\b)`,
  'g',
);

/** A price stated per unit of time or item, or with HT/TTC: the shape of a rate card. */
export const PRICE_RATE = new RegExp(
  String.raw`(?:€|eur(?:os?)?|balles|£|\$)\s?(?:h\.?t\.?\b|ttc\b|\/ ?[a-z]|par (?:une? )?[a-z]{2,}\b|per \w|each\b|(?:la|le|les|l') ?(?:seance|heure|demi|journee|jour|mois|semaine|soiree|nuit|personne|pers|piece|unite|pot|bouteille|fiche|page|mot|logo|panier|part|carte|minute|session|intervention|photo|lot|caisse|heure|h)\b|de l'heure|a l'heure|pi[e]ce|l'unite)|(?:€|£|\$) ?\d+(?:[.,]\d+)? ?(?:\/ ?[a-z]|per \w|an? (?:hour|month|day|word|night|session|lesson|class)|each|drop-in)|\btjm\b|\b(?:day|daily|hourly) rate\b`,
);

export const DISCOUNT = /\b(?:(?:a )?moitie prix|half price|half off|je (?:te|vous) (?:fais|ferai|ferais|fait|propose) (?:un (?:petit |bon )?(?:prix|tarif)|une (?:petite )?(?:remise|ristourne|reduc\w*))|black friday|cyber monday|(?:tarif|prix) (?:decouverte|de bienvenue|d'essai)|prix de gros|tarifs? (?:de gros|pros?|professionnels?)|offre de parrainage|offre parrainage|je vous offre \d{1,2} ?%|\d{1,2} ?% de commission)\b|(?:^|[\s(])[-−] ?\d{1,2} ?%|(?<![+\d] ?)\d{1,2} ?% (?:de (?:reduc\w*|remise|rabais|moins)|off\b|discount|sur (?:tout|toutes|tous|mes|les|la|le|ma|mon))|\b(?:reduction|reduc|remise|rabais|promo|soldes|discount|early ?bird|vente flash|offre flash|flash sales?|special rate|discounted rate|prix (?:de lancement|casse|special|doux|mini|sympas?)|tarifs? sympas?|tarifs? (?:de lancement|preferentiel(?:le)?s?|speci(?:al|aux|ale?s?)|reduit(?:e|s|es)?|degressifs?|coop\w*|membres?|amica(?:l|ux))|prix (?:reduits?|amica(?:l|ux)|d'ami)|achete(?:e|s|es)? ?[=+:,]? ?(?:la |le |une? |\d{1,2} )?(?:[a-z]+ ){0,2}(?:offerte?s?|gratuite?s?)|\d{1,2}e (?:offerte?|gratuite?)|buy (?:one|\d{1,2}),? get (?:one|\d{1,2})|\d (?:pour|for) le prix d(?:e |')|for the price of|special offer|launch price|je brade|\d{1,2} ?% off|\d{1,2} ?% aux?)\b|\d ?(?:€|eur\w*)? au lieu de \d|\d ?(?:€)? instead of|~\d+ ?€?~/;

/** `code XYZ20`, `coupon=…`, `w/ code …`: the token must look like a code (digits or SHOUTED in `cased`). */
export const CODE_WITH_DIGITS = /\b(?:code|coupon)(?: promo)?\s?[:=]?\s?[*_«"']*([a-z]{2,15}\d{1,3})(?![a-z0-9])/;
export const CODE_UPPER = /\b(?:[Cc]ode|CODE|[Cc]oupon)(?: promo)?\s?:?\s?[*_«"']*([A-Z]{3,15}\d{0,3})(?![a-z0-9])/;
export const STANDALONE_CODE = /\b([A-Z]{3,12}\d{2,3})(?![a-z0-9])/;

export const PACKAGE = /\b(?:formules?|packs?|forfaits?|abonnements?|packages?|bundles?|cle en main|tout compris|de (?:a a z|aaz)|all inclusive|starter pack)(?![a-z0-9])/;

export const OFFER_WORDS = /\b(?:devis en \d+ ?h|rates? (?:on|upon) request|quick turnaround|(?:mes|les|nos) (?:tarifs|prix|formules)(?: [a-z']+){0,3} (?:sont|est) (?:la|ici|dispo|en ligne)|(?:my|our) (?:[a-z-]+ ){1,2}(?:services|packages|sessions|classes|workshops|rates)|sur[- ]mesure|(?:mon|ma|mes|notre|nos|my|our) (?:nouvel(?:le)? |nouveaux |nouvelles |prochaine? )?(?:offres?|tarifs?|prestations?|services?|accompagnement|programme|formations?|cours|seances|ateliers?|creations|produits|catalogue|rates|offer|programmes?|coaching|gamme|collection|consultations?|missions?)|offres? (?:speciale|flash|de lancement|decouverte|membres?|coop\w*|limitee|du moment|d'ete|de printemps|de noel)|tarifs? (?:en mp|sur demande|et dispos?|journee|horaire|raisonnables?|honnetes?|competitifs?|attractifs?)|devis(?<!(?:modele|template|exemple|trame)s? d[e'] ?devis) (?:gratuit|offert|sous \d+ ?h?|sur (?:photo|simple demande|demande))|satisfait ou rembourse|(?:carte|programme) (?:de )?fidelite|loyalty (?:card|programme|program)|(?:proposition|offre|devis|tarif) (?:adaptee?|sur mesure|personnalisee?)|tailored (?:quote|offer|proposal)|j'ai une offre|une offre a \d+|catalogue)(?![a-z0-9])/;

/** One's own sales material: a brochure or a rate card in attachment is an advert, not a free resource. */
export const SALES_MATERIAL = /\b(?:mon|ma|mes|notre|nos|my|our) (?:nouvel(?:le)? |nouveaux |nouvelles |new )?(?:plaquettes?|brochures?|flyers?|cartes? de visite|grille tarifaire|media kit|press kit|rate card|price list)(?![a-z0-9])/;
