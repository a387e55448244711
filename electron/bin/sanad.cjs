#!/usr/bin/env node
// The `sanad` command: runs the built CLI (npm install builds it through the "prepare" script).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '../../out/main/cli.js');
if (!existsSync(cli)) {
  process.stderr.write('sanad: the app is not built yet. Run "npm install" (or "npm run build") in the Sanad folder first.\n');
  process.exit(1);
}
require(cli)
  .runCli(process.argv.slice(2))
  .then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`sanad: ${error && error.message ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
