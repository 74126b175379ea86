// Writes the JSON schema of scenario files (*.scenarios.json) in English and in Spanish, which
// package.json contributes through jsonValidation so that VS Code validates and completes them.
// The structure is written once here; the descriptions come in both languages. What a scenario
// is, is the simulator's rule (server/src/postfix/simulator/scenarios.ts: SCENARIO_KEYS,
// OUTCOME_PATTERN, isScenario); test/server/postfix/simulator/scenariosSchema.test.ts checks that
// the two agree and that these files are current.
//   node schemas/generate.mjs          write schemas/scenarios.schema.json and .es.json
//   node schemas/generate.mjs --check  exit 1 when a written file differs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

const TEXT = {
  en: {
    title: 'mailconf scenario file',
    file: 'SMTP sessions with the outcome each recipient must get, checked against the main.cf and master.cf in the same folder (mailconf simulate --scenarios, and the editor after every edit).',
    schema: 'The schema this file follows.',
    scenarios: 'The scenarios, each one SMTP session.',
    scenario: 'One SMTP session: which smtpd (service or port), the client, what it says, and what each recipient must get.',
    name: 'What the scenario shows; shown with its result.',
    service: 'The master.cf smtpd service the client talks to ("smtp", "submission", "127.0.0.1:2525"). Give this or port.',
    port: 'The TCP port of the inet smtpd service the client connects to (25, 465, 587). Give this or service.',
    client: 'The client\'s address, optionally followed by a comma and its verified host name: "192.0.2.1" (no reverse name) or "192.0.2.1,pc.example.org".',
    helo: 'The name the client gives in EHLO (or HELO).',
    sasl: 'The SASL login the client authenticates as (AUTH).',
    tls: 'Whether the session is encrypted (STARTTLS, or the port\'s TLS wrapper).',
    from: 'The envelope sender (MAIL FROM); "" for the null sender.',
    to: 'The envelope recipients (RCPT TO), in order.',
    expect: 'What each recipient must get: "accepted", "rejected", "deferred", or the start of the RCPT reply ("454", "454 4.7.1", or more).',
    outcome: 'accepted, rejected, deferred, or the start of the reply: a code, then optionally a space and more ("454 4.7.1").',
    accepted: 'The recipient is accepted (250).',
    rejected: 'The recipient is refused for good (5xx).',
    deferred: 'The recipient is refused for now (4xx): the client tries again later.',
  },
  es: {
    title: 'Archivo de escenarios de mailconf',
    file: 'Sesiones SMTP con el resultado que debe obtener cada destinatario, comprobadas con el main.cf y el master.cf de la misma carpeta (mailconf simulate --scenarios, y el editor tras cada cambio).',
    schema: 'El esquema que sigue este archivo.',
    scenarios: 'Los escenarios, cada uno una sesión SMTP.',
    scenario: 'Una sesión SMTP: con qué smtpd (servicio o puerto), el cliente, lo que dice y lo que debe obtener cada destinatario.',
    name: 'Lo que muestra el escenario; se muestra con su resultado.',
    service: 'El servicio smtpd de master.cf con el que habla el cliente ("smtp", "submission", "127.0.0.1:2525"). Indique este o port.',
    port: 'El puerto TCP del servicio smtpd inet al que se conecta el cliente (25, 465, 587). Indique este o service.',
    client: 'La dirección del cliente, seguida opcionalmente de una coma y su nombre verificado: "192.0.2.1" (sin nombre inverso) o "192.0.2.1,pc.example.org".',
    helo: 'El nombre que da el cliente en EHLO (o HELO).',
    sasl: 'El usuario SASL con el que se autentica el cliente (AUTH).',
    tls: 'Si la sesión va cifrada (STARTTLS, o el TLS directo del puerto).',
    from: 'El remitente del sobre (MAIL FROM); "" para el remitente nulo.',
    to: 'Los destinatarios del sobre (RCPT TO), en orden.',
    expect: 'Lo que debe obtener cada destinatario: "accepted" (aceptado), "rejected" (rechazado), "deferred" (aplazado) o el comienzo de la respuesta a RCPT ("454", "454 4.7.1" o más).',
    outcome: 'accepted, rejected, deferred o el comienzo de la respuesta: un código y, opcionalmente, un espacio y más ("454 4.7.1").',
    accepted: 'El destinatario se acepta (250).',
    rejected: 'El destinatario se rechaza definitivamente (5xx).',
    deferred: 'El destinatario se rechaza por ahora (4xx): el cliente lo reintenta más tarde.',
  },
};

/** The schema in one language. */
export function scenariosSchema(locale) {
  const d = TEXT[locale];
  const text = (description) => ({ type: 'string', description });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: d.title,
    description: d.file,
    type: 'object',
    required: ['scenarios'],
    additionalProperties: false,
    properties: {
      $schema: text(d.schema),
      scenarios: { type: 'array', description: d.scenarios, items: { $ref: '#/definitions/scenario' } },
    },
    definitions: {
      scenario: {
        type: 'object',
        description: d.scenario,
        required: ['name', 'client', 'from', 'to', 'expect'],
        anyOf: [{ required: ['service'] }, { required: ['port'] }],
        additionalProperties: false,
        properties: {
          name: text(d.name),
          service: text(d.service),
          port: { type: 'number', description: d.port, examples: [25, 465, 587] },
          client: text(d.client),
          helo: text(d.helo),
          sasl: text(d.sasl),
          tls: { type: 'boolean', description: d.tls },
          from: text(d.from),
          to: { type: 'array', description: d.to, items: { type: 'string' } },
          expect: { type: 'object', description: d.expect, additionalProperties: { $ref: '#/definitions/outcome' } },
        },
        defaultSnippets: [
          {
            label: 'scenario',
            body: { name: '$1', port: 25, client: '${2:192.0.2.1}', helo: '${3:localhost}', from: '${4:user@example.org}', to: ['${5:user@example.net}'], expect: { '${5:user@example.net}': '${6:accepted}' } },
          },
        ],
      },
      outcome: {
        type: 'string',
        description: d.outcome,
        // Kept equal to OUTCOME_PATTERN in scenarios.ts (tested).
        pattern: '^(accepted|rejected|deferred|[2-5][0-9][0-9]( .*)?)$',
        anyOf: [{ enum: ['accepted'], description: d.accepted }, { enum: ['rejected'], description: d.rejected }, { enum: ['deferred'], description: d.deferred }, { pattern: '^[2-5][0-9][0-9]' }],
      },
    },
  };
}

export const FILES = { en: 'scenarios.schema.json', es: 'scenarios.schema.es.json' };

export const render = (locale) => JSON.stringify(scenariosSchema(locale), null, 2) + '\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [locale, name] of Object.entries(FILES)) {
    const path = join(HERE, name);
    if (!check) writeFileSync(path, render(locale));
    else if (readFileSync(path, 'utf8') !== render(locale)) {
      console.error(`${path} is not current: run node schemas/generate.mjs`);
      stale = true;
    }
  }
  process.exitCode = stale ? 1 : 0;
}
