// The properties every text parser gets: no exception and ranges inside the document on
// generated documents, the same on large repeated documents (where the runner's per-KB budget
// catches super-linear parsing), the language service's features on the same inputs, and the
// formatter's properties where the language has one.
import { serviceFor } from '../../server/src/languageservice/languages';
import { amplified, document, Flavour } from './arbitraries';
import { assertAllRangesInside, byteLength, formattingProperty, FormattingInvariant, FuzzProperty, LineModel, runService, verifyService } from './property';

export interface ParserUnderTest {
  parser: string;
  flavour: Flavour;
  parse(text: string): unknown;
  /** How the parser numbers lines. */
  model: LineModel;
  /** Extra checks on the parse result (the ranges are always checked). */
  verify?(text: string, result: unknown): void;
  /** Keys of the result not to walk when looking for ranges. */
  skip?: string[];
  /** The editor language whose service runs on the same text. */
  languageId?: string;
  /** Whether the formatter may change the case of tokens (DNS types and classes). */
  caseInsensitiveTokens?: boolean;
  /**
   * Postfix ends lines at '\n' only, editors also at a lone '\r'; the two numberings cannot agree
   * on a lone CR, so the service property turns it into CRLF (VS Code normalises EOLs on load).
   */
  loneCrAsCrlf?: boolean;
  formattingKeeps?: FormattingInvariant;
}

export function standardProperties(p: ParserUnderTest): FuzzProperty[] {
  const verify = (text: string, result: unknown) => {
    assertAllRangesInside(result, text, p.model, p.skip);
    p.verify?.(text, result);
  };
  const docs = document(p.flavour);
  const props: FuzzProperty[] = [
    { parser: p.parser, name: 'no exception, every range inside the document', arbitrary: docs, run: p.parse, verify, size: byteLength },
    { parser: p.parser, name: 'linear time on 64-256 KB documents', arbitrary: amplified(p.flavour), run: p.parse, verify, size: byteLength, share: 0.002 },
  ];
  const service = p.languageId ? serviceFor(p.languageId) : undefined;
  if (service && p.languageId) {
    const id = p.languageId;
    const serviceDocs = p.loneCrAsCrlf ? docs.map((t) => t.replace(/\r(?!\n)/g, '\r\n')) : docs;
    props.push({
      parser: p.parser,
      name: `${id} service: diagnostics, symbols and folding inside the document`,
      arbitrary: serviceDocs,
      run: (text) => runService(service, id, text),
      verify: verifyService,
      size: byteLength,
      // The services do far more than parse: 20% of the inputs (20,000) in the full run keeps it
      // within ~10 minutes; the unit slice keeps its 5%.
      share: 0.05,
      fullRunShare: 0.2,
      timed: false,
    });
    const formatting = formattingProperty(p.parser, service, id, serviceDocs, p.caseInsensitiveTokens, p.formattingKeeps);
    if (formatting) props.push(formatting);
  }
  return props;
}
