// Session simulator (issue 19): one session in process, configuration parsing included, on the
// lesson's main.cf and master.cf (port 587, authenticated, two recipients). Budget: 2 ms.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { simulate } from '../../server/src/postfix/simulator';
import { Figure, summarize, timeIt } from '../measure';

const LAB = resolve(__dirname, '../../examples/lab');

export async function run(): Promise<Figure[]> {
  const mainCf = readFileSync(`${LAB}/main.cf`, 'utf8');
  const masterCf = readFileSync(`${LAB}/master.cf`, 'utf8');
  const session = () =>
    simulate({ mainCf, masterCf, port: 587, client: { address: '192.0.2.1' }, helo: 'pc.example', sasl: 'usuario', tls: true, sender: 'usuario@mail1.org', recipients: ['a@mail2.org', 'b@mail1.org'] });
  const s = summarize(await timeIt(session, 200, 20));
  return [{ suite: 'simulator', name: 'one session (parse + simulate)', unit: 'ms', median: s.median, spread: s.spread, budget: { max: 2, text: '2 ms' } }];
}
