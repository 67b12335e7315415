import type { NormalizedText } from './normalize-text.js';
import * as P from './signal-patterns.js';
import { gatedMatch, gateOf, gatePattern } from './pattern-gate.js';

/**
 * The detector's features: each one a plain-language signal with its evidence. Values are 0/1 so the
 * weighted score stays readable ("a price: +1.4"). The weights live in `weights.json`.
 */

export interface FeatureContext {
  n: NormalizedText;
  /** The thread root, normalised, when the message is a reply. */
  parent?: NormalizedText;
}

export interface FeatureHit {
  /** Short evidence quoted in the reason, e.g. `490 €`; empty when the signal speaks for itself. */
  evidence: string;
  /** English evidence when it differs (e.g. `€490`). */
  enEvidence?: string;
}

export interface FeatureDef {
  code: string;
  /** +1: pushes towards promotion; -1: pushes away. Training keeps each weight on its side. */
  sign: 1 | -1;
  /** Starting weight (hand-set), also the anchor the training is pulled back to. */
  prior: number;
  /**
   * Says what the message is instead of an advert (an answer to a request for a provider, coop news,
   * someone else's business…): the word model may then only lower the score (`wordingWeight`).
   */
  innocent?: true;
  fr: (evidence: string) => string;
  en: (evidence: string) => string;
  detect: (ctx: FeatureContext, cache: Cache) => FeatureHit | null;
}

/** Shared intermediate results, computed once per message. */
interface Cache {
  price?: PriceHit[];
  commercialCore?: boolean;
  pivot?: FeatureHit | null;
  /** Where the pivot word starts, when there is one: what comes before it is the innocent opening. */
  pivotAt?: number;
  /** The hits found so far, in `FEATURES` order (signals late in the list may read earlier ones). */
  hits: (FeatureHit | null)[];
  /** Whether the thread root asks for a provider (two signals ask). */
  providerRequest?: boolean;
}

/**
 * Patterns read elsewhere than on the folded text through `run` (cased text, links, the thread root…):
 * never run ahead for a batch. (The price list, global, is read by `findPrices` and never run ahead either.)
 */
const OWN_WAY = new Set<RegExp>([
  P.COMMERCIAL_HINT, P.PROVIDER_REQUEST, P.TOOL_REQUEST, P.SOCIAL_HANDLE, P.CODE_UPPER, P.STANDALONE_CODE, P.SHOP_DOMAIN, P.NEUTRAL_DOMAIN,
]);
const PATTERNS = Object.values(P).filter((v): v is RegExp => v instanceof RegExp);
/** Each pattern's slot in the shared gate (`pattern-gate.ts`). */
const SLOT = new Map<RegExp, number>(PATTERNS.map((re) => [re, gatePattern(re, { prefetch: !OWN_WAY.has(re) })]));
const PRICE_SLOT = SLOT.get(P.PRICE)!;

/**
 * `re` over the folded text `c.n.text` (the only text the gate read), at most once per message, and not
 * at all when the gate rules it out. Patterns run on other text (`cased`, links) call `exec` themselves.
 */
function run(re: RegExp, c: FeatureContext): RegExpExecArray | null {
  return gatedMatch(c.n, SLOT.get(re)!, c.n.text);
}

interface PriceHit { fr: string; en: string; index: number }

const cut = (s: string, max = 40): string => {
  // Evidence from the folded text is nearly always one line with single spaces: skip the rewrite then.
  const t = /\s\s|[\t\n\r\f\v\u00a0]|^\s|\s$/.test(s) ? s.trim().replace(/\s+/g, ' ') : s;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};
const quoteFr = (e: string): string => (e ? ` (« ${e} »)` : '');
const quoteEn = (e: string): string => (e ? ` ("${e}")` : '');
const paren = (e: string): string => (e ? ` (${e})` : '');

/** Evidence is tidied only when someone reads it (reasons shown), not for every signal that fires. */
class MatchHit implements FeatureHit {
  constructor(private readonly raw: string) {}
  get evidence(): string { return cut(this.raw); }
}

