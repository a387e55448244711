#!/usr/bin/env node
// `npm start`: make sure Electron's binary is there (fetching it on first start, since Electron 42+
// no longer downloads it during npm install), then run the built desktop app.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '../..');
let electronBinary;
try {
  // Requiring the electron package returns the binary's path, downloading it first if it is missing.
  electronBinary = require('electron');
} catch {
  process.stderr.write(
    '\nSanad\'s desktop window needs the Electron binary, which could not be downloaded here ' +
      '(Electron fetches it from GitHub on first start, and this machine cannot reach it). ' +
      'Everything else works without it: run "npm run serve" to start browser mode and open the address it prints ' +
      'in Chromium, Chrome, Firefox or Edge. To try the desktop app again later, run "npm start" on a machine with internet access.\n\n',
  );
  process.exit(1);
}
if (!existsSync(join(root, 'out/main/index.js'))) {
  const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const app = spawnSync(electronBinary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(app.status ?? 1);
