// Imported dynamically by started.js.
export const lazyGreeting = (greet) => greet('lazily');