function hit(re: RegExp, c: FeatureContext): FeatureHit | null {
  const m = run(re, c);
  return m ? new MatchHit(m[0]) : null;
}
const test = (re: RegExp, c: FeatureContext): boolean => run(re, c) !== null;

function findPrices(ctx: FeatureContext, cache: Cache): PriceHit[] {
  if (cache.price) return cache.price;
  const out: PriceHit[] = [];
  cache.price = out;
  if (gateOf(ctx.n)[PRICE_SLOT] !== 1) return out;
  const re = P.PRICE;
  re.lastIndex = 0;
  for (let m = re.exec(ctx.n.text); m !== null && out.length < 8; m = re.exec(ctx.n.text)) {
    const whole = m[0];
    const amount = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? '').trim();
    // "0 €" is what free costs: no price.
    if (/^0+(?:[.,]0+)?$/.test(amount)) continue;
    let cur = '€';
    if (/£|pound/.test(whole)) cur = '£';
    else if (/\$|dollar|usd|buck/.test(whole)) cur = '$';
    else if (/chf/.test(whole)) cur = 'CHF';
    else if (/xpf/.test(whole)) cur = 'XPF';
    else if (/cfa/.test(whole)) cur = 'FCFA';
    else if (/cad/.test(whole)) cur = 'CAD';
    else if (/dh|dirham/.test(whole)) cur = 'MAD';
    else if (/dinar/.test(whole)) cur = 'dinars';
    else if (/franc/.test(whole)) cur = 'francs';
    if (m[3] !== undefined || /balles|boules/.test(whole)) {
      out.push({ fr: cut(whole), en: `"${cut(whole)}"`, index: m.index ?? 0 });
    } else if (m[4] !== undefined) {
      out.push({ fr: `TJM ${amount} €`, en: `day rate ${amount}`, index: m.index ?? 0 });
    } else if (m[5] !== undefined) {
      out.push({ fr: `${amount} p`, en: `${amount}p`, index: m.index ?? 0 });
    } else {
      out.push({ fr: `${amount} ${cur}`, en: `${cur}${amount}`, index: m.index ?? 0 });
    }
  }
  re.lastIndex = 0;
  return out;
}

/** Does the message carry any commercial content at all (used by the thread and pivot rules)? */
function commercialCore(ctx: FeatureContext, cache: Cache): boolean {
  if (cache.commercialCore === undefined) {
    const t = ctx.n.text;
    cache.commercialCore =
      findPrices(ctx, cache).length > 0 || test(P.DISCOUNT, ctx) || test(P.SELF_OFFER, ctx) || test(P.OFFER_WORDS, ctx) ||
      test(P.PRODUCT_SALE, ctx) || test(P.OWN_SHOWCASE, ctx) || test(P.PACKAGE, ctx) ||
      test(P.AVAILABILITY, ctx);
  }
  return cache.commercialCore;
}

/** A commercial pitch after an innocent first sentence (« Joyeux lundi ! D'ailleurs, mes ateliers… »). */
function pivot(c: FeatureContext, k: Cache): FeatureHit | null {
  if (k.pivot !== undefined) return k.pivot;
  k.pivot = null;
  const t = c.n.text;
  const m = run(P.PIVOT, c);
  if (!m || !commercialCore(c, k)) return null;
  const end = firstSentenceEnd(t);
  const rest = t.slice(Math.min(end, m.index));
  const head = t.slice(0, end);
  if (P.COMMERCIAL_HINT.test(rest) && !P.COMMERCIAL_HINT.test(head)) {
    k.pivot = { evidence: m[0] };
    k.pivotAt = m.index;
  }
  return k.pivot;
}

/** A thread root that explicitly asks for a provider, a quote, a rate or names. */
export function isProviderRequest(parent: NormalizedText): boolean {
  return P.PROVIDER_REQUEST.test(parent.text);
}

function parentAsksProvider(parent: NormalizedText, k: Cache): boolean {
  k.providerRequest ??= isProviderRequest(parent);
  return k.providerRequest;
}

