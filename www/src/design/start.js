// Design mode, first two sections: where to start (a template, a blank model or a tender file) and
// what the tender is (title, buyer, reference, currency, contract value, jurisdiction and lots).
import { h } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { TEMPLATES, blankTender } from './templates.js';
import { actionButton, amountOrNone, setOrDelete, textOrNone } from './fields.js';
import { fileText } from '../storage/io.js';
import { lotsFields } from './lots.js';

const STARTS = ['blank', ...Object.keys(TEMPLATES)];
const UK = ['GB', 'GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR'];

/**
 * Where the tender's rules apply (spec §17): the UK and its nations from a list, any other country
 * as its ISO code typed in. A code typed for another country is put aside, not lost, while a UK
 * choice is tried, and comes back when "Another country" is chosen again.
 */
function jurisdictionFields(c) {
  const { d, fields, tender, session } = c;
  const value = tender.tender?.jurisdiction;
  const stash = session.stash.get(tender) ?? {};
  session.stash.set(tender, stash);
  const other = stash.otherJurisdiction === true || (value !== undefined && !UK.includes(value));
  const set = (v) => {
    tender.tender ??= {};
    setOrDelete(tender.tender, 'jurisdiction', v);
  };
  const pick = fields.select({
    path: 'tender.jurisdiction',
    label: d.jurisdictionLabel,
    options: [null, ...UK, 'other'].map((v) => ({ value: v, label: d.jurisdictions[v ?? 'none'] })),
    get: () => (other ? 'other' : value),
    set: (opt) => {
      stash.otherJurisdiction = opt.value === 'other';
      if (other) stash.otherCode = tender.tender?.jurisdiction;
      set(stash.otherJurisdiction ? stash.otherCode : (opt.value ?? undefined));
    },
  });
  const select = pick.querySelector('select');
  // The list is found again by its action after a rebuild; the typed code owns the engine's path.
  select.removeAttribute('data-path');
  select.dataset.action = 'jurisdiction';
  const hintId = `${select.id}-hint`;
  select.setAttribute('aria-describedby', hintId);
  pick.querySelector('label').after(h('div.hint', { id: hintId }, d.jurisdictionHint));
  fields.fields.get('tender.jurisdiction').hintId = hintId;
  select.addEventListener('change', () => c.structure('[data-action="jurisdiction"]'));
  if (!other) return pick;
  return [
    pick,
    fields.text({
      path: 'tender.jurisdiction',
      label: d.jurisdictionOtherLabel,
      hint: d.jurisdictionOtherHint,
      width: 'input--w5',
      get: () => value,
      set: (v) => set(textOrNone(v)),
    }),
  ];
}

export function startSection(c) {
  const { d, session, uid } = c;
  const name = `design-start-${uid}`;
  const radios = STARTS.map((id, i) => {
    const rid = `${name}-${i}`;
    const hintId = `${rid}-hint`;
    return h(
      'div.radio',
      h('input', {
        id: rid,
        type: 'radio',
        name,
        value: id,
        checked: i === 0,
        'data-action': 'start-choice',
        'data-key': id,
        'aria-describedby': hintId,
      }),
      h('label', { for: rid }, d.templates[id], h('span.hint', { id: hintId }, d.templateHints[id])),
    );
  });
  const chosen = () => radios.map((r) => r.querySelector('input')).find((i) => i.checked)?.value ?? 'blank';

  const confirmBox = h('div.panel', { 'data-confirm': '' });
  const ask = (label, apply) => {
    if (c.pristine()) {
      apply();
      return;
    }
    session.confirm = { label, apply };
    showConfirm();
    confirmBox.querySelector('button')?.focus();
  };
  function showConfirm() {
    const q = session.confirm;
    confirmBox.hidden = !q;
    if (!q) {
      confirmBox.replaceChildren();
      return;
    }
    confirmBox.replaceChildren(
      h(
        'p.warning-text',
        h('span.warning-text__icon', { 'aria-hidden': 'true' }, '!'),
        fill(d.replaceConfirm, { what: q.label }),
      ),
      h(
        'div.button-group',
        actionButton(
          'replace-yes',
          d.replaceYes,
          () => {
            const apply = session.confirm?.apply;
            session.confirm = null;
            apply?.();
          },
          { kind: 'warning' },
        ),
        actionButton(
          'replace-cancel',
          c.cat.ui.cancel,
          () => {
            session.confirm = null;
            showConfirm();
            radios[0].closest('section')?.querySelector('[data-action="use-template"]')?.focus();
          },
          { kind: 'link' },
        ),
      ),
    );
  }
  showConfirm();

  const use = actionButton(
    'use-template',
    d.useTemplate,
    () => {
      const id = chosen();
      ask(d.templates[id], () =>
        c.replace(id === 'blank' ? blankTender() : TEMPLATES[id](), {
          text: fill(d.started, { name: d.templates[id] }),
        }),
      );
    },
    { kind: 'primary' },
  );

  const fileId = `design-open-${uid}`;
  const file = h('input.file-upload', {
    id: fileId,
    type: 'file',
    accept: '.json,application/json',
    'data-action': 'open-file',
    'aria-describedby': `${fileId}-hint`,
  });
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    const { text, problem } = await fileText(f, c.cat.ui);
    if (problem) {
      c.notify({ kind: 'error', text: fill(c.cat.ui.importFailed, { file: f.name }), items: [problem] });
      return;
    }
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      c.notify({ kind: 'error', text: fill(c.cat.ui.importFailed, { file: f.name }), items: [c.cat.ui.importNotJson] });
      return;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      c.notify({ kind: 'error', text: fill(c.cat.ui.importFailed, { file: f.name }), items: [d.notATender] });
      return;
    }
    ask(f.name, () =>
      c.replace(data, { text: fill(c.cat.ui.imported, { file: f.name }), errorsNow: true, failed: fill(c.cat.ui.importFailed, { file: f.name }) }),
    );
  });

  return {
    title: d.startHeading,
    body: [
      h(
        'div.form-group',
        h(
          'fieldset.fieldset',
          h('legend.legend', d.startLegend),
          h('div.radios', radios),
        ),
      ),
      use,
      confirmBox,
      h(
        'div.form-group',
        h('label.label.label--s', { for: fileId }, d.openFile),
        h('div.hint', { id: `${fileId}-hint` }, d.openFileHint),
        file,
      ),
    ],
  };
}

export function aboutSection(c) {
  const { d, fields, tender } = c;
  const info = () => (tender.tender ??= {});
  const text = (key, label, opts = {}) =>
    fields.text({
      path: `tender.${key}`,
      label,
      width: 'input--w20',
      get: () => tender.tender?.[key],
      set: (v) => setOrDelete(info(), key, (opts.amount ? amountOrNone : textOrNone)(v)),
      ...opts.field,
    });
  return {
    title: d.aboutHeading,
    body: h(
      'div',
      { 'data-context': d.aboutHeading },
      text('title', d.titleLabel, { field: { words: info() } }),
      text('buyer', d.buyerLabel, { field: { words: info() } }),
      text('reference', d.referenceLabel, { field: { hint: d.referenceHint } }),
      text('currency', d.currencyLabel, { field: { hint: d.currencyHint, width: 'input--w5' } }),
      text('contractValue', d.contractValueLabel, {
        amount: true,
        field: { hint: d.contractValueHint, width: 'input--w10', numeric: true },
      }),
      jurisdictionFields(c),
      lotsFields(c),
    ),
  };
}
