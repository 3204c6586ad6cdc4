// Design mode in several languages. A buyer in Wales publishes one model in Welsh and English
// (docs/format.md, "Text in more than one language"), so when the model gives text in several
// languages, or the host lists several (`languages="cy en-GB"`), each text the buyer writes gets
// one input per language, side by side.
//
// The tender being designed keeps each such text in the widget's language, as plain text (the
// engine's rule, text/tender-text.js), so every heading, list and message of design mode reads it
// as before; the texts by language are kept beside it, by the object and field that hold them, and
// put back in whole(), which is what is saved, exported, validated and given to the page. A text
// typed in one language only is kept under that language and read in every language, as the
// format says; a field emptied in every language is removed, as in one language.
import { h } from '../ui/dom.js';
import { copy } from '../ui/model.js';
import { FieldSet, own, setOwn } from '../ui/fields.js';
import { fill } from '../text/messages.js';
import { eachText, inLanguages, textIn } from '../text/tender-text.js';

const language = (tag) => tag.toLowerCase().split('-')[0];
/** The key of `map` that is `tag`, whatever its case. */
const keyOf = (map, tag) => Object.keys(map).find((k) => k.toLowerCase() === tag.toLowerCase());

/** The texts by language of one design, in `locale` (the widget's), for `cat`'s design words. */
export function designTexts(cat, locale) {
  let maps = new WeakMap(); // holder -> { field: { tag: text } }
  let found = []; // the model's language tags, in the order first met
  let host = [];
  const texts = {
    /** The language tags shown, one input each; null for one input of plain text, as ever. */
    columns: null,
    /** The tag a plain text is read as: the tender's locale, else English, else the first shown. */
    plainTag: null,

    /** Takes `tender`'s texts by language aside, leaving each in the widget's language; returns it. */
    split(tender) {
      maps = new WeakMap();
      found = [];
      eachText(tender, (holder, key) => {
        const m = holder[key];
        if (!inLanguages(m)) return;
        texts.put(holder, key, m);
        holder[key] = textIn(m, locale);
      });
      texts.place(tender);
      return tender;
    },

    /** Works out the columns for `tender`, with the languages the host lists (`tags`) too. */
    place(tender, tags = host) {
      host = tags;
      const cols = [];
      // The host's order, each by the model's own tag for that language when it has one.
      for (const t of [...host, ...found]) {
        const tag = found.find((f) => language(f) === language(t)) ?? t;
        if (!cols.some((c) => language(c) === language(tag))) cols.push(tag);
      }
      texts.columns = found.length || host.length > 1 ? cols : null;
      texts.plainTag = textIn(Object.fromEntries(cols.map((c) => [c, c])), tender?.tender?.locale ?? 'en');
    },

    /** Keeps `m`, a text by language (or undefined: none), as what `holder[key]` says. */
    put(holder, key, m) {
      if (!maps.has(holder)) maps.set(holder, Object.create(null));
      maps.get(holder)[key] = m;
      // Its languages keep their inputs, even once the host lists none.
      for (const tag of Object.keys(m ?? {})) if (!found.some((t) => language(t) === language(tag))) found.push(tag);
    },

    /** A copy of `tender` with its texts by language put back. */
    whole(tender) {
      const kept = [];
      eachText(tender, (holder, key) => {
        if (holder[key] !== undefined) kept.push(maps.get(holder)?.[key]);
      });
      const out = copy(tender);
      let i = 0;
      eachText(out, (holder, key) => {
        const m = kept[i++];
        if (m) setOwn(holder, key, copy(m));
      });
      return out;
    },

    /**
     * The inputs of one text field, one per column: `o` as for FieldSet.text, with `words` the
     * object holding the field (named by the path's last part). Each input is labelled with the
     * field and its language in the widget's language, and marked with its language (`lang`).
     */
    field(fields, o) {
      const { path, words: holder } = o;
      const key = path.slice(path.lastIndexOf('.') + 1);
      const d = cat.design;
      const now = () => {
        const m = maps.get(holder)?.[key];
        const plain = holder[key];
        return m ?? (typeof plain === 'string' && plain.trim() ? { [texts.plainTag]: plain } : {});
      };
      // Each input as FieldSet.text makes one; the first's error place, moved above them, and
      // one hint serve them all.
      let first;
      const hintId = o.hint && `${fields.id()}-hint`;
      const groups = texts.columns.map((tag) => {
        const g = FieldSet.prototype.text.call(fields, {
          ...o,
          hint: null,
          label: fill(d.inLanguage, { label: o.label, language: own(d.languageNames, language(tag)) ?? tag }),
          get: () => now()[keyOf(now(), tag)],
          set: (v) => {
            const m = { ...now() };
            const k = keyOf(m, tag) ?? tag;
            if (v.trim()) setOwn(m, k, v);
            else delete m[k];
            const any = Object.keys(m).length > 0;
            texts.put(holder, key, any ? m : undefined);
            o.set(any ? textIn(m, locale) : '');
          },
        });
        first ??= fields.fields.get(path);
        return g;
      });
      const inputs = groups.map((g, i) => {
        const input = g.lastChild;
        if (i) g.querySelector('.error-message').remove();
        input.lang = texts.columns[i];
        if (hintId) input.setAttribute('aria-describedby', hintId);
        return input;
      });
      const group = h(
        'div.form-group.design-languages',
        { 'data-label': o.label },
        o.hint && h('div.hint', { id: hintId }, o.hint),
        first.error,
        h('div.row-fields', groups),
      );
      fields.register(path, { ...first, group, inputs, hintId });
      return group;
    },
  };
  return texts;
}
