#!/usr/bin/env node
// Compiles the registry contracts with the npm solc and writes, per deployable contract,
// <Contract>.abi (JSON) and <Contract>.bin (hex creation bytecode, no 0x) into --out <dir>.
// Installs the npm packages first when node_modules is missing. Usage:
//   node contracts/build.js --out <dir>
'use strict';
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const here = __dirname;
const outIndex = process.argv.indexOf('--out');
if (outIndex < 0 || !process.argv[outIndex + 1]) {
  console.error('usage: node build.js --out <dir>');
  process.exit(2);
}
const outDir = path.resolve(process.argv[outIndex + 1]);

if (!fs.existsSync(path.join(here, 'node_modules', 'solc', 'package.json'))) {
  console.log('installing npm packages (npm ci)');
  execSync('npm ci --no-audit --no-fund', { cwd: here, stdio: 'inherit' });
}
const solc = require(path.join(here, 'node_modules', 'solc'));

// The same settings as foundry.toml, so the tested bytecode is the deployed bytecode.
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  viaIR: true,
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};

function listSources(dir, rel) {
  let files = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const r = rel + '/' + e.name;
    if (e.isDirectory()) files = files.concat(listSources(p, r));
    else if (e.name.endsWith('.sol')) files.push(r);
  }
  return files;
}

const sources = {};
for (const f of listSources(path.join(here, 'src'), 'src')) {
  sources[f] = { content: fs.readFileSync(path.join(here, f), 'utf8') };
}

function findImports(p) {
  const candidates = [path.join(here, p), path.join(here, 'node_modules', p)];
  for (const c of candidates) {
    if (fs.existsSync(c)) return { contents: fs.readFileSync(c, 'utf8') };
  }
  return { error: 'not found: ' + p };
}

const input = { language: 'Solidity', sources, settings: SETTINGS };
const started = Date.now();
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) {
  if (e.severity === 'error' || !e.sourceLocation || e.sourceLocation.file.startsWith('src/')) {
    console.error(e.formattedMessage);
  }
}
if (errors.length > 0) {
  console.error(`build failed: ${errors.length} error(s)`);
  process.exit(1);
}

fs.mkdirSync(outDir, { recursive: true });
const written = [];
for (const file of Object.keys(output.contracts).filter((f) => f.startsWith('src/'))) {
  for (const [name, c] of Object.entries(output.contracts[file])) {
    const bin = c.evm.bytecode.object;
    if (!bin) continue; // interfaces and abstract contracts
    fs.writeFileSync(path.join(outDir, name + '.abi'), JSON.stringify(c.abi));
    fs.writeFileSync(path.join(outDir, name + '.bin'), bin);
    written.push(`${name} (${bin.length / 2} bytes)`);
  }
}
console.log(`solc ${solc.version()}: wrote ${written.length} contracts to ${outDir} in ${Date.now() - started} ms`);
for (const w of written) console.log('  ' + w);
