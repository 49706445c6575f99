/** SQL spellings of the separators inside stored values. */
export const US = `'\\x1f'`; // separates the parts of a value
export const RS = `'\\x1e'`; // separates board and status in map keys
