// The demo pages are built from www/pages/ with their tenders from www/examples/: every inline
// tender is its example, and a widget suppliers see (publish, self-assess) carries the model only,
// never the bids. The pages are read here with their own small reader, not the build's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPage, buildPages, cleanPages, modelOnlyText } from '../../scripts/build-pages.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SUPPLIER_MODES = ['publish', 'self-assess'];

const example = (name) => readFile(`${root}www/examples/${name}.json`, 'utf8');

/** The widgets of a page: `{ open, mode, tenders: [{ open, text }] }` in page order. */
function widgetsIn(html) {
  return [...html.matchAll(/(<bid-scorer\b[^>]*>)([\s\S]*?)<\/bid-scorer>/g)].map((w) => ({
    open: w[1],
    mode: /\smode="([^"]*)"/.exec(w[1])?.[1] ?? null,
    tenders: [...w[2].matchAll(/(<script\b[^>]*type="application\/json"[^>]*>)([\s\S]*?)<\/script>/g)].map((s) => ({
      open: s[1],
      text: s[2],
    })),
  }));
}

/** The example each placeholder of a source page names, in page order. */
const placeholdersIn = (source) => [...source.matchAll(/<script\b[^>]*\sdata-example="([^"]*)"[^>]*><\/script>/g)].map((m) => m[1]);

/** Every string in `value`, deep (keys such as "supplier" are ordinary words; values are the bid). */
function strings(value, into = []) {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, into);
  return into;
}

/**
 * What is wrong with a built page, given its source and the examples' texts: a tender that is not
 * its example (the model only where suppliers see it), a `bids` key in a supplier's widget, anything
 * only a bid holds (a supplier, a price, a rationale) anywhere in such a page, an inline tender
 * outside a widget or without a placeholder in the source.
 */
