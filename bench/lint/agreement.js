// Findings agreement between Berth and the two npm peers on the rule themes they share, over the same files:
//   [BERTH=path/to/berth] node bench/lint/agreement.js FILE...   (default: the NativeAOT build run.sh publishes)
// Berth runs once over all files (--format json); the peers run in this process through their libraries, as in peers.js.
// Findings are compared per file and per instruction: every finding's line is moved to the first line of the instruction it
// is in, because the tools report different lines of a multi-line instruction (dockerfilelint: the first line; Berth: the
// word at fault). Prints a markdown table; with DETAILS=FILE it also writes up to EXAMPLES disagreements per theme and side.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const berth = process.env.BERTH || path.join(__dirname, '.work', 'berth', 'berth');
const files = process.argv.slice(2);
const modules = path.join(__dirname, '.work', 'node_modules');
const dockerfilelint = require(path.join(modules, 'dockerfilelint', 'lib', 'index.js'));
const utils = require(path.join(modules, 'dockerfile-utils'));

// Themes: what each tool calls the same problem. A side with no rule for a theme is null (not compared).
const themes = [
  { theme: 'apt-get install without -y', berth: ['BDF205'], dfl: ['apt-get_missing_param'], utils: null },
  { theme: 'apt-get install without --no-install-recommends', berth: ['BDF206'], dfl: ['apt-get_recommends'], utils: null },
  { theme: 'apt lists not removed after apt-get update', berth: ['BDF204'], dfl: ['apt-get_missing_rm'], utils: null },
  { theme: 'apt-get update without install in the same RUN', berth: ['BDF244'], dfl: ['apt-get-update_require_install'], utils: null },
  { theme: 'apk add without --no-cache', berth: ['BDF212'], dfl: ['apkadd-missing_nocache_or_updaterm'], utils: null },
  { theme: 'sudo in RUN', berth: ['BDF229'], dfl: ['sudo_usage'], utils: null },
  { theme: 'FROM without a tag', berth: ['BDF103'], dfl: ['missing_tag'], utils: null },
  { theme: 'FROM :latest', berth: ['BDF104'], dfl: ['latest_tag'], utils: null },
  { theme: 'MAINTAINER deprecated', berth: ['BDF507'], dfl: ['deprecated_in_1.13'], utils: ['DEPRECATED_MAINTAINER'] },
  { theme: 'invalid EXPOSE port / protocol', berth: ['BDF503'], dfl: ['invalid_port', 'expose_host_port'], utils: ['INVALID_PORT', 'INVALID_PROTO'] },
  { theme: 'instruction before FROM', berth: ['BDF113'], dfl: ['from_first'], utils: null },
  { theme: 'unknown instruction / unreadable line', berth: ['BDF001'], dfl: ['invalid_command', 'invalid_line'], utils: ['UNKNOWN_INSTRUCTION'] },
  { theme: 'instruction casing', berth: ['BDF511'], dfl: ['uppercase_commands'], utils: ['CASING_INSTRUCTION'] },
  { theme: 'relative WORKDIR', berth: ['BDF502'], dfl: ['invalid_workdir'], utils: ['WORKDIR_IS_NOT_ABSOLUTE'] },
  { theme: 'more than one CMD / ENTRYPOINT / HEALTHCHECK', berth: ['BDF505', 'BDF506'], dfl: null, utils: ['MULTIPLE_INSTRUCTIONS'] },
  { theme: 'duplicate stage name', berth: ['BDF109'], dfl: null, utils: ['DUPLICATE_BUILD_STAGE_NAME'] },
  { theme: 'invalid stage name', berth: ['BDF114'], dfl: null, utils: ['INVALID_BUILD_STAGE_NAME'] },
  { theme: 'empty continuation line', berth: ['BDF516'], dfl: null, utils: ['EMPTY_CONTINUATION_LINE'] },
  { theme: 'invalid STOPSIGNAL', berth: ['BDF518'], dfl: null, utils: ['INVALID_SIGNAL'] },
  { theme: 'invalid HEALTHCHECK option', berth: ['BDF517'], dfl: ['healthcheck_options_missing_args'],
    utils: ['FLAG_INVALID_DURATION', 'FLAG_LESS_THAN_1MS', 'FLAG_MISSING_DURATION', 'FLAG_UNKNOWN_UNIT', 'HEALTHCHECK_CMD_ARGUMENT_MISSING', 'UNKNOWN_HEALTHCHECK_FLAG'] },
];