/**
 * `re`'s hit, unless it lies in the innocent opening before a pivot (« Bravo pour l'AG ! D'ailleurs, je… »):
 * news about the coop or someone else there says nothing about the pitch that follows.
 */
function hitOutsideOpening(re: RegExp, c: FeatureContext, k: Cache): FeatureHit | null {
  const m = run(re, c);
  if (!m) return null;
  return pivot(c, k) && k.pivotAt !== undefined && m.index < k.pivotAt ? null : new MatchHit(m[0]);
}

/** An @handle on a named platform (« mon insta @atelier.lune »): a pointer to one's own page. */
function socialHandle(c: FeatureContext, k: Cache): FeatureHit | null {
  const handle = c.n.text.includes('@') ? P.SOCIAL_HANDLE.exec(c.n.text) : null;
  return handle && test(P.SOCIAL_PLATFORM, c) ? { evidence: cut(handle[0]) } : null;
}

/** Codes of the signals that each describe a different side of a sales pitch (a price and its rate are one). */
const PITCH_FAMILIES = new Set(['obfuscation', 'unsolicited_reply', 'link_only', 'price', 'discount', 'promo_code', 'package', 'offer', 'contact_me', 'booking', 'scarcity', 'follow_ask', 'boost_ask', 'shop_link', 'own_showcase', 'paid_event', 'product_sale', 'self_offer', 'availability', 'launch', 'audience_pitch', 'free_bait', 'pivot', 'contest', 'phone_cta']);

/** How many distinct sides of a pitch the message shows (signals computed so far). */
function pitchSides(k: Cache): number {
  let n = 0;
  for (let i = 0; i < k.hits.length; i++) if (k.hits[i] && FAMILY_AT[i]) n++;
  return n;
}

const firstSentenceEnd = (t: string): number => {
  const m = /[.!?\n]|[\u{1F300}-\u{1FAFF}\u2600-\u27BF]/u.exec(t);
  return m?.index ?? t.length;
};

