// mailconf.lsp.scenarios.run: the lab's scenario file against the configuration beside it, with
// each scenario's line, its failures and its path; unsaved edits count; bad input is an error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { CommandContext } from '../../../server/src/commands/command';
import { scenariosRunCommand, type ScenarioRunAnswer } from '../../../server/src/commands/scenariosRun';
import { readDiskText } from '../../../server/src/handlers/diskFiles';
import { commandContext } from '../../support/commandContext';

const LAB = resolve(__dirname, '../../../examples/lab');
const FILE = pathToFileURL(`${LAB}/mailflow.scenarios.json`).href;
const MAIN = pathToFileURL(`${LAB}/main.cf`).href;

const run = async (args: unknown[], ctx: CommandContext) => (await scenariosRunCommand.run(args, ctx)) as ScenarioRunAnswer;

/** As in the language server, the workspace reads the editor's buffers first. */
const context = (open: Record<string, string> = {}, locale: 'en' | 'es' = 'en') => commandContext({ open, locale, readText: (uri) => open[uri] ?? readDiskText(uri) });

describe('scenarios run command', () => {
  it("runs the lab's scenarios: all hold, each at its line, vm25's with its path", async () => {
    const a = await run([{ uri: FILE }], context());
    const text = readFileSync(`${LAB}/mailflow.scenarios.json`, 'utf8').split('\n');
    assert.equal(a.scenarios.length, 7);
    for (const s of a.scenarios) {
      assert.deepEqual(s.failures, [], s.name);
      assert.ok(s.ok);
      assert.ok(text[s.position.line + 1].includes(JSON.stringify(s.name)), `${s.name} at line ${s.position.line}`);
    }
    const vm25 = a.scenarios[0];
    const rcpt = vm25.path!.stages.find((st) => st.stage === 'rcpt')!;
    assert.equal(rcpt.reply, '454 4.7.1 <usuario@mail2.org>: Relay access denied');
    assert.equal(rcpt.lists.find((l) => l.state === 'decided')?.name, 'smtpd_relay_restrictions');
  });

  it('runs only the named scenarios, over unsaved edits, and reports broken expectations', async () => {
    const edited = readFileSync(`${LAB}/main.cf`, 'utf8').replace(/defer_unauth_destination/, 'reject_unauth_destination');
    const name = JSON.parse(readFileSync(`${LAB}/mailflow.scenarios.json`, 'utf8')).scenarios[0].name;
    const a = await run([{ uri: FILE, names: [name] }], context({ [MAIN]: edited }));
    assert.equal(a.scenarios.length, 1);
    assert.equal(a.scenarios[0].ok, false);
    // In the words of the editor's diagnostic on the file, in the user's language.
    assert.deepEqual(a.scenarios[0].failures, [`Scenario '${name}': usuario@mail2.org expected 454 4.7.1, got 554 5.7.1 <usuario@mail2.org>: Relay access denied`]);
    const es = await run([{ uri: FILE, names: [name] }], context({ [MAIN]: edited }, 'es'));
    assert.match(es.scenarios[0].failures![0], /^Escenario '.*': para usuario@mail2\.org se esperaba 454 4\.7\.1 y se obtuvo 554 5\.7\.1/);
  });

  it('lists the scenarios without running them', async () => {
    const a = await run([{ uri: FILE, listOnly: true }], context({ [MAIN]: 'not = a configuration {' }));
    assert.equal(a.scenarios.length, 7);
    assert.deepEqual(Object.keys(a.scenarios[0]).sort(), ['index', 'name', 'position']);
  });

  it('says what is wrong with a broken file or arguments', async () => {
    await assert.rejects(run([{ uri: FILE }], context({ [FILE]: '{"scenarios": [{"name": 1}]}' })), /scenario 1: needs name/);
    await assert.rejects(run([{ uri: FILE }], context({ [FILE]: 'nope' })), /not JSON/);
    await assert.rejects(run([{}], context()), /Expected \{uri/);
    await assert.rejects(run([{ uri: pathToFileURL('/nonexistent/x.scenarios.json').href }], context()), /Cannot read/);
  });
});
