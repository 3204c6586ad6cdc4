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
  const fileInput = h('input.visually-hidden', {
    id: fileId,
    type: 'file',
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
    'div.drop',
    { part: 'drop' },
    fileInput,
    h('label.button.button--secondary', { for: fileId }, ui.importJson),
    ' ',
    h('span.secondary', ui.importDrop),
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
  const confirmBox = h('div.panel', { hidden: true, 'data-confirm': '' });
  const startAgain = h(
    'button.button.button--secondary',
    {
      type: 'button',
      'data-action': 'start-again',
      on: { click: () => askStartAgain(ui, confirmBox, actions.startAgain, focusStartAgain) },
    },
    ui.startAgain,
  );
  const button = (action, text, onClick) =>
    h(
      'button.button.button--secondary',
      { type: 'button', 'data-action': action, on: { click: onClick } },
      text,
    );
  return h(
    'div.section.tools',
    { part: 'tools' },
    h('h3.heading-m', ui.toolsHeading),
    h(
      'div.button-group',
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
      'p.warning-text',
      h('span.warning-text__icon', { 'aria-hidden': 'true' }, '!'),
      ui.startAgainConfirm,
    ),
    h(
      'div.button-group',
      h(
        'button.button.button--warning',
        { type: 'button', 'data-action': 'start-again-yes', on: { click: yes } },
        ui.startAgainYes,
      ),
      h(
        'button.link-button',
        { type: 'button', 'data-action': 'start-again-cancel', on: { click: hide } },
        ui.cancel,
      ),
    ),
  );
  box.hidden = false;
  box.querySelector('button')?.focus();
}
