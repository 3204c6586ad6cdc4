// Design mode, first two sections: where to start (a template, a blank model or a tender file) and
// what the tender is (title, buyer, reference, currency, contract value).
import { h } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { TEMPLATES, blankTender } from './templates.js';
import { actionButton, amountOrNone, setOrDelete, textOrNone } from './fields.js';
import { tooLarge } from '../storage/io.js';

const STARTS = ['blank', ...Object.keys(TEMPLATES)];

export function startSection(c) {
  const { d, session, uid } = c;
  const name = `design-start-${uid}`;
  const radios = STARTS.map((id, i) => {
    const rid = `${name}-${i}`;
    const hintId = `${rid}-hint`;
    return h(
      'div',
      { class: 'radio' },
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
      h('label', { for: rid }, d.templates[id], h('span', { id: hintId, class: 'hint' }, d.templateHints[id])),
    );
  });
  const chosen = () => radios.map((r) => r.querySelector('input')).find((i) => i.checked)?.value ?? 'blank';

  const confirmBox = h('div', { class: 'panel', 'data-confirm': '' });
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
        'p',
        { class: 'warning-text' },
        h('span', { class: 'warning-text__icon', 'aria-hidden': 'true' }, '!'),
        fill(d.replaceConfirm, { what: q.label }),
      ),
      h(
        'div',
        { class: 'button-group' },
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
  const file = h('input', {
    id: fileId,
    type: 'file',
    class: 'file-upload',
    accept: '.json,application/json',
    'data-action': 'open-file',
    'aria-describedby': `${fileId}-hint`,
  });
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    const big = tooLarge(f, c.cat.ui);
    if (big) {
      c.notify({ kind: 'error', text: fill(c.cat.ui.importFailed, { file: f.name }), items: [big] });
      return;
    }
    let data;
    try {
      data = JSON.parse(await f.text());
    } catch {
      c.notify({ kind: 'error', text: fill(c.cat.ui.importFailed, { file: f.name }), items: [c.cat.ui.importNotJson] });
      return;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      c.notify({ kind: 'error', text: fill(c.cat.ui.importFailed, { file: f.name }), items: [d.notATender] });
      return;
    }
    ask(f.name, () => c.replace(data, { text: fill(c.cat.ui.imported, { file: f.name }), errorsNow: true }));
  });

  return {
    title: d.startHeading,
    body: [
      h(
        'div',
        { class: 'form-group' },
        h(
          'fieldset',
          { class: 'fieldset' },
          h('legend', { class: 'legend' }, d.startLegend),
          h('div', { class: 'radios' }, radios),
        ),
      ),
      use,
      confirmBox,
      h(
        'div',
        { class: 'form-group' },
        h('label', { class: 'label label--s', for: fileId }, d.openFile),
        h('div', { class: 'hint', id: `${fileId}-hint` }, d.openFileHint),
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
      text('title', d.titleLabel),
      text('buyer', d.buyerLabel),
      text('reference', d.referenceLabel, { field: { hint: d.referenceHint } }),
      text('currency', d.currencyLabel, { field: { hint: d.currencyHint, width: 'input--w5' } }),
      text('contractValue', d.contractValueLabel, {
        amount: true,
        field: { hint: d.contractValueHint, width: 'input--w10', numeric: true },
      }),
    ),
  };
}
