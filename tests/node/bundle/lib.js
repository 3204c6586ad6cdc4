/* A block comment that mentions import x from './nowhere.js' and a closing brace } */
let counter = 0;
export function bump() {
  counter += 1; // a line comment with 'quotes
}
export const count = () => counter;
export const twice = (n) => n * 2;
export const pattern = /a\/\/b/; // slashes inside a regular expression are not a comment
const a = 10;
const b = 4;
export const ratio = a / b / 1; // two divisions, not a regular expression
export const template = `line one // not a comment
  ${`nested ${a} } {`}
    indented line`;
export default function greet(name) {
  return `hello ${name}`;
}
