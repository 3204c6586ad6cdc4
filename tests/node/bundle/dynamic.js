export const later = () => import('./lib.js');
