/** The suite's bundle takes `.txt` files as their text (scripts/real-vscode/build-suite.mjs). */
declare module '*.txt' {
  const text: string;
  export default text;
}
