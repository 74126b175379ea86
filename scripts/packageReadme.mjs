// The README that goes into the .vsix (`npm run package` hands it to vsce with --readme-path).
//
// Why a copy: VS Code's Extensions page renders an extension's README in a webview that shows
// https: images only. Its sanitizer keeps an image source only when it is http: or https: (a data:
// URL is dropped), and the page's content policy then loads https: alone. The repository's README
// points at its screenshots by relative path, right on a forge, but each showed there as a broken
// image with its alt text, and the lab's machine has no https host of ours to load them from. The
// copy leaves those screenshots out; images with an https: address stay.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGE_README = '.cache/package/README.md';

/** `![alt](target)` or `![alt](target "title")`, with the line's end when the image stands alone. */
const MARKDOWN_IMAGE = /(^[ \t]*)?!\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)([ \t]*\r?\n(?:[ \t]*\r?\n)?)?/gm;

/** The markdown without the images the Extensions page cannot show: all but https: ones. */
export function withoutLocalImages(markdown) {
  return markdown.replace(MARKDOWN_IMAGE, (whole, lineStart, target, lineEnd) => {
    if (/^https:/i.test(target)) return whole;
    // An image on a line of its own goes with its line and the blank line after it.
    return lineStart !== undefined && lineEnd !== undefined ? '' : (lineStart ?? '');
  });
}

/** Writes the package's README from the repository's; returns its path relative to the root. */
export function writePackageReadme(root = ROOT) {
  const text = withoutLocalImages(readFileSync(join(root, 'README.md'), 'utf8'));
  mkdirSync(dirname(join(root, PACKAGE_README)), { recursive: true });
  writeFileSync(join(root, PACKAGE_README), text);
  return PACKAGE_README;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) writePackageReadme();
