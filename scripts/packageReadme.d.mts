export const PACKAGE_README: string;
export function withoutLocalImages(markdown: string): string;
export function writePackageReadme(root?: string): string;