export const FEATURES: FeatureDef[] = [
  {
    code: 'price', sign: 1, prior: 1.2,
    fr: (e) => `un prix${paren(e)}`, en: (e) => `a price${paren(e)}`,
    detect: (c, k) => { const p = findPrices(c, k); return p.length ? { evidence: p[0].fr, enEvidence: p[0].en } : null; },
  },
  {
    code: 'price_list', sign: 1, prior: 0.8,
    fr: () => 'plusieurs prix (une grille tarifaire)', en: () => 'several prices (a price list)',
    // Two amounts in a chat are often a comparison; three, or two rates, look like a rate card.
    detect: (c, k) => {
      const count = findPrices(c, k).length;
      return count >= 3 || (count === 2 && test(P.PRICE_RATE, c)) ? { evidence: '' } : null;
    },
  },
  {
    code: 'price_rate', sign: 1, prior: 0.8,
    fr: (e) => `un tarif à l'heure, à l'unité ou HT${quoteFr(e)}`, en: (e) => `a rate per hour, item or before tax${quoteEn(e)}`,
    detect: (c, k) => (findPrices(c, k).length > 0 || c.n.text.includes('tjm') ? hit(P.PRICE_RATE, c) : null),
  },
  {
    code: 'discount', sign: 1, prior: 1.3,
    fr: (e) => `une réduction${quoteFr(e)}`, en: (e) => `a discount${quoteEn(e)}`,
    detect: (c) => hit(P.DISCOUNT, c),
  },
  {
    code: 'promo_code', sign: 1, prior: 1.5,
    fr: (e) => `un code promo${paren(e)}`, en: (e) => `a promo code${paren(e)}`,
    detect: (c, k) => {
      const t = c.n.text;
      const named = t.includes('code') || t.includes('coupon');
      const m = (named ? run(P.CODE_WITH_DIGITS, c) ?? P.CODE_UPPER.exec(c.n.cased) : null) ?? P.STANDALONE_CODE.exec(c.n.cased);
      return m ? { evidence: m[1].toUpperCase() } : null;
    },
  },
  {
    code: 'package', sign: 1, prior: 0.8,
    fr: (e) => `une formule ou un forfait${quoteFr(e)}`, en: (e) => `a package deal${quoteEn(e)}`,
    detect: (c) => hit(P.PACKAGE, c),
  },
  {
    code: 'offer', sign: 1, prior: 0.9,
    fr: (e) => `la présentation d'une offre${quoteFr(e)}`, en: (e) => `an offer being presented${quoteEn(e)}`,
    detect: (c) => hit(P.OFFER_WORDS, c) ?? hit(P.SALES_MATERIAL, c),
  },
  {
    code: 'contact_me', sign: 1, prior: 0.9,
    fr: (e) => (/\b(?:mp|dm)\b/i.test(e) ? 'une invitation à écrire en MP' : `une invitation à prendre contact${quoteFr(e)}`),
    en: (e) => (/\b(?:mp|dm)\b/i.test(e) ? 'an invitation to send a direct message' : `an invitation to get in touch${quoteEn(e)}`),
    detect: (c, k) => {
      const h = hit(P.CONTACT_ME, c) ?? hit(P.TRAILING_DM, c);
      return h && h.evidence === '⟦email⟧' ? { evidence: 'email' } : h;
    },
  },
  {
    code: 'booking', sign: 1, prior: 0.9,
    fr: (e) => `un appel à réserver, commander ou s'inscrire${quoteFr(e)}`, en: (e) => `a call to book, order or sign up${quoteEn(e)}`,
    detect: (c) => hit(P.BOOKING, c),
  },
  {
    code: 'scarcity', sign: 1, prior: 0.8,
    fr: (e) => `un effet d'urgence${quoteFr(e)}`, en: (e) => `urgency${quoteEn(e)}`,
    detect: (c) => hit(P.SCARCITY, c),
  },
  {
    code: 'follow_ask', sign: 1, prior: 1.6,
    fr: (e) => `une demande d'abonnement, de like ou de partage${quoteFr(e)}`, en: (e) => `a follow, like or subscribe ask${quoteEn(e)}`,
    detect: (c, k) => hit(P.FOLLOW_ASK, c) ?? socialHandle(c, k),
  },
  {
    code: 'boost_ask', sign: 1, prior: 0.8,
    fr: (e) => `un coup de pouce demandé pour sa page ou son projet${quoteFr(e)}`, en: (e) => `a boost asked for one's page or project${quoteEn(e)}`,
    detect: (c) => hit(P.BOOST_ASK, c),
  },
  {
    code: 'shop_link', sign: 1, prior: 1.2,
    fr: (e) => `un lien vers une boutique, un agenda ou une vitrine${paren(e)}`, en: (e) => `a link to a shop, booking page or showcase${paren(e)}`,
    detect: (c, k) => {
      const l = c.n.links.find((x) => P.SHOP_DOMAIN.test(x.url.toLowerCase()) && !P.NEUTRAL_DOMAIN.test(x.url.toLowerCase()));
      return l ? { evidence: l.domain } : null;
    },
  },
  {
    code: 'own_showcase', sign: 1, prior: 0.7,
    fr: (e) => `un renvoi vers sa boutique ou son site${quoteFr(e)}`, en: (e) => `a pointer to one's own shop or site${quoteEn(e)}`,
    detect: (c, k) => hit(P.OWN_SHOWCASE, c) ?? socialHandle(c, k),
  },
  {
    code: 'link', sign: 1, prior: 0.4,
    fr: (e) => `un lien${paren(e)}`, en: (e) => `a link${paren(e)}`,
    detect: (c, k) => {
      const l = c.n.links.find((x) => !P.NEUTRAL_DOMAIN.test(x.url.toLowerCase()));
      return l ? { evidence: l.domain } : null;
    },
  },
  {
    code: 'link_only', sign: 1, prior: 1.0,
    fr: (e) => `un lien posté presque sans contexte${paren(e)}`, en: (e) => `a link posted with hardly any context${paren(e)}`,
    detect: (c, k) => {
      const l = c.n.links.find((x) => !P.NEUTRAL_DOMAIN.test(x.url.toLowerCase()));
      return l && c.n.wordCount - c.n.links.length <= 9 ? { evidence: l.domain } : null;
    },
  },
  {
    code: 'paid_event', sign: 1, prior: 1.0,
    fr: (e) => `un atelier, un cours ou une formation payante${quoteFr(e)}`, en: (e) => `a paid workshop, class or training${quoteEn(e)}`,
    detect: (c, k) => {
      const m = run(P.EVENT, c);
      if (m && (findPrices(c, k).length > 0 || test(P.FUNDABLE, c))) return { evidence: m[0] };
      return null;
    },
  },
  {
    code: 'product_sale', sign: 1, prior: 1.0,
    fr: (e) => `un produit à vendre${quoteFr(e)}`, en: (e) => `a product for sale${quoteEn(e)}`,
    detect: (c) => hit(P.PRODUCT_SALE, c),
  },
  {
    code: 'self_offer', sign: 1, prior: 1.0,
    fr: (e) => `une offre de service à la première personne${quoteFr(e)}`, en: (e) => `a first-person offer of services${quoteEn(e)}`,
    detect: (c) => hit(P.SELF_OFFER, c) ?? hit(P.TRADE_SIGNATURE, c) ?? hit(P.TRADE_SIGNATURE_EN, c),
  },
  {
    code: 'availability', sign: 1, prior: 1.0,
    fr: (e) => `une annonce de disponibilité pour des clients${quoteFr(e)}`, en: (e) => `news that one is open for clients${quoteEn(e)}`,
    detect: (c) => hit(P.AVAILABILITY, c),
  },
  {
    code: 'launch', sign: 1, prior: 0.4,
    fr: (e) => `une annonce de lancement${quoteFr(e)}`, en: (e) => `a launch announcement${quoteEn(e)}`,
    detect: (c) => hit(P.LAUNCH, c),
  },
  {
    code: 'audience_pitch', sign: 1, prior: 0.7,
    fr: (e) => `une accroche qui s'adresse à des clients${quoteFr(e)}`, en: (e) => `a hook aimed at customers${quoteEn(e)}`,
    detect: (c) => hit(P.AUDIENCE_PITCH, c),
  },
  {
    code: 'free_bait', sign: 1, prior: 0.6,
    fr: (e) => `un produit d'appel offert${quoteFr(e)}`, en: (e) => `a free hook${quoteEn(e)}`,
    detect: (c) => hit(P.FREE_BAIT, c),
  },
  {
    code: 'pivot', sign: 1, prior: 1.0,
    fr: (e) => `une pub glissée après une première phrase anodine${quoteFr(e)}`, en: (e) => `a pitch slipped in after an innocent opening${quoteEn(e)}`,
    detect: (c, k) => pivot(c, k),
  },
  {
    code: 'unsolicited_reply', sign: 1, prior: 1.0,
    fr: () => 'une offre en réponse à un fil qui ne demandait rien de tel', en: () => 'an offer in a thread that asked for nothing of the kind',
    detect: (c, k) => (c.parent && !parentAsksProvider(c.parent, k) && !P.TOOL_REQUEST.test(c.parent.text) && commercialCore(c, k) ? { evidence: '' } : null),
  },
  {
    code: 'obfuscation', sign: 1, prior: 1.2,
    fr: (e) => `un texte déguisé pour passer sous les radars${paren(e)}`, en: (e) => `text disguised to slip past filters${paren(e)}`,
    detect: (c) => (c.n.tricks.length ? { evidence: c.n.tricks.map(trickFr).join(', '), enEvidence: c.n.tricks.join(', ') } : null),
  },
  {
    code: 'contest', sign: 1, prior: 1.0,
    fr: (e) => `un gain ou un concours${quoteFr(e)}`, en: (e) => `a prize or contest${quoteEn(e)}`,
    detect: (c) => hit(P.CONTEST, c),
  },
  {
    // Premium numbers, short codes and T&C boilerplate are mass marketing: strong on their own.
    code: 'phone_cta', sign: 1, prior: 2.2,
    fr: (e) => `une invitation à appeler ou texter un numéro${quoteFr(e)}`, en: (e) => `an invitation to call or text a number${quoteEn(e)}`,
    detect: (c) => hit(P.PHONE_CTA, c),
  },
  {
    // Two sides of a pitch at once (an offer and a price, a free slot and a way to book) rarely meet by
    // chance; a linear sum of separate signals undersells them.
    code: 'stacked_pitch', sign: 1, prior: 0.8,
    fr: () => "plusieurs ingrédients d'une annonce à la fois", en: () => 'several ingredients of an advert at once',
    // The coop's own events and praise for someone else have prices and calls to book too: not one's pitch.
    // Nor do prices one paid or thinks of charging (« je passe mes séances de 60 à 70 € ? »), nor a search
    // for a partner (« je cherche qqn pour partager un stand, 400 € à diviser »).
    detect: (c, k) =>
      pitchSides(k) >= 2 && !hitOutsideOpening(P.COOP_NEWS, c, k) && !hitOutsideOpening(P.THIRD_PARTY, c, k) && !hitOutsideOpening(P.PRICE_DISCUSSION, c, k) &&
      !hitOutsideOpening(P.SEEKING, c, k)
        ? { evidence: '' }
        : null,
  },

  // ---- negative signals ----
  {
    code: 'solicited_reply', sign: -1, prior: -3.0, innocent: true,
    fr: () => 'une réponse à une demande explicite de prestataire', en: () => 'an answer to an explicit request for a provider',
    detect: (c, k) => (c.parent && parentAsksProvider(c.parent, k) ? { evidence: '' } : null),
  },
  {
    code: 'asks_recommendation', sign: -1, prior: -1.5, innocent: true,
    fr: (e) => `une demande de recommandation${quoteFr(e)}`, en: (e) => `a request for recommendations${quoteEn(e)}`,
    // A question that only opens a pitch (« qqn a une astuce ? Au passage, je… ») asks for nothing.
    // Nor does one that offers one's own services with another side of a pitch (« on en parle ? »).
    // A request for a template or advice (« mes CGV pour mes prestations, qqn a un modèle ? ») still asks.
    detect: (c, k) =>
      pivot(c, k) || (pitchSides(k) >= 2 && (test(P.SELF_OFFER, c) || test(P.AVAILABILITY, c)) && !test(P.ADVICE_ASK, c))
        ? null
        : hit(P.ASKS_RECOMMENDATION, c),
  },
  {
    code: 'seeking', sign: -1, prior: -1.0,
    fr: (e) => `une recherche de prestataire${quoteFr(e)}`, en: (e) => `someone looking for a provider${quoteEn(e)}`,
    detect: (c) => hit(P.SEEKING, c),
  },
  {
    code: 'question', sign: -1, prior: -0.5,
    fr: () => 'une question', en: () => 'a question',
    // A sales question ("ça vous dirait ?") or a favour for one's own page ("vous pourriez liker… ?")
    // is not a request for help.
    // Nor is the small talk a pitch opens with ("thé ou café ? … d'ailleurs je torréfie…").
    // Nor an opening question followed by a priced first-person offer (« Mariage ? Je loue ma sono 120 € »).
    detect: (c, k) =>
      c.n.text.includes('?') && !test(P.AUDIENCE_PITCH, c) && !test(P.FOLLOW_ASK, c) && !pivot(c, k) &&
      !(test(P.SELF_OFFER, c) && findPrices(c, k).length > 0) && pitchSides(k) < 2
        ? { evidence: '' }
        : null,
  },
  {
    code: 'third_party', sign: -1, prior: -1.2, innocent: true,
    fr: (e) => `une info sur quelqu'un d'autre${quoteFr(e)}`, en: (e) => `news about someone else${quoteEn(e)}`,
    detect: (c, k) => hitOutsideOpening(P.THIRD_PARTY, c, k),
  },
  {
    code: 'coop_news', sign: -1, prior: -1.5, innocent: true,
    fr: (e) => `une info de la vie de la coop${quoteFr(e)}`, en: (e) => `coop news${quoteEn(e)}`,
    detect: (c, k) => hitOutsideOpening(P.COOP_NEWS, c, k),
  },
  {
    code: 'free_sharing', sign: -1, prior: -1.0,
    fr: (e) => `un partage gratuit${quoteFr(e)}`, en: (e) => `free sharing${quoteEn(e)}`,
    // "1 mois d'essai gratuit" is a hook, not a gift: free sharing only counts without one.
    // and "FREE ringtone, text GO to 80123" is bait too, as is free content behind "subscribe to my channel".
    // Nor is one's own brochure in attachment.
    detect: (c, k) =>
      test(P.FREE_BAIT, c) || test(P.PHONE_CTA, c) || test(P.CONTEST, c) || test(P.FOLLOW_ASK, c) || test(P.SALES_MATERIAL, c) || pivot(c, k) ? null : hit(P.FREE_SHARING, c),
  },
  {
    code: 'ride_share', sign: -1, prior: -1.0, innocent: true,
    fr: (e) => `un covoiturage${quoteFr(e)}`, en: (e) => `a lift offered${quoteEn(e)}`,
    // A driver selling seats ("trajet Lyon-Paris 25 € la place, réservez") carries a price: that is a sale.
    detect: (c, k) => (findPrices(c, k).length > 0 ? null : hit(P.RIDE_SHARE, c)),
  },
  {
    code: 'price_discussion', sign: -1, prior: -1.2, innocent: true,
    fr: (e) => `une discussion sur les prix${quoteFr(e)}`, en: (e) => `a discussion about prices${quoteEn(e)}`,
    detect: (c) => hit(P.PRICE_DISCUSSION, c),
  },
  {
    code: 'venting', sign: -1, prior: -1.0,
    fr: (e) => `un coup de gueule${quoteFr(e)}`, en: (e) => `venting${quoteEn(e)}`,
    detect: (c) => hit(P.VENTING, c),
  },
  {
    code: 'charter_talk', sign: -1, prior: -2.0, innocent: true,
    fr: () => 'une discussion sur la charte', en: () => 'a discussion about the charter',
    detect: (c) => (test(P.CHARTER_TALK, c) ? { evidence: '' } : null),
  },
  {
    code: 'personal_news', sign: -1, prior: -1.0, innocent: true,
    fr: (e) => `une nouvelle personnelle${quoteFr(e)}`, en: (e) => `personal news${quoteEn(e)}`,
    detect: (c) => hit(P.PERSONAL_NEWS, c),
  },
];

