// Session simulator (issue 19) on the lesson's main.cf and master.cf: one session in process,
// configuration parsing included (port 587, authenticated, two recipients; budget 2 ms), and
// re-checking 50 scenarios after an edit (the lab's seven, repeated; budget 30 ms).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { simulate } from '../../server/src/postfix/simulator';
import { checkScenario, parseScenarios } from '../../server/src/postfix/simulator/scenarios';
import { Figure, summarize, timeIt } from '../measure';

const LAB = resolve(__dirname, '../../examples/lab');

export async function run(): Promise<Figure[]> {
  const mainCf = readFileSync(`${LAB}/main.cf`, 'utf8');
  const masterCf = readFileSync(`${LAB}/master.cf`, 'utf8');
  const session = () =>
    simulate({ mainCf, masterCf, port: 587, client: { address: '192.0.2.1' }, helo: 'pc.example', sasl: 'usuario', tls: true, sender: 'usuario@mail1.org', recipients: ['a@mail2.org', 'b@mail1.org'] });
  const s = summarize(await timeIt(session, 200, 20));
  const lab = parseScenarios(readFileSync(`${LAB}/mailflow.scenarios.json`, 'utf8'));
  const fifty = Array.from({ length: 50 }, (_, i) => lab[i % lab.length]);
  const recheck = () => fifty.forEach((sc) => checkScenario(sc, { mainCf, masterCf }));
  const r = summarize(await timeIt(recheck, 30, 5));
  return [
    { suite: 'simulator', name: 'one session (parse + simulate)', unit: 'ms', median: s.median, spread: s.spread, budget: { max: 2, text: '2 ms' } },
    { suite: 'simulator', name: 're-check 50 scenarios', unit: 'ms', median: r.median, spread: r.spread, budget: { max: 30, text: '30 ms' } },
  ];
}
