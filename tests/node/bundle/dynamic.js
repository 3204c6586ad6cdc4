const name = './lib.js';
export const later = () => import(name);