function problems(name, source, built, examples) {
  const found = [];
  const named = placeholdersIn(source);
  const widgets = widgetsIn(built);
  const tenders = widgets.flatMap((w) => w.tenders.map((t) => ({ ...t, mode: w.mode })));
  const everywhere = [...built.matchAll(/<script\b[^>]*type="application\/json"/g)].length;
  if (everywhere !== tenders.length) found.push(`${name}: an inline tender outside a <bid-scorer>`);
  if (named.length !== tenders.length) {
    found.push(`${name}: ${tenders.length} inline tenders for ${named.length} placeholders`);
    return found;
  }
  const supplierFacing = tenders.some((t) => SUPPLIER_MODES.includes(t.mode));
  tenders.forEach((t, i) => {
    const file = examples[named[i]];
    const whole = JSON.parse(file);
    let tender;
    try {
      tender = JSON.parse(t.text);
    } catch {
      found.push(`${name}: tender ${i + 1} is not JSON`);
      return;
    }
    if (SUPPLIER_MODES.includes(t.mode)) {
      if (Object.hasOwn(tender, 'bids')) found.push(`${name}: the ${t.mode} widget carries bids`);
      const { bids, ...model } = whole;
      if (!Object.hasOwn(tender, 'bids')) {
        try {
          assert.deepStrictEqual(tender, model);
        } catch {
          found.push(`${name}: tender ${i + 1} is not ${named[i]} without its bids`);
        }
      }
    } else if (t.text !== `\n${file.replace(/</g, '\\u003c')}${file.endsWith('\n') ? '' : '\n'}`) {
      found.push(`${name}: tender ${i + 1} is not ${named[i]} as written`);
    }
  });
  if (supplierFacing) {
    // Whatever only the bids hold must not be anywhere in a page suppliers see.
    for (const n of new Set(named)) {
      const { bids = [], ...model } = JSON.parse(examples[n]);
      const modelText = JSON.stringify(model);
      const others = tenders.filter((t, i) => named[i] === n && !SUPPLIER_MODES.includes(t.mode));
      if (others.length > 0) continue; // a page showing the bids on purpose to its evaluators
      for (const s of new Set(strings(bids))) {
        if (s.length >= 4 && !modelText.includes(s) && built.includes(s)) {
          found.push(`${name}: shows "${s}" from a bid of ${n}`);
        }
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------- the real pages ---

test('every demo page is built from www/pages/: each tender its example, the model only where suppliers see it', async () => {
  const names = await buildPages();
  const sources = (await readdir(`${root}www/pages`)).filter((n) => n.endsWith('.html')).sort();
  assert.deepEqual(names, sources);
  const examples = {};
  for (const n of (await readdir(`${root}www/examples`)).filter((f) => f.endsWith('.json'))) {
    examples[n.slice(0, -5)] = await example(n.slice(0, -5));
  }
  const modes = [];
  for (const name of sources) {
    const source = await readFile(`${root}www/pages/${name}`, 'utf8');
    const built = await readFile(`${root}www/${name}`, 'utf8');
    // What is on disk is what the build makes now: never a stale page.
    assert.equal(built, buildPage(name, source, (e) => examples[e]), `${name} on disk is the build's`);
    assert.deepEqual(problems(name, source, built, examples), []);
    for (const w of widgetsIn(built)) if (w.tenders.length > 0) modes.push(w.mode);
  }
  // The rule is exercised: both supplier modes and the evaluators' mode have an inline tender.
  for (const mode of ['publish', 'self-assess', 'evaluate']) assert.ok(modes.includes(mode), mode);
  assert.ok(modes.length >= 8, `${modes.length} inline tenders`);
});

test('www/models/ holds each example without its bids, and nothing else', async () => {
  await buildPages();
  const examples = (await readdir(`${root}www/examples`)).filter((n) => n.endsWith('.json')).sort();
  const models = (await readdir(`${root}www/models`)).sort();
  assert.deepEqual(models, examples);
  for (const name of examples) {
    const whole = JSON.parse(await readFile(`${root}www/examples/${name}`, 'utf8'));
    const model = JSON.parse(await readFile(`${root}www/models/${name}`, 'utf8'));
    assert.equal(Object.hasOwn(model, 'bids'), false, name);
    delete whole.bids;
    assert.deepEqual(model, whole, name);
  }
});

test('an example that is not JSON stops the build, naming the file', async () => {
  const base = await mkdtemp(join(tmpdir(), 'pages-'));
  try {
    await mkdir(join(base, 'www/pages'), { recursive: true });
    await mkdir(join(base, 'www/examples'), { recursive: true });
    await writeFile(join(base, 'www/examples/broken.json'), '{"format": "bidscore/1", ');
    await assert.rejects(buildPages({ base }), /www\/examples\/broken\.json/);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
});

test('the source pages carry placeholders only: no tender is typed into them', async () => {
  for (const name of (await readdir(`${root}www/pages`)).filter((n) => n.endsWith('.html'))) {
    const source = await readFile(`${root}www/pages/${name}`, 'utf8');
    const inline = [...source.matchAll(/<script\b[^>]*type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)];
    assert.equal(inline.length, placeholdersIn(source).length, `${name}: every inline tender names its example`);
    for (const m of inline) assert.equal(m[1], '', `${name}: a placeholder with text in it`);
  }
});

test('a snippet shown to copy is true to the widget on its page', async () => {
  let seen = 0;
  for (const name of (await readdir(`${root}www`)).filter((n) => n.endsWith('.html'))) {
    const built = await readFile(`${root}www/${name}`, 'utf8');
    for (const m of built.matchAll(/<pre\b[^>]*><code>([\s\S]*?)<\/code><\/pre>/g)) {
      const snippet = m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      const open = /<bid-scorer\b[^>]*>/.exec(snippet)?.[0];
      if (!open) continue;
      seen++;
      const [widget] = widgetsIn(built);
      assert.equal(open, widget.open, `${name}: the snippet's element is the page's`);
      const tag = /<script type="application\/json"[^>]*>/.exec(snippet)?.[0];
      assert.equal(tag, widget.tenders[0].open, `${name}: the snippet's tender element is the page's`);
    }
  }
  assert.ok(seen >= 2, `${seen} snippets`);
});

// ----------------------------------------------------- the check above catches a leaking page ---

test('the page check fails a supplier page that carries bids, a bid, or a tender of its own', async () => {
  const file = await example('council-wellbeing');
  const examples = { 'council-wellbeing': file };
  const source = (mode) =>
    `<bid-scorer mode="${mode}">\n<script type="application/json" data-example="council-wellbeing"></script>\n</bid-scorer>\n`;
  const page = (mode, text) => `<bid-scorer mode="${mode}">\n<script type="application/json">\n${text}</script>\n</bid-scorer>\n`;
  const model = modelOnlyText(file);
  const whole = JSON.parse(file);
  // Sound pages pass.
  assert.deepEqual(problems('ok', source('publish'), page('publish', model), examples), []);
  assert.deepEqual(problems('ok', source('evaluate'), page('evaluate', file), examples), []);
  const cases = [
    ['publish with the whole file', source('publish'), page('publish', file), /carries bids/],
    ['self-assess with the whole file', source('self-assess'), page('self-assess', file), /carries bids/],
    ['an empty bids list', source('publish'), page('publish', JSON.stringify({ ...JSON.parse(model), bids: [] })), /carries bids/],
    [
      'a bid hidden under another key',
      source('publish'),
      page('publish', JSON.stringify({ ...JSON.parse(model), tender: { ...whole.tender, note: whole.bids } })),
      /not council-wellbeing without its bids|shows/,
    ],
    ['a supplier named in the page text', source('publish'), `<p>${whole.bids[1].supplier}</p>\n${page('publish', model)}`, /shows "Riverside/],
    ['a bid price in the page text', source('self-assess'), `<p>${whole.bids[3].price}</p>\n${page('self-assess', model)}`, /shows "760000"/],
    ['an evaluator page missing a bid', source('evaluate'), page('evaluate', model), /not council-wellbeing as written/],
    ['a tender outside the widget', source('publish'), `${page('publish', model)}<script type="application/json">{}</script>`, /outside/],
    ['a second tender typed in', source('publish'), page('publish', model).replace('</bid-scorer>', `<script type="application/json">\n${file}</script>\n</bid-scorer>`), /2 inline tenders for 1/],
    ['a tender that is not JSON', source('publish'), page('publish', '{ "format": '), /not JSON/],
  ];
  for (const [what, src, built, expected] of cases) {
    const found = problems('case', src, built, examples);
    assert.ok(found.some((p) => expected.test(p)), `${what}: ${JSON.stringify(found)}`);
  }
});

// ------------------------------------------------------------------------ the build's rules ---

test('the model without its bids is the file as written, with the bids member cut out in one piece', async () => {
  const file = await example('council-wellbeing');
  const out = modelOnlyText(file);
  const { bids, ...model } = JSON.parse(file);
  assert.deepEqual(JSON.parse(out), model);
  let same = 0;
  while (out[same] === file[same]) same++;
  assert.ok(file.endsWith(out.slice(same)), 'everything else is kept as written');
  assert.ok(!out.includes('"bids"'));
  const cases = [
    ['bids first', '{"bids":[1],"format":"x"}', { format: 'x' }],
    ['bids alone', '{ "bids": [] }', {}],
    ['bids last', '{\n  "a": 1,\n  "bids": [{ "s": "]}" }]\n}\n', { a: 1 }],
    ['a key spelt with escapes', '{"a":1,"bi\\u0064s":[{"supplier":"X"}]}', { a: 1 }],
    ['bids twice', '{"bids":[1],"a":"b","bids":[2]}', { a: 'b' }],
    ['bids twice, first', '{"bids":[1],"bids":[2],"a":3}', { a: 3 }],
    ['brackets and quotes in strings', '{"a":"}\\"{[","bids":[{"s":"]}\\\\\\""}],"c":{"bids":1}}', { a: '}"{[', c: { bids: 1 } }],
    ['no bids', '{"a":[1,{"b":null}],"c":true}', { a: [1, { b: null }], c: true }],
    ['numbers and literals around', '{"n":-1.5e3,"bids":null,"t":false}', { n: -1500, t: false }],
  ];
  for (const [what, text, want] of cases) {
    const got = modelOnlyText(text);
    assert.deepEqual(JSON.parse(got), want, what);
    assert.ok(!/X|\[2\]/.test(got), `${what}: ${got}`);
  }
  assert.throws(() => modelOnlyText('[1]'), /JSON object/);
  assert.throws(() => modelOnlyText('{"a":'), SyntaxError);
});

test('the build fills placeholders safely and refuses a page it cannot make true', async () => {
  const read = (name) => {
    if (name === 'hostile') return '{"format":"bidscore/1","tender":{"title":"</script><script>alert(1)</script><!--"},"bids":[{"supplier":"</SCRIPT>"}]}\n';
    if (name === 'plain') return '{"a":1,"bids":[{"supplier":"Secret Ltd"}]}';
    throw new Error('none');
  };
  const widget = (attrs, inner) => `<!doctype html>\n<p>&lt;script type=&quot;application/json&quot;&gt;</p>\n<bid-scorer ${attrs}>\n${inner}\n</bid-scorer>\n`;
  const placeholder = (name) => `<script type="application/json" data-example="${name}"></script>`;

  // Nothing in a string can end the element: `<` is written as \u003c, the same JSON.
  const built = buildPage('x.html', widget('mode="evaluate"', placeholder('hostile')), read);
  const [w] = widgetsIn(built);
  assert.equal(w.tenders.length, 1);
  assert.ok(!w.tenders[0].text.includes('<'));
  assert.deepEqual(JSON.parse(w.tenders[0].text), JSON.parse(read('hostile')));
  assert.equal(w.tenders[0].open, '<script type="application/json">', 'the placeholder attribute is gone');
  assert.ok(built.startsWith('<!doctype html>\n<!-- Built by scripts/build-pages.mjs from www/pages/x.html'));
  assert.ok(built.includes('<p>&lt;script type=&quot;application/json&quot;&gt;</p>'), 'a shown snippet is left alone');
  // A file without a final newline still ends its line before </script>.
  assert.match(buildPage('x.html', widget('mode="evaluate"', placeholder('plain')), read), /"Secret Ltd"}]}\n<\/script>/);

  // Supplier modes, however the attribute is written, get the model only.
  for (const attrs of ['mode="publish"', "mode='self-assess'", 'MODE=publish', 'id="a" mode="publish" mode="evaluate"']) {
    const page = buildPage('x.html', widget(attrs, placeholder('plain')), read);
    assert.ok(!page.includes('Secret Ltd'), attrs);
    assert.ok(!page.includes('bids'), attrs);
  }

  const refused = [
    ['a tender typed in', widget('mode="evaluate"', '<script type="application/json">{"a":1}</script>'), /typed into the page/],
    ['a typed tender with odd spelling', widget('mode="evaluate"', '<SCRIPT TYPE="Application/JSON" >{}</SCRIPT>'), /typed into the page/],
    ['a placeholder with text', widget('mode="evaluate"', '<script type="application/json" data-example="plain">{}</script>'), /must be empty/],
    ['a placeholder with a newline', widget('mode="evaluate"', '<script type="application/json" data-example="plain">\n</script>'), /must be empty/],
    ['no such example', widget('mode="evaluate"', placeholder('missing')), /no example www\/examples\/missing.json/],
    ['a path out of the folder', widget('mode="evaluate"', placeholder('../../etc/passwd')), /must be a file name/],
    ['an empty name', widget('mode="evaluate"', placeholder('')), /must be a file name/],
    ['no mode', widget('id="a"', placeholder('plain')), /needs a mode attribute/],
    ['an unknown mode', widget('mode="Publish"', placeholder('plain')), /needs a mode attribute/],
    ['outside any widget', `${widget('mode="evaluate"', '')}${placeholder('plain')}\n`, /not inside a <bid-scorer>/],
  ];
  for (const [what, page, expected] of refused) {
    assert.throws(() => buildPage('x.html', page, read), (e) => expected.test(e.message) && e.message.startsWith('www/pages/x.html: '), what);
  }
});

test('the build is the only writer of www/*.html: a page whose source is gone goes too, a page it did not write stays', async () => {
  const base = await mkdtemp(join(tmpdir(), 'bidscore-pages-'));
  try {
    await mkdir(join(base, 'www/pages'), { recursive: true });
    await mkdir(join(base, 'www/examples'));
    await writeFile(join(base, 'www/examples/one.json'), '{"a":1,"bids":[{"supplier":"Secret Ltd"}]}\n');
    const page = (mode) => `<!doctype html>\n<bid-scorer mode="${mode}">\n<script type="application/json" data-example="one"></script>\n</bid-scorer>\n`;
    await writeFile(join(base, 'www/pages/a.html'), page('publish'));
    await writeFile(join(base, 'www/pages/b.html'), page('evaluate'));
    await writeFile(join(base, 'www/mine.html'), '<p>written by hand</p>\n');
    assert.deepEqual(await buildPages({ base }), ['a.html', 'b.html']);
    assert.ok(!(await readFile(join(base, 'www/a.html'), 'utf8')).includes('Secret Ltd'));
    assert.ok((await readFile(join(base, 'www/b.html'), 'utf8')).includes('Secret Ltd'));
    // An edited example reaches its pages on the next build.
    await writeFile(join(base, 'www/examples/one.json'), '{"a":2,"bids":[]}\n');
    await buildPages({ base });
    assert.match(await readFile(join(base, 'www/b.html'), 'utf8'), /"a":2/);
    await unlink(join(base, 'www/pages/b.html'));
    await buildPages({ base });
    const html = (await readdir(join(base, 'www'))).filter((n) => n.endsWith('.html')).sort();
    assert.deepEqual(html, ['a.html', 'mine.html']);
    await cleanPages({ base });
    assert.deepEqual((await readdir(join(base, 'www'))).filter((n) => n.endsWith('.html')), ['mine.html']);
    // A source the build refuses leaves no page behind it and names the page.
    await writeFile(join(base, 'www/pages/c.html'), page('evaluate').replace('data-example="one"', 'data-example="two"'));
    await assert.rejects(buildPages({ base }), /www\/pages\/c.html: no example www\/examples\/two.json/);
    assert.ok(!(await readdir(join(base, 'www'))).includes('c.html'));
  } finally {
    await rm(base, { recursive: true, force: true });
  }
});
