// The remote features' work over SSH, loaded on first use (`await import('./sshSide')`).
// esbuild.mjs bundles this module, with ssh2 and the SMTP probe and SASL checks it runs on the
// server, as dist/ssh.js, apart from the extension's main file, which VS Code reads whole before
// calling activate().
export { connect } from '../../../server/src/ssh/connect';
export { probeFromServer } from '../../../server/src/ssh/forward';
export { remoteCheck } from '../../../server/src/ssh/remoteCheck';
export { gatherSaslFacts, saslServerFindings } from '../../../server/src/ssh/saslServerCheck';
