// The notices about this widget's saved work and bids: what was set aside or could not be, work
// saved against an earlier model (and the answers that no longer fit it), another tab having
// written the same work, and a removed bid to undo. Each is a notice object for
// storage/saved-work.js noticeNode(): { id, kind, text, items, lead, actions, role }.
import { engineText, fill } from '../text/messages.js';

/**
 * The alerts for what reading the slot set aside: one for what was moved (listing where each is
 * kept) and one for what could not be; each offers its entries as one file, { key: text }.
 * `downloadAction(label, action, text, suffix)` makes the download action.
 */
export function setAsideNotices(aside, cat, downloadAction) {
  const notices = [];
  const alert = (id, text, list, label, items) =>
    list.length &&
    notices.push({
      id,
      kind: 'error',
      text,
      items,
      actions: [
        downloadAction(
          label,
          'download-set-aside',
          JSON.stringify(Object.fromEntries(list.map((a) => [a.key, a.text])), null, 2),
          'set-aside.json',
        ),
      ],
    });
  const moved = aside.filter((a) => a.asideKey);
  alert('set-aside', cat.ui.setAside, moved, cat.ui.downloadSetAside, moved.map((a) => a.asideKey));
  const stuck = aside.filter((a) => !a.asideKey);
  alert('set-aside-stuck', cat.ui.setAsideStuck, stuck, cat.ui.downloadCopy);
  return notices;
}

/** One answer left out of a changed model: who, which answer (with its value) and why. */
export function misfitText(cat, m) {
  const { ui } = cat;
  const path = m.path.replace(/^bids\[\d+\]\./, '');
  const scalar = m.value !== null && typeof m.value !== 'object';
  const template = ui.misfitReasons[m.error.code];
  return fill(ui.misfit, {
    supplier: m.supplier,
    answer: scalar ? `${path} (${m.value})` : path,
    reason: template ? fill(template, m.error.params ?? {}) : engineText(cat, 'errors', m.error),
  });
}

/**
 * Another tab wrote (or, when `value` is null, cleared) this widget's work: which to keep, the
 * other tab's (`load()`) or this one's (`keep()`). `time(date)` formats when the other was saved.
 */
export function otherTabNotice(cat, value, time, { load, keep }) {
  const when = new Date(/"savedAt":"([^"]*)"/.exec(value ?? '')?.[1]);
  return {
    id: 'other-tab',
    kind: 'warning',
    role: 'alert',
    text:
      value === null
        ? cat.ui.otherTabCleared
        : fill(cat.ui.otherTab, { time: Number.isNaN(when.getTime()) ? '' : time(when) }),
    actions: [
      { label: cat.ui.loadOtherTab, action: 'load-other-tab', primary: true, run: load },
      { label: cat.ui.keepMine, action: 'keep-mine', run: keep },
    ],
  };
}

/** Bid `name` was removed; `undo()` puts it back with everything typed for it. */
export function removedNotice(cat, name, undo) {
  return {
    id: 'removed',
    kind: 'success',
    text: fill(cat.ui.removedBid, { name }),
    actions: [{ label: fill(cat.ui.undoRemove, { name }), action: 'undo-remove', run: undo }],
  };
}

/**
 * Work saved against an earlier model was carried over: `misfits` lists the answers left out (as
 * text), `download` is the action offering the earlier work as a file.
 */
export function earlierWorkNotice(cat, time, misfits, download) {
  return {
    id: 'earlier-model',
    kind: 'warning',
    text: fill(cat.ui.savedWorkMoved, { time }),
    items: misfits.length ? misfits : null,
    lead: misfits.length ? cat.ui.savedWorkMisfits : cat.ui.savedWorkAllFit,
    actions: [download],
  };
}

/** A design saved against an earlier model: offered (`open()`) or downloaded, never loaded unasked. */
export function earlierDesignNotice(cat, time, open, download) {
  return {
    id: 'earlier-model',
    kind: 'warning',
    text: fill(cat.ui.designMoved, { time }),
    actions: [{ label: cat.ui.openSavedDesign, action: 'open-saved-design', run: open }, download],
  };
}
