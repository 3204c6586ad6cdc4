export let changing = 1;
export function change() {
  changing = 2;
}