// For each 1-based line, the first line of the instruction it belongs to (continuations, comments inside them, heredoc bodies).
function instructionStarts(text) {
  const lines = text.split(/\r?\n/);
  const start = new Array(lines.length + 2).fill(0);
  let current = 0, continuing = false, heredocs = [];
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1, line = lines[i];
    if (heredocs.length > 0) {
      start[n] = current;
      const body = heredocs[0].strip ? line.replace(/^\t+/, '') : line;
      if (body === heredocs[0].name) heredocs.shift();
      continue;
    }
    const trimmed = line.trim();
    if (continuing && (trimmed === '' || trimmed.startsWith('#'))) { start[n] = current; continue; }
    if (!continuing) current = n;
    start[n] = current;
    continuing = /\\\s*$/.test(line);
    if (!continuing && /^\s*(run|copy|add)\b/i.test(lines[current - 1] || '')) {
      const logical = lines.slice(current - 1, n).join('\n');
      for (const m of logical.matchAll(/<<(-?)["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g)) heredocs.push({ strip: m[1] === '-', name: m[2] });
    }
  }
  return (line) => start[Math.min(Math.max(line, 1), lines.length)] || line;
}

const berthFindings = new Map(); // file -> [{rule, line}]
{
  let out;
  try {
    out = execFileSync(berth, ['lint', '--format', 'json', '--fail-on', 'info', ...files], { maxBuffer: 1 << 28, encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit code 1: findings
  }
  for (const f of JSON.parse(out).findings) {
    if (!berthFindings.has(f.file)) berthFindings.set(f.file, []);
    berthFindings.get(f.file).push({ rule: f.rule, line: f.line, message: f.message });
  }
}

const tools = ['berth', 'dfl', 'utils'];
const keys = { berth: new Map(), dfl: new Map(), utils: new Map() }; // theme -> Set("file\tline")
const messages = new Map(); // "tool\ttheme\tfile\tline" -> message
for (const t of themes) for (const tool of tools) keys[tool].set(t.theme, new Set());
const crashed = { dfl: new Set(), utils: new Set() }; // files a peer throws on: left out of the comparison with that peer

function add(tool, rule, file, line, message, startOf) {
  for (const t of themes) {
    if (t[tool] && t[tool].includes(rule)) {
      const key = `${file}\t${startOf(line)}`;
      keys[tool].get(t.theme).add(key);
      const m = `${tool}\t${t.theme}\t${key}`;
      if (!messages.has(m)) messages.set(m, `${rule}: ${message}`);
    }
  }
}

for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const startOf = instructionStarts(text);
  for (const f of berthFindings.get(file) || []) add('berth', f.rule, file, f.line, f.message, startOf);
  try {
    for (const item of dockerfilelint.run(__dirname, text)) add('dfl', item.rule, file, item.line, item.title, startOf);
  } catch (e) {
    crashed.dfl.add(file);
  }
  try {
    for (const d of utils.validate(text)) add('utils', utils.ValidationCode[d.code], file, d.range.start.line + 1, d.message, startOf);
  } catch (e) {
    crashed.utils.add(file);
  }
}

const fileOf = (key) => key.split('\t')[0];
function compare(a, b) {
  const both = [...a].filter((k) => b.has(k)).length;
  return { both, onlyA: a.size - both, onlyB: b.size - both };
}
function filesOf(set) { return new Set([...set].map(fileOf)); }

const details = [];
const examples = Number(process.env.EXAMPLES || 3);
console.log(`${files.length} files; dockerfilelint throws on ${crashed.dfl.size} and dockerfile-utils on ${crashed.utils.size}: those files are left out of the comparison with that peer`);
console.log();
console.log('| theme | Berth rules | peer rules | peer | instructions: both / only Berth / only peer | files: both / only Berth / only peer |');
console.log('|---|---|---|---|---|---|');
for (const t of themes) {
  for (const peer of ['dfl', 'utils']) {
    if (!t[peer]) continue;
    const kept = (set) => new Set([...set].filter((k) => !crashed[peer].has(fileOf(k))));
    const b = kept(keys.berth.get(t.theme)), p = kept(keys[peer].get(t.theme));
    const lines = compare(b, p), fl = compare(filesOf(b), filesOf(p));
    const name = peer === 'dfl' ? 'dockerfilelint' : 'dockerfile-utils';
    console.log(`| ${t.theme} | ${t.berth.join(', ')} | ${t[peer].join(', ')} | ${name} | ${lines.both} / ${lines.onlyA} / ${lines.onlyB} | ${fl.both} / ${fl.onlyA} / ${fl.onlyB} |`);
    for (const [tool, mine, other] of [['berth', b, p], [peer, p, b]]) {
      const side = tool === 'berth' ? `Berth only, vs ${name}` : `${name} only`;
      [...mine].filter((k) => !other.has(k)).slice(0, examples).forEach((k) => {
        const [file, line] = k.split('\t');
        const text = fs.readFileSync(file, 'utf8').split(/\r?\n/)[Number(line) - 1] || '';
        details.push(`${t.theme} [${side}] ${file}:${line}: ${text.trim().slice(0, 140)}\n    ${messages.get(`${tool}\t${t.theme}\t${k}`)}`);
      });
    }
  }
}
if (process.env.DETAILS) fs.writeFileSync(process.env.DETAILS, details.join('\n') + '\n');
