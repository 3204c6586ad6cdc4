// The forms of import and export the single-file bundler understands, run by tests/node/dist.test.mjs.
import { payloadValue } from 'bundle:payload';
import greet, { twice as double, count, bump } from './lib.js';
import * as lib from './lib.js';
import Thing, * as more from './more.js';
import { fromMore, renamed } from './more.js';
import './side-effect.js';

bump();
bump();
globalThis.bundleResult = {
  greet: greet('x'),
  double: double(21),
  count: count(), // after two bumps
  nsKeys: Object.keys(lib).sort(),
  thing: new Thing().name,
  moreDefault: more.default === Thing,
  fromMore,
  renamed,
  reexported: more.twice(2),
  payloadValue,
  sideEffects: globalThis.sideEffects,
  regex: lib.pattern.test('a//b'),
  template: lib.template,
  division: lib.ratio,
};
