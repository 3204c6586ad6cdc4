// A tender's own text in one language. The buyer may give each text either plainly or as the same
// text in several languages, keyed by language tag ({"en": "Price", "cy": "Pris"}; docs/format.md,
// "Text in more than one language"). The widget shows the tender in its own language: it reads a
// copy with each such text chosen for that language, by the rule the engine follows for the
// tender's `locale` (tests/node/tender-text.test.mjs holds the two to each other), and gives the
// engine that copy. No DOM, so Node tests and the assessment summaries can use it.
import { copy, walk } from '../ui/model.js';

/** The fields holding the buyer's text, by where they sit in the tender. */
const TENDER = ['title', 'buyer'];
const NODE = ['name', 'description', 'question', 'unit'];
const POINT = ['label', 'descriptor'];
const MEASURE = ['name', 'unit', 'source'];
const LINE = ['name', 'unit'];
const LOT = ['name', 'description'];

/** A text given in several languages: an object of one or more texts (anything else is the engine's to judge). */
export function inLanguages(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const texts = Object.values(value);
  return texts.length > 0 && texts.every((t) => typeof t === 'string');
}

/**
 * The text of `value` for `locale`: a plain text as it is; of several, the one for the locale's
 * tag, else its language, else a tag of that language with a region; failing that the same for
 * `en`; failing that the first. Case does not matter.
 */
export function textIn(value, locale) {
  return inLanguages(value) ? choice(value, locale)[1] : value;
}

/** The [tag, text] of several texts that textIn reads for `locale`, the tag as written. */
function choice(value, locale) {
  const entries = Object.entries(value);
  const choose = (wanted) => {
    const tag = wanted.toLowerCase();
    const language = tag.split('-')[0];
    const lower = ([t]) => t.toLowerCase();
    return (
      entries.find((e) => lower(e) === tag) ??
      entries.find((e) => lower(e) === language) ??
      entries.find((e) => lower(e).split('-')[0] === language)
    );
  };
  return choose(String(locale)) ?? choose('en') ?? entries[0];
}

/** The language of a tag: its first subtag (`cy` of `cy-GB`), lowercase. */
const language = (tag) => tag.split('-')[0].toLowerCase();

/**
 * The tender's texts, as shown in `locale`, that are in another language than `lang` (the
 * widget's), each with its language tag, so that the widget can mark them (WCAG 3.1.2, language
 * of parts: ui/language-parts.js). A text chosen from several is in the language it was given
 * under; a plain text is in the tender's `locale` (English when it has none; in no known language
 * when that is not a language tag). `shown` is the tender on screen; `given`, the tender as the
 * buyer gave it, says which of the shown texts were chosen from several. Each text is trimmed. Left
 * out: a text also shown in `lang` (or in two other languages), whose language cannot be told from
 * the text, and one of fewer than three letters (`kg`, `No`), which would be found in the
 * catalogue's own words.
 */
export function otherLanguages(shown, given, locale, lang) {
  const found = new Map(); // text -> its tag, or '' when it cannot be marked
  // A text chosen from several first: the same text given plainly is that one.
  const visit = (tender, plain) =>
    eachText(tender, (holder, key) => {
      let [tag, text] = inLanguages(holder[key]) ? choice(holder[key], locale) : [plain, holder[key]];
      text = typeof text === 'string' ? text.trim() : '';
      if (!/^[a-z]{2,3}(-[a-z\d]{1,8})*$/i.test(tag) || !/(\p{L}\P{L}*){3}/u.test(text) || (plain && found.has(text))) return;
      const had = found.get(text) ?? tag;
      found.set(text, language(tag) === language(lang) || language(had) !== language(tag) ? '' : had);
    });
  visit(given);
  visit(shown, String(shown?.tender?.locale || 'en').replace(/_/g, '-'));
  for (const [text, tag] of found) if (!tag) found.delete(text);
  return found;
}

/**
 * What the widget shows of a text field: the text, or a number or true/false as written; nothing
 * for anything else (a map the engine refused, a list), whose error the summary names instead of
 * the page showing "[object Object]".
 */
export function shownText(value) {
  return ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : '';
}

/** Whether any of the tender's text is given in several languages. */
export function hasLanguages(tender) {
  let found = false;
  eachText(tender, (holder, key) => {
    found ||= inLanguages(holder[key]);
  });
  return found;
}

/** A copy of `tender` with each of its texts in `locale` (see textIn); null stays null. */
export function inLanguage(tender, locale) {
  if (!tender || typeof tender !== 'object') return tender;
  const t = copy(tender);
  eachText(t, (holder, key) => {
    holder[key] = textIn(holder[key], locale);
  });
  return t;
}

/** Calls `visit(holder, key)` for each field of the tender that may hold the buyer's text. */
export function eachText(tender, visit) {
  const own = (holder, keys) => {
    if (!holder || typeof holder !== 'object') return;
    for (const key of keys) if (Object.hasOwn(holder, key)) visit(holder, key);
  };
  const list = (value) => (Array.isArray(value) ? value : []);
  own(tender?.tender, TENDER);
  for (const { c } of walk(list(tender?.criteria))) {
    own(c, NODE);
    for (const line of list(c?.schedule)) own(line, LINE);
  }
  const scales = tender?.scales;
  if (scales && typeof scales === 'object') {
    for (const scale of Object.values(scales)) for (const p of list(scale?.points)) own(p, POINT);
  }
  for (const m of list(tender?.measures)) own(m, MEASURE);
  for (const lot of list(tender?.lots)) own(lot, LOT);
}