function trickFr(trick: string): string {
  switch (trick) {
    case 'zero-width': return 'caractères invisibles';
    case 'look-alike letters': return 'lettres étrangères déguisées';
    case 'enclosed letters': return 'lettres encadrées';
    case 'spaced letters': return 'lettres espacées';
    case 'digits for letters': return 'chiffres à la place des lettres';
    case 'spelled-out address': return 'adresse épelée';
    default: return trick;
  }
}

export const FEATURE_CODES = FEATURES.map((f) => f.code);
/** Per signal, in `FEATURES` order: may the wording not outvote it (`FeatureDef.innocent`)? */
export const INNOCENT_AT = FEATURES.map((f) => f.innocent === true);
const FAMILY_AT = FEATURES.map((f) => PITCH_FAMILIES.has(f.code));

export interface ExtractedFeatures {
  values: number[];
  hits: (FeatureHit | null)[];
}

/** Every signal's hit (or null), in `FEATURES` order. */
export function detectFeatures(ctx: FeatureContext): (FeatureHit | null)[] {
  const hits = new Array<FeatureHit | null>(FEATURES.length).fill(null);
  const cache: Cache = { hits };
  for (let i = 0; i < FEATURES.length; i++) hits[i] = FEATURES[i].detect(ctx, cache);
  return hits;
}

export function extractFeatures(ctx: FeatureContext): ExtractedFeatures {
  const hits = detectFeatures(ctx);
  return { values: hits.map((h) => (h ? 1 : 0)), hits };
}
