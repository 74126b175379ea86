// The JSON schema of scenario files (schemas/, contributed by package.json) says what the
// simulator's scenario reader accepts, no more and no less: checked with a real JSON-schema
// validator (Ajv) on the lab's file and on random scenario-shaped values.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import fc from 'fast-check';
import { FILES, render } from '../../../../schemas/generate.mjs';
import { isScenarioFile } from '../../../../server/src/languageservice/scenarios';
import { FILE_KEYS, isScenario, OUTCOME_PATTERN, parseScenarios, SCENARIO_KEYS } from '../../../../server/src/postfix/simulator/scenarios';

const ROOT = resolve(__dirname, '../../../..');
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const schema = json(`schemas/${FILES.en}`);
const validate = new Ajv({ strict: false }).compile(schema);

/** The schema without its words, to compare the two languages' structure. */
const structure = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(structure) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => !['description', 'title'].includes(k)).map(([k, v]) => [k, structure(v)])) : x;

const parses = (text: string) => {
  try {
    parseScenarios(text);
    return true;
  } catch {
    return false;
  }
};

describe('scenario file schema', () => {
  it('is current, in English and Spanish, with the same structure', () => {
    for (const [locale, name] of Object.entries(FILES)) assert.equal(readFileSync(join(ROOT, 'schemas', name), 'utf8'), render(locale as 'en' | 'es'), `schemas/${name}: run node schemas/generate.mjs`);
    assert.deepEqual(structure(json(`schemas/${FILES.es}`)), structure(schema));
    assert.notEqual(json(`schemas/${FILES.es}`).description, schema.description);
  });

  it("is contributed for *.scenarios.json, each language's file from its own manifest strings", () => {
    const [contribution] = json('package.json').contributes.jsonValidation;
    assert.equal(contribution.fileMatch, '*.scenarios.json');
    assert.ok(isScenarioFile('/lab/mailflow.scenarios.json'));
    const key = /^%(.+)%$/.exec(contribution.url)![1];
    assert.equal(json('package.nls.json')[key], `./schemas/${FILES.en}`);
    assert.equal(json('package.nls.es.json')[key], `./schemas/${FILES.es}`);
    assert.ok(existsSync(join(ROOT, 'schemas', FILES.es)));
    assert.ok(readFileSync(join(ROOT, '.vscodeignore'), 'utf8').includes('!schemas/*.json'), 'the .vsix carries the schemas');
  });

  it("validates the lab's scenario file", () => {
    const lab = json('examples/lab/mailflow.scenarios.json');
    assert.ok(validate(lab), JSON.stringify(validate.errors));
    assert.ok(parses(readFileSync(join(ROOT, 'examples/lab/mailflow.scenarios.json'), 'utf8')));
  });

  it('names the keys the reader reads, and its outcome pattern', () => {
    assert.deepEqual(Object.keys(schema.definitions.scenario.properties).sort(), [...SCENARIO_KEYS].sort());
    assert.deepEqual(Object.keys(schema.properties).sort(), [...FILE_KEYS].sort());
    assert.equal(schema.definitions.outcome.pattern, OUTCOME_PATTERN.source);
  });

  it('accepts exactly what the reader accepts', () => {
    const anyValue = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }));
    const outcome = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('accepted', 'rejected', '454 4.7.1') }, fc.constantFrom('accepted', 'rejected', 'deferred', 'Accepted', '454', '454 4.7.1', '4541', '250 ok', '654', ' 454', ''), fc.string({ maxLength: 5 }));
    const field = <T>(good: fc.Arbitrary<T>) => fc.option(fc.oneof({ weight: 12, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: anyValue }), { nil: undefined, freq: 12 });
    const scenario = fc
      .record(
        {
          name: field(fc.string({ maxLength: 5 })),
          service: field(fc.constantFrom('smtp', 'submission')),
          port: field(fc.constantFrom(25, 587, 1.5)),
          client: field(fc.constantFrom('192.0.2.1', '192.0.2.1,pc.example')),
          helo: field(fc.constant('localhost')),
          sasl: field(fc.constant('usuario')),
          tls: field(fc.boolean()),
          from: field(fc.constantFrom('a@example.org', '')),
          to: field(fc.array(fc.constantFrom('b@example.net', 'c@example.net'), { maxLength: 2 })),
          expect: field(fc.dictionary(fc.constantFrom('b@example.net', 'c@example.net'), outcome, { maxKeys: 2 })),
          extra: fc.option(fc.constant(1), { nil: undefined, freq: 8 }),
        },
        { requiredKeys: [] },
      )
      .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
    let valid = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const file = { scenarios: [s] };
        const bySchema = validate(file) as boolean;
        assert.equal(bySchema, isScenario(s), `${JSON.stringify(s)}: schema ${bySchema}, ${JSON.stringify(validate.errors)}`);
        assert.equal(parses(JSON.stringify(file)), bySchema);
        if (bySchema) valid++;
      }),
      { numRuns: 3000 },
    );
    assert.ok(valid > 50, `only ${valid} valid scenarios generated`);
    for (const file of [{ scenarios: [] }, { $schema: './x.json', scenarios: [] }, { scenarios: [], other: 1 }, { scenarios: {} }, []]) {
      assert.equal(validate(file), parses(JSON.stringify(file)), JSON.stringify(file));
    }
  });
});
