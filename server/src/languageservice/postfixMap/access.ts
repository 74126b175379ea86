// access(5) tables: which files are access maps, and the actions their values may start with.
// Anything else in a value is read by Postfix as a list of restrictions (or a restriction class).

/** access, sender_access, client_access, helo_access, recipient_access, smtpd-access, ... */
export function isAccessMap(uri: string): boolean {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)).toLowerCase();
  return /^(?:.*[_-])?access(?:\.(?:cf|txt|in|map|src))?$/.test(name);
}

export interface AccessAction {
  name: string;
  /** What the argument must be, for actions that require one. */
  argument?: string;
  en: string;
  es: string;
}

export const ACCESS_ACTIONS: readonly AccessAction[] = [
  { name: 'OK', en: 'Accept: the address, name or client is trusted.', es: 'Aceptar: la dirección, nombre o cliente es de confianza.' },
  { name: 'REJECT', en: 'Reject, with an optional text after the keyword.', es: 'Rechazar, con un texto opcional tras la palabra.' },
  { name: 'DEFER', en: 'Answer with a temporary error, optional text.', es: 'Responder con un error temporal, texto opcional.' },
  { name: 'DEFER_IF_REJECT', en: 'Temporary error if a later restriction would reject.', es: 'Error temporal si una restricción posterior rechazaría.' },
  { name: 'DEFER_IF_PERMIT', en: 'Temporary error if a later restriction would accept.', es: 'Error temporal si una restricción posterior aceptaría.' },
  { name: 'DISCARD', en: 'Accept and silently throw the message away.', es: 'Aceptar y tirar el mensaje sin avisar.' },
  { name: 'DUNNO', en: 'No decision here: go on with the next restriction.', es: 'Sin decisión aquí: seguir con la restricción siguiente.' },
  { name: 'HOLD', en: 'Put the message in the hold queue.', es: 'Dejar el mensaje en la cola hold.' },
  { name: 'INFO', en: 'Log the text and go on.', es: 'Registrar el texto y seguir.' },
  { name: 'WARN', en: 'Log a warning with the text and go on.', es: 'Registrar un aviso con el texto y seguir.' },
  { name: 'REDIRECT', argument: 'user@domain', en: 'Send the message to this address instead.', es: 'Enviar el mensaje a esta dirección en su lugar.' },
  { name: 'BCC', argument: 'user@domain', en: 'Send a blind copy to this address.', es: 'Enviar una copia oculta a esta dirección.' },
  { name: 'FILTER', argument: 'transport:destination', en: 'Deliver through this content filter.', es: 'Entregar a través de este filtro de contenido.' },
  { name: 'PREPEND', argument: 'Header-Name: value', en: 'Add this header line to the message.', es: 'Añadir esta línea de cabecera al mensaje.' },
];

const byName = new Map(ACCESS_ACTIONS.map((a) => [a.name, a]));

export function accessAction(word: string): AccessAction | undefined {
  return byName.get(word.toUpperCase());
}
