/** Text made safe inside HTML, SVG or XML markup, in element content and quoted attributes alike. */
export function escapeMarkup(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
