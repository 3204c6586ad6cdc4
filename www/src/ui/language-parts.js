// The tender's own text marked with its language where that is not the widget's (WCAG 3.1.2,
// language of parts), so that a screen reader reads an English tender's criterion names on a
// Welsh page in an English voice. The tender's text is joined to the catalogue's words at hundreds
// of places ("{criterion}: expected score"), so rather than each place marking its own, one pass
// runs over what was rendered: each text node holding one of the texts text/tender-text.js
// `otherLanguages` finds (whole, never inside a longer word; the longest first) has it wrapped in a
// <span lang>; an element that cannot hold a span (an <option>, SVG text) takes the `lang` itself
// when the text is all it says. What the user typed (anything in the bids: supplier and evaluator
// names, rationales) is left as it is even where it holds a tender text ("Price Ltd"), and so are
// form values, which are no text nodes. Text already marked with another language is not marked
// again.
//
// It costs nothing while the tender's text is all in the widget's language: nothing watches then.
// Otherwise a MutationObserver marks what each render adds (panels filled later, print, design
// mode's edits too) before it is painted.
import { otherLanguages } from '../text/tender-text.js';

/** `texts` as alternatives of a pattern, the longest first (a text inside another yields to it). */
const anyOf = (texts) =>
  texts
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))
    .join('|');

/** Every text in `value` (keys too: an evaluator's name is one), into `out`. */
function typedTexts(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) out.push(key), typedTexts(v, out);
  }
  return out;
}

/**
 * `text` in pieces, `[text, tag]` for a text of `tags` (text → language tag) and `[text, '']` for
 * the rest (maybe empty); null when it holds none. `re` finds the texts of `tags`, and what the
 * user typed (found first, so that nothing inside it is marked).
 */
export function pieces(text, re, tags) {
  let out = null;
  let at = 0;
  for (const m of text.matchAll(re)) {
    const tag = tags.get(m[0]);
    if (!tag) continue;
    (out ??= []).push([text.slice(at, m.index), ''], [m[0], tag]);
    at = m.index + m[0].length;
  }
  return out && [...out, [text.slice(at), '']];
}

/**
 * One widget's marking: `follow(root, shown, given, locale, lang, typed)` after each render says
 * that `root` shows `shown` (the tender on screen, its text chosen for `locale` from `given`, the
 * tender as given) in `lang`, and `typed()` returns what the user typed there (the bids...);
 * `html(text)` marks a document the widget writes (an assessment summary, the standalone copy).
 */
export function languageParts() {
  let seen = [];
  let lang;
  let tags = new Map(); // the tender's texts in other languages, each with its tag
  let theirs; // the pattern finding them, whole: no letter or digit just before or after
  let any; // any of them anywhere: a quick test that passes over most text at once
  let typed;
  let re; // that pattern after what the user typed, made once per pass
  let observer;

  /** The pattern for a pass: what the user typed that holds a tender text first, then the texts. */
  const find = () => {
    if (!re) {
      const mine = typedTexts(typed()).filter((t) => any.test(t) && !tags.has(t.trim()));
      re = new RegExp(`${anyOf(mine) || '(?!)'}|${theirs}`, 'gu');
    }
    return re;
  };

  const span = (tag, ...children) => {
    const s = document.createElement('span');
    s.lang = tag;
    s.append(...children);
    return s;
  };

  const text = (node) => {
    const el = node.parentNode;
    // Text in a span made here is in another language, or holds no tender text: passed over.
    const p =
      any.test(node.data) &&
      !/^(textarea|script|style|title)$/i.test(el?.localName) &&
      el?.closest?.('[lang]')?.getAttribute('lang') === lang &&
      pieces(node.data, find(), tags);
    if (!p) return;
    const tag = p.find((x) => x[1])[1];
    // All in one other language but for spaces, figures and punctuation: "Price (40%)".
    const whole = p.every(([t, l]) => l === tag || !/\p{L}/u.test(t));
    if (el.localName === 'option' || el instanceof SVGElement) {
      if (whole) el.setAttribute('lang', tag);
    } else if (whole) {
      // The text node itself goes inside, so code holding it can still change its text.
      el.insertBefore(span(tag), node).append(node);
    } else {
      // One span in place of the text node, so a flex container gets one item as before.
      node.replaceWith(span(lang, ...p.map(([t, l]) => (l ? span(l, t) : t))));
    }
  };

  /** Marks the text in `node`: a text node (type 3), or every text node in it. */
  const mark = (node) => {
    if (node.nodeType === 3) return text(node);
    for (const e of [node, ...(node.querySelectorAll?.('*') ?? [])]) {
      [...e.childNodes].forEach((c) => c.nodeType === 3 && text(c));
    }
  };

  return {
    follow(root, ...now) {
      typed = now.pop();
      if (now.every((x, i) => x === seen[i])) return;
      seen = now;
      tags = otherLanguages(...now);
      lang = now[3];
      const word = '[\\p{L}\\p{M}\\p{N}]';
      const alternatives = anyOf([...tags.keys()]);
      any = new RegExp(alternatives, 'u');
      theirs = `(?<!${word})(?:${alternatives})(?!${word})`;
      observer?.disconnect();
      if (!tags.size) return;
      observer ??= new MutationObserver((records) => {
        re = null;
        for (const r of records) r.addedNodes.forEach(mark);
        observer.takeRecords(); // this pass's own changes
      });
      re = null;
      mark(root);
      observer.observe(root, { childList: true, subtree: true });
    },

    html(html) {
      if (!tags.size) return html;
      const doc = new DOMParser().parseFromString(html, 'text/html');
      re = null;
      mark(doc.documentElement);
      return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
    },
  };
}
