// Reading social value measures from a CSV file (as Excel or a proxy-value library exports it):
// a header row naming the columns, then one measure a row. Quoted fields may hold commas, quotes
// (doubled) and line breaks; a byte order mark and either line ending are accepted. Nothing here
// checks numbers: the engine does that for each row (see design/measures.js).

/**
 * Splits CSV text into records. Returns { records: [{ row, fields }], problems: [{ row, code }] },
 * `row` counting records from 1 as a spreadsheet shows them. A quote left open swallows the rest of
 * the file, so it is reported and that record dropped; text after a closing quote is reported.
 */
export function parseCsv(text) {
  const src = String(text ?? '').replace(/^\uFEFF/, '');
  const records = [];
  const problems = [];
  let fields = [];
  let field = '';
  let quoted = false; // inside quotes
  let wasQuoted = false; // the current field was quoted and has closed
  let stray = false; // text after a closing quote in this record
  let row = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (stray) problems.push({ row, code: 'csvStrayQuote' });
    else records.push({ row, fields });
    fields = [];
    stray = false;
    row += 1;
  };
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
          wasQuoted = true;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      if (wasQuoted) {
        stray = true;
      } else if (field.trim() === '') {
        field = '';
        quoted = true;
      } else {
        field += ch; // a lone quote inside an unquoted field is taken as written
      }
    } else if (ch === ',') {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      endRecord();
    } else {
      if (wasQuoted && ch.trim() !== '') stray = true;
      field += ch;
    }
  }
  if (quoted) {
    problems.push({ row, code: 'csvOpenQuote' });
  } else if (field !== '' || fields.length) {
    endRecord();
  }
  return { records, problems };
}

const COLUMNS = {
  name: 'name',
  unit: 'unit',
  proxy: 'proxy',
  source: 'source',
  licence: 'licence',
  license: 'licence',
  id: 'id',
};
const REQUIRED = ['name', 'unit', 'proxy'];

/**
 * Measures from CSV text: { measures: [{ row, measure }], problems: [{ row, code, params }] }.
 * Each measure has name, unit and proxy (as typed, with spaces, thousands commas and currency signs
 * removed), and source, licence and id when given. Rows with problems are left out.
 */
export function measuresFromCsv(text) {
  const { records, problems } = parseCsv(text);
  const out = { measures: [], problems: problems.map((p) => ({ ...p, params: {} })) };
  const filled = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = filled.shift();
  if (!header) {
    out.problems.push({ row: 1, code: 'csvEmpty', params: {} });
    return out;
  }
  const columns = header.fields.map((f) => {
    const name = f.trim().toLowerCase();
    return Object.hasOwn(COLUMNS, name) ? COLUMNS[name] : null;
  });
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) {
    out.problems.push({ row: header.row, code: 'csvHeader', params: { columns: missing.join(', ') } });
    return out;
  }
  for (const r of filled) {
    if (r.fields.length > columns.length) {
      out.problems.push({
        row: r.row,
        code: 'csvTooManyFields',
        params: { found: r.fields.length, expected: columns.length },
      });
      continue;
    }
    const m = {};
    columns.forEach((col, i) => {
      const value = (r.fields[i] ?? '').trim();
      if (col && value !== '') m[col] = col === 'proxy' ? value.replace(/[\s,£$€]/g, '') : value;
    });
    const empty = REQUIRED.filter((c) => m[c] === undefined);
    if (empty.length) {
      out.problems.push({ row: r.row, code: 'csvMissing', params: { columns: empty.join(', ') } });
      continue;
    }
    out.measures.push({ row: r.row, measure: m });
  }
  out.problems.sort((a, b) => a.row - b.row);
  return out;
}

/** A short id from a name, unique among `used`: "Local people employed" -> "local-people-employed". */
/** `name`, or "name 2", "name 3"… when `taken` (a Set of names) already holds it. */
export function freshName(name, taken) {
  let out = name;
  for (let n = 2; taken.has(out); n += 1) out = `${name} ${n}`;
  return out;
}

export function slugId(name, used, fallback = 'item') {
  const base =
    String(name ?? '')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || fallback;
  let id = base;
  let n = 2;
  while (used.has(id)) {
    id = `${base}-${n}`;
    n += 1;
  }
  return id;
}
