// Every fuzzed parser and its properties, in the order `npm run fuzz` reports them.
import type { FuzzProperty } from '../property';
import { properties as maincf } from './maincf';
import { properties as mastercf } from './mastercf';
import { properties as expansion } from './expansion';
import { properties as zone } from './zone';
import { properties as aliases } from './aliases';
import { properties as postfixMap } from './postfixMap';
import { properties as msmtprc } from './msmtprc';
import { properties as sasl } from './sasl';
import { properties as records } from './records';
import { properties as postconf } from './postconf';
import { properties as scenarios } from './scenarios';

export const ALL_PROPERTIES: FuzzProperty<any>[] = [...maincf, ...mastercf, ...expansion, ...zone, ...aliases, ...postfixMap, ...msmtprc, ...sasl, ...records, ...postconf, ...scenarios];

export const PARSERS: string[] = [...new Set(ALL_PROPERTIES.map((p) => p.parser))];
