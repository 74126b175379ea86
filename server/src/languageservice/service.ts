// The contract between the editor-agnostic analyses and their adapters (the LSP server, the CLI).
// One LanguageService per language; every method is a pure function of its inputs.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';

/** What an analysis may know beyond its own document: other files of the workspace. */
export interface Workspace {
  /** The text of a file, from the editor when it is open there, else from disk; undefined if unreadable. */
  readText(uri: string): string | undefined;
  /**
   * The names of the files in a folder (given as a URI ending in '/'), sorted; undefined when the
   * folder cannot be read. Optional: without it, analyses that follow globs (Dovecot's
   * `!include conf.d/*.conf`) or look for a file's absence in a folder skip that part.
   */
  listFiles?(folderUri: string): string[] | undefined;
}

export interface ServiceContext {
  workspace: Workspace;
  /** 'en' or 'es': the language of hover docs and messages that have translations. */
  locale: 'en' | 'es';
  /**
   * The Postfix release the configuration is for ("3.7", or a full version such as "3.7.11"),
   * resolved by the adapter from `mailconf.postfixVersion`; unset means the newest release known.
   */
  postfixVersion?: string;
  /**
   * Set by the language server, whose documents get edited: analyses may then spend a little on
   * the first check to make the re-checks after edits cheap. A one-shot check (the CLI) leaves it unset.
   */
  editing?: boolean;
}

export interface LanguageService {
  diagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[];
  completion?(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[];
  hover?(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null;
  documentSymbols?(doc: TextDocument): DocumentSymbol[];
  foldingRanges?(doc: TextDocument): FoldingRange[];
  codeActions?(doc: TextDocument, range: Range, diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[];
  definition?(doc: TextDocument, pos: Position, ctx: ServiceContext): Location[];
  format?(doc: TextDocument, options: FormattingOptions): TextEdit[];
  codeLenses?(doc: TextDocument, ctx: ServiceContext): CodeLens[];
  inlayHints?(doc: TextDocument, range: Range, ctx: ServiceContext): InlayHint[];
  references?(doc: TextDocument, pos: Position, includeDeclaration: boolean, ctx: ServiceContext): Location[];
  /** The range of the name that would be renamed; throws an Error saying why when it cannot be. */
  prepareRename?(doc: TextDocument, pos: Position, ctx: ServiceContext): Range | null;
  rename?(doc: TextDocument, pos: Position, newName: string, ctx: ServiceContext): WorkspaceEdit | null;
}
