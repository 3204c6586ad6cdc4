// How the element keeps its work in this browser (storage/saved-work.js holds the slots and the
// format): which slot it is kept in, reading it (and what was set aside), saving a moment after the
// last change, and never writing over what another tab wrote there since this one last read or
// wrote it (the user is asked first). The element says what the work is and shows the notices.
import { formatter } from '../text/format.js';
import { fill } from '../text/messages.js';
import { download, fileName } from '../storage/io.js';
import { PIECES_FROM, dropParts, entryText, forgetWork, mark, readWork, retire, slot, writeWork, writePart } from '../storage/saved-work.js';
import { otherTabNotice, setAsideNotices } from './work-notices.js';

/** Milliseconds after the last change before the work is saved (never while typing). */
const SAVE_DELAY_MS = 300;
/** Milliseconds a slice of a whole save works before the page has its turn (a long task is 50). */
const SLICE_MS = 16;
/** Characters of bids' text put together in one slice at most (a part's size, when in parts). */
const PART_CHARS = 1 << 19;

export class WorkKeeper {
  /** Where this widget's work is kept (storage/saved-work.js), null in publish mode. */
  slot = null;
  /** The slot's mark (saved-work.js) as last read or written here; undefined when unknown. */
  #lastText = undefined;
  /** The head of big work saved in pieces ({ base, bids }), null when the next save is whole. */
  #head = null;
  /** Indices of the bids changed since the last save, or null when more than bids changed. */
  #dirty = new Set();
  // 'on'; 'off' (the last write was refused; the next is tried); 'conflict' (another tab wrote);
  // 'blocked' (the slot could not be read, or holds text that could not be set aside: never written)
  #saving = 'on';
  #timer = 0;
  /**
   * A whole save being put together a slice at a time: { bids, texts: each bid's text, dirty,
   * parts: when written as it goes (into an empty slot), each part's first bid, put: how many
   * texts the parts hold }.
   */
  #build = null;
  /** Design mode's model waiting to be saved. */
  pendingDesign = null;
  #host;

  /**
   * `host` is the element's side: cat(), locale(), time(date), emit(type, detail), publish() (true
   * in publish mode, which saves nothing), work(lean) (what to save now; with `lean`, its bids
   * left out and not copied), bids() (the bids as they are, for a save in pieces or in slices),
   * status(text) (the "saved at" line), putNotice(notice, options), dropNotice(id), hasNotice(id),
   * loadOther() (the other tab's work chosen) and focusSaved().
   */
  constructor(host) {
    this.#host = host;
  }

  /** An action downloading `text` as a file named for this widget's tender: "EBC-2026-014-saved-work.json". */
  downloadAction(label, action, text, suffix = 'saved-work.json') {
    return {
      label,
      action,
      run: () => download(fileName({ tender: { reference: this.slot?.reference } }, suffix), 'application/json', text),
    };
  }

  /**
   * Reads the slot of `source` for `mode` in widget `name`: the read (storage/saved-work.js
   * readWork) plus the notices for what was set aside or refused.
   */
  read(source, mode, name, { restore = true } = {}) {
    const host = this.#host;
    const cat = host.cat();
    this.slot = slot(source, mode, name);
    this.#dropBuild();
    this.#saving = 'on';
    this.pendingDesign = null;
    this.#head = null;
    this.#dirty = null;
    const notices = [];
    if (!restore) {
      this.#lastText = mark(this.slot.key);
      return { state: 'none', notices };
    }
    const read = readWork(this.slot);
    this.#lastText = read.state === 'unavailable' ? undefined : mark(this.slot.key);
    if (read.state === 'ok' && read.head) {
      this.#head = read.head;
      this.#dirty = new Set();
    }
    notices.push(...setAsideNotices(read.aside, cat, (...args) => this.downloadAction(...args)));
    for (const a of read.aside) {
      host.emit('bid-scorer-error', { error: new Error('saved work could not be read'), asideKey: a.asideKey });
    }
    if (read.state === 'ok') {
      notices.push({ id: 'restored', kind: 'success', text: fill(cat.ui.restored, { time: host.time(read.entry.savedAt) }) });
    }
    if (read.state === 'unavailable' || read.blocked) {
      // What is there could not be read, so writing could destroy it: this widget does not save.
      this.#saving = 'blocked';
      notices.push({ id: 'not-saving', kind: 'warning', text: cat.ui.notSaving });
    }
    return { ...read, notices };
  }

