/** Where admin commands write: the terminal in production, a buffer in tests. */
export interface Output {
  line(text: string): void;
  error(text: string): void;
}

export const consoleOutput: Output = {
  line: (text) => console.log(text),
  error: (text) => console.error(text),
};
