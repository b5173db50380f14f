#!/usr/bin/env node
// Validates AsyncAPI documents the way `asyncapi validate` (@asyncapi/cli) does: the same @asyncapi/parser, with its
// schema validation and its recommended rules, without the CLI's generator, code models and usage analytics
// (README.md).
//
//   node validate-asyncapi.js [--fail-severity=error|warn|info|hint] FILE...
//
// Prints every diagnostic; exits 1 when one is at the fail severity or worse (default: error), 2 on a usage error.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { Parser } = require('@asyncapi/parser');

// Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
const SEVERITIES = ['error', 'warn', 'info', 'hint'];

function usage(message) {
  console.error(`${message}\nusage: validate-asyncapi.js [--fail-severity=${SEVERITIES.join('|')}] FILE...`);
  process.exit(2);
}

async function main(args) {
  let failSeverity = 'error';
  const files = [];
  for (const arg of args) {
    if (arg.startsWith('--fail-severity=')) {
      failSeverity = arg.slice('--fail-severity='.length);
      if (!SEVERITIES.includes(failSeverity)) usage(`unknown severity: ${failSeverity}`);
    } else if (arg.startsWith('-')) {
      usage(`unknown option: ${arg}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) usage('no file given');

  const parser = new Parser();
  const failAt = SEVERITIES.indexOf(failSeverity);
  let failed = false;
  for (const file of files) {
    const source = path.resolve(file);
    const diagnostics = await parser.validate(fs.readFileSync(source, 'utf8'), { source });
    const counts = [0, 0, 0, 0];
    for (const d of diagnostics) {
      counts[d.severity] += 1;
      if (d.severity <= failAt) failed = true;
      const { line, character } = d.range.start;
      const where = `${file}:${line + 1}:${character + 1}`;
      console.log(`${where}  ${SEVERITIES[d.severity]}  ${d.code}  ${d.message}  ${d.path.join('.')}`);
    }
    console.log(`${file}: ${counts[0]} errors, ${counts[1]} warnings, ${counts[2]} infos, ${counts[3]} hints`);
  }
  process.exit(failed ? 1 : 0);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
