// Vite's `?raw` import of a Markdown file: its text, bundled at build time.
declare module '*.md?raw' {
  const text: string;
  export default text;
}
