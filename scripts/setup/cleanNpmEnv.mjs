// The environment for an npm that we run ourselves. npm passes its configuration to the scripts
// it runs as npm_* variables (npm_config_user_agent, npm_config_prefix, npm_lifecycle_event, ...),
// and a nested npm reads npm_config_* back as its own configuration. Inherited, they make the
// nested install depend on how we were launched: under `npm start` code-server's postinstall read
// the parent's "node/v20" from npm_config_user_agent and refused to install. INIT_CWD and NODE
// are npm's too.
export function cleanNpmEnv(env = process.env, extra = {}) {
  const clean = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE') continue;
    clean[k] = v;
  }
  return { ...clean, ...extra };
}
