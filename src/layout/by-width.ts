/**
 * A block's set form for a width, worked out once. The flow asks a block for its height many
 * times over (every trial fill while balancing a page or looking for a pull-quote's place), and
 * setting its text again each time was most of the layout's cost on a brief with pull-quotes.
 */
export function byWidth<T>(make: (width: number) => T): (width: number) => T {
  const made = new Map<number, T>();
  return (width) => {
    let value = made.get(width);
    if (value === undefined) {
      value = make(width);
      made.set(width, value);
    }
    return value;
  };
}
