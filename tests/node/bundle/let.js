export let changing = 1;
changing = 2;
