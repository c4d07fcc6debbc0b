/** Small Markdown pieces the reports share. */

/** Text for a table cell: pipes escaped. */
export function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** A collapsed section. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
