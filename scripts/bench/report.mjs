// How every benchmark prints a figure.

/** Prints a figure beside its budget, marking it when over. */
export function report(name, value, budget, unit = 'ms') {
  const over = budget !== undefined && value > budget;
  const shown = typeof value === 'number' ? value.toFixed(1) : value;
  const limit = budget === undefined ? '' : `  (budget ${budget} ${unit})`;
  console.log(`${over ? 'OVER ' : '     '}${name.padEnd(52)} ${String(shown).padStart(9)} ${unit}${limit}`);
}
