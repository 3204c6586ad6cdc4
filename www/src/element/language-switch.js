// The language switch a host asks for with `languages` (say `languages="en-GB cy"`): one button per
// language, each named in its own language and marked with it (`lang`), the one in use pressed.
// Choosing one sets the element's `locale`, which renders the same work again in that language.
import { h } from '../ui/dom.js';
import { catalogue, catalogueLanguages } from '../text/messages.js';

/**
 * The catalogue languages named in `attr` (tags separated by spaces), each once and in the order
 * given; a tag this copy of the widget has no text for is left out, with a console warning.
 */
export function switchLanguages(attr) {
  const have = catalogueLanguages();
  const tags = [];
  for (const word of String(attr ?? '').split(/\s+/).filter(Boolean)) {
    const { lang } = catalogue(word);
    if (lang === 'en-GB' && !/^en\b/i.test(word)) {
      const welsh = /^cy\b/i.test(word) ? ' (dist/bid-scorer-cy.js has Welsh)' : '';
      console.warn(`bid-scorer: languages: no text in "${word}" here, only ${have.join(', ')}${welsh}`);
    } else if (!tags.includes(lang)) {
      tags.push(lang);
    }
  }
  return tags;
}

/** The switch for `tags` with `cat` in use, or null for fewer than two; `choose(tag)` on a press. */
export function languageSwitch(cat, tags, choose) {
  if (tags.length < 2) return null;
  return h(
    'div.language-switch',
    { role: 'group', 'aria-label': cat.ui.languageSwitch },
    tags.map((tag) =>
      h(
        'button.link-button',
        {
          type: 'button',
          lang: tag,
          'aria-pressed': String(tag === cat.lang),
          'data-language': tag,
          on: { click: () => tag !== cat.lang && choose(tag) },
        },
        catalogue(tag).ui.languageName,
      ),
    ),
  );
}