  /** Publish mode keeps no work. */
  clear() {
    this.slot = null;
  }

  /**
   * Work from an earlier model was carried over: `work` (what fits the page's model) is saved at
   * once and the earlier entry, `read`, kept under another name, so the next visit does not ask again.
   */
  carryOver(work, read) {
    if (this.#saving !== 'on') return;
    const now = new Date();
    if (this.#wrote(writeWork(this.slot, entryText(this.slot, work, now), now))) retire(read.from, read.text);
  }

  /** Keeps what a save returned (saved-work.js writeWork); false when it was refused. */
  #wrote(out) {
    if (!out) return false;
    this.#lastText = out.mark;
    this.#head = out.head;
    return true;
  }

  /**
   * Saves a moment after the last change (design mode passes its model), never while typing.
   * `bid` is the index of the one bid changed, when that is all that changed.
   */
  schedule(designDraft, bid) {
    if (this.#host.publish() || !this.slot) return;
    if (designDraft) this.pendingDesign = designDraft;
    if (bid >= 0) this.#dirty?.add(bid);
    else this.#dirty = null;
    this.#later(SAVE_DELAY_MS);
  }

  /** Saves (or goes on with a whole save) after `ms`. */
  #later(ms) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = 0;
      this.saveNow();
    }, ms);
  }

  /** Saves now, whole, what is waiting to be saved, if anything is (the page is hidden or leaving). */
  flush() {
    if (!this.#timer && !this.#build) return;
    clearTimeout(this.#timer);
    this.#timer = 0;
    this.saveNow(true);
  }

  /** Drops the save that is waiting or under way, if any. */
  cancel() {
    clearTimeout(this.#timer);
    this.#timer = 0;
    this.#dropBuild();
  }

  /**
   * Drops the whole save under way, with the parts it has written: no entry names them, and only
   * this save does (they are named for it).
   */
  #dropBuild() {
    const b = this.#build;
    if (b?.parts?.length) dropParts(b.where, b.parts);
    this.#build = null;
  }

  /** Start again: the waiting save is dropped and the saved work forgotten (when this widget saves). */
  forget() {
    this.cancel();
    if (this.#saving === 'on' && this.slot) forgetWork(this.slot);
  }

  /**
   * Writes the work to the slot, unless another tab has written there since this one last read or
   * wrote it (then the user is asked first), or the slot holds text that could not be set aside.
   * A whole save puts each bid's text together a slice at a time, the page getting its turn in
   * between (bids changed meanwhile are saved again after); `sync` finishes it at once.
   */
  saveNow(sync) {
    const where = this.slot;
    if (!where) return;
    const host = this.#host;
    const cat = host.cat();
    if (this.#saving === 'conflict' || this.#saving === 'blocked') {
      this.#dropBuild();
      host.status(this.#saving === 'blocked' ? cat.ui.notSavingShort : cat.ui.otherTabWaiting);
      return;
    }
    const there = mark(where.key);
    if (there !== undefined && this.#lastText !== undefined && there !== this.#lastText) {
      this.#dropBuild();
      this.conflict(there);
      return;
    }
    // One time for the entry and its head: the pieces are read only onto the entry their head's
    // `base` names.
    const now = new Date();
    // Big work is saved in pieces: only the bids changed since the last save.
    const head = !this.#build && this.#dirty && this.#head;
    let text;
    let parts;
    let dirty = new Set();
    if (!head && where.mode === 'design') text = entryText(where, host.work(), now);
    else if (!head) {
      const bids = host.bids() ?? [];
      let b = this.#build;
      // Started again when the bids were added, removed or replaced meanwhile.
      if (b?.bids !== bids || b.dirty !== this.#dirty) {
        this.#dropBuild();
        // Parts are named for this save alone (`tag`): two tabs saving the same work into the
        // empty slot at once never write over each other's parts.
        b = this.#build = { bids, texts: [], dirty: (this.#dirty = new Set()), parts: there === null && [], put: 0, tag: Math.random().toString(36).slice(2), where };
      }
      const t0 = performance.now();
      // Half a slice: writing a part takes about as long as putting it together. Up to PART_CHARS
      // too: a fast machine puts megabytes together in that time, whose one write then takes long.
      for (let size = 0; b.texts.length < bids.length && (sync || (performance.now() - t0 < SLICE_MS / 2 && size < PART_CHARS)); ) {
        const text = JSON.stringify(bids[b.texts.length]);
        b.texts.push(text);
        size += text.length;
      }
      // Big work going into an empty slot is written as it is put together, the entry last (a
      // save cut short leaves nothing it names); a part refused, the rest is saved whole. (An
      // array's text is its items' texts joined by commas.)
      const part = b.parts && `[${b.texts.slice(b.put)}]`;
      if (part && (b.put || part.length >= PIECES_FROM)) {
        if (writePart(where, `${b.tag}-${b.put}`, part)) {
          b.parts.push(`${b.tag}-${b.put}`);
          b.put = b.texts.length;
        } else b.parts = 0;
      }
      if (b.texts.length < bids.length) {
        this.#later(0);
        return;
      }
      this.#build = null;
      dirty = b.dirty;
      parts = b.put && b.parts;
      // The entry names its parts, or holds its bids.
      text = entryText(where, host.work(true), now).replace('"work":{"bids":[],', () => (parts ? `"parts":${JSON.stringify(parts)},"work":{` : `"work":{"bids":[${b.texts}],`));
    }
    if (this.#wrote(writeWork(where, text, now, head, host.bids(), this.#dirty, parts))) {
      // Bids changed while a whole save was put together are saved again, in pieces.
      this.#dirty = dirty;
      if (dirty.size) this.#later(SAVE_DELAY_MS);
      this.#saving = 'on';
      host.dropNotice('not-saving');
      // In a task of its own: the page's first date format loads the browser's calendar data
      // (20 to 30 ms), which with a big first save made one long task. Not once a later save has
      // failed or met another tab's work.
      setTimeout(() => this.#saving === 'on' && host.status(fill(cat.ui.saved, { time: formatter(host.locale()).dateTime(now) })));
    } else {
      if (!head) this.#dirty = null; // whole again next time
      this.#saving = 'off';
      host.status(cat.ui.notSavingShort);
      if (!host.hasNotice('not-saving')) {
        host.putNotice({ id: 'not-saving', kind: 'warning', text: cat.ui.notSaving });
      }
    }
  }

  /** A storage event: another tab or window wrote this widget's slot. */
  storageChanged(e) {
    // Its entry, its head or (always followed by its head) one of its pieces.
    if (!this.slot || (e.key !== null && !e.key.startsWith(this.slot.key))) return;
    const value = e.key === null ? null : mark(this.slot.key);
    if (value === this.#lastText) return;
    this.conflict(value);
  }

  /**
   * Asks which work to keep before anything is overwritten: the other tab's (loaded here) or this
   * one's (saved over the other only once chosen).
   */
  conflict(value) {
    const host = this.#host;
    const cat = host.cat();
    this.#saving = 'conflict';
    host.status(cat.ui.otherTabWaiting);
    const load = () => {
      this.cancel();
      host.loadOther();
    };
    const keep = () => {
      this.#saving = 'on';
      this.#lastText = mark(this.slot.key);
      this.#dirty = null; // saved whole over the other tab's
      host.dropNotice('other-tab');
      this.saveNow();
      host.focusSaved();
    };
    host.putNotice(otherTabNotice(cat, value, (date) => host.time(date), { load, keep }), { focus: false });
  }
}
