// The widget's tools: export the tender (JSON, results CSV, award criteria), the standalone copy,
// print, start again (after a confirmation) and import a tender file by picking or dropping it.
// The element gives the actions; this module only builds the controls and wires them.
import { h } from '../ui/dom.js';

/**
 * The tools section for `mode`. `actions` holds what each control does: importFile(file),
 * startAgain() (once confirmed), exportJson(), exportCsv(), exportOcds(), and standalone() or
 * null when this copy of the widget cannot write a standalone copy. `saved` is the element's
 * "saved at" line, shown last. `focusStartAgain()` moves focus back to the start-again button.
 */
export function toolsSection({ ui, uid, mode, saved, actions, focusStartAgain }) {
  const fileId = `import-${uid}`;
  const fileInput = h('input', {
    id: fileId,
    type: 'file',
    class: 'visually-hidden',
    accept: '.json,application/json',
    on: {
      change: () => {
        const file = fileInput.files?.[0];
        if (file) actions.importFile(file);
        fileInput.value = '';
      },
    },
  });
  const drop = h(
    'div',
    { class: 'drop', part: 'drop' },
    fileInput,
    h('label', { for: fileId, class: 'button button--secondary' }, ui.importJson),
    ' ',
    h('span', { class: 'secondary' }, ui.importDrop),
  );
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('drop--over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('drop--over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('drop--over');
    const file = e.dataTransfer?.files?.[0];
    if (file) actions.importFile(file);
  });
  const confirmBox = h('div', { class: 'panel', hidden: true, 'data-confirm': '' });
  const startAgain = h(
    'button',
    {
      type: 'button',
      class: 'button button--secondary',
      'data-action': 'start-again',
      on: { click: () => askStartAgain(ui, confirmBox, actions.startAgain, focusStartAgain) },
    },
    ui.startAgain,
  );
  const button = (action, text, onClick) =>
    h(
      'button',
      { type: 'button', class: 'button button--secondary', 'data-action': action, on: { click: onClick } },
      text,
    );
  return h(
    'div',
    { class: 'section tools', part: 'tools' },
    h('h3', { class: 'heading-m' }, ui.toolsHeading),
    h(
      'div',
      { class: 'button-group' },
      button('export-json', ui.exportJson, actions.exportJson),
      mode === 'publish' ? null : button('export-csv', ui.exportCsv, actions.exportCsv),
      actions.standalone ? button('standalone', ui.standalone, actions.standalone) : null,
      mode === 'publish' ? button('export-ocds', ui.exportOcds, actions.exportOcds) : null,
      button('print', ui.print, () => window.print()),
      mode === 'publish' ? null : startAgain,
    ),
    confirmBox,
    mode === 'publish' ? null : drop,
    saved,
  );
}

/** Asks, in `box`, whether to start again; `yes()` runs only once confirmed. */
function askStartAgain(ui, box, yes, focusStartAgain) {
  const hide = () => {
    box.hidden = true;
    box.replaceChildren();
    focusStartAgain();
  };
  box.replaceChildren(
    h(
      'p',
      { class: 'warning-text' },
      h('span', { class: 'warning-text__icon', 'aria-hidden': 'true' }, '!'),
      ui.startAgainConfirm,
    ),
    h(
      'div',
      { class: 'button-group' },
      h(
        'button',
        { type: 'button', class: 'button button--warning', 'data-action': 'start-again-yes', on: { click: yes } },
        ui.startAgainYes,
      ),
      h(
        'button',
        { type: 'button', class: 'link-button', 'data-action': 'start-again-cancel', on: { click: hide } },
        ui.cancel,
      ),
    ),
  );
  box.hidden = false;
  box.querySelector('button')?.focus();
}
