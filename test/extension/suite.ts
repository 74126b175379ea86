// The extension-host test file that @vscode/test-cli hands to mocha inside VS Code. It is bundled
// into one file, so suites are functions called here, while mocha is loading this file.
import { dnsCheckSuite } from './dnsCheck.test';
import { languageSuite } from './language.test';
import { lifecycleSuite } from './lifecycle.test';
import { manPageHoverSuite } from './manPageHover.test';
import { postfixSuite } from './postfix.test';
import { remoteSuite } from './remote.test';
import { simulateSuite } from './simulate.test';
import { smtpSuite } from './smtp.test';
import { walkthroughSuite } from './walkthrough.test';
import { zoneSuite } from './zone.test';

languageSuite();
lifecycleSuite();
postfixSuite();
smtpSuite();
remoteSuite();
walkthroughSuite();
zoneSuite();
manPageHoverSuite();
dnsCheckSuite();
simulateSuite();
