// Lints every file named on the command line in one Node process with the named peer, the way their libraries are used:
//   node peers.js dockerfilelint FILE...   |   node peers.js dockerfile-utils FILE...
// Prints "<files> files, <with findings> with findings, <findings> findings, <crashed> crashed".
'use strict';
const fs = require('fs');
const path = require('path');
const [peer, ...files] = process.argv.slice(2);
const modules = path.join(__dirname, '.work', 'node_modules');
let lint;
if (peer === 'dockerfilelint') {
  const dfl = require(path.join(modules, 'dockerfilelint', 'lib', 'index.js'));
  lint = (text) => dfl.run(__dirname, text);
} else if (peer === 'dockerfile-utils') {
  const utils = require(path.join(modules, 'dockerfile-utils'));
  lint = (text) => utils.validate(text);
} else {
  console.error('usage: node peers.js dockerfilelint|dockerfile-utils FILE...');
  process.exit(2);
}
let withFindings = 0, findings = 0, crashed = 0;
for (const file of files) {
  let result;
  try {
    result = lint(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    crashed++; // the peer throws on this file (its own CLI would stop here)
    continue;
  }
  const count = Array.isArray(result) ? result.length : 0;
  findings += count;
  if (count > 0) withFindings++;
}
console.log(`${files.length} files, ${withFindings} with findings, ${findings} findings, ${crashed} crashed`);
