/** Fragment files generated from the harvest spreadsheet are `.txt` files that start with their FragmentID. */
export const FRAGMENT_FIRST_LINE = /^\uFEFF?\*\*FragmentID\*\*:/;
