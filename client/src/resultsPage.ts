// What the results webviews (SMTP test, served DNS) share: HTML escaping, a script nonce, and the
// head of the page with its content security policy and the theme-following table styles.
import { randomBytes } from 'node:crypto';

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A fresh nonce and the page up to `<body>`; `css` adds the view's own rules. */
export function resultsPageHead(cspSource: string, css = ''): { nonce: string; head: string } {
  const nonce = randomBytes(16).toString('base64');
  const head = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
.ok { color: var(--vscode-testing-iconPassed, green); } .bad { color: var(--vscode-testing-iconFailed, red); }
table { border-collapse: collapse; margin: .4em 0; } td, th { padding: 2px 8px; text-align: left; vertical-align: top; }
th { border-bottom: 1px solid var(--vscode-panel-border); } code { font-family: var(--vscode-editor-font-family); }
${css}</style></head><body>`;
  return { nonce, head };
}
