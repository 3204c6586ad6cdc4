export { twice } from './lib.js';
export { count as counted } from './lib.js';
const fromMore = 'from more';
const inner = 'renamed';
export { fromMore, inner as renamed };
export default class Thing {
  name = 'thing';
}
