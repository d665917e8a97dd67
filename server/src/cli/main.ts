/**
 * The `postmortem` command: the same checks as the editor, for CI.
 * Exit codes: 0 clean, 1 errors (or more warnings than --max-warnings), 2 usage or I/O error.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { expandPaths, UsageError } from './files.js';
import { ConfigCache } from '../config/load.js';
import { resolveSettings } from '../config/resolve.js';
import type { Settings } from '../settings.js';
import { lint, LINT_FORMATS, type LintFormat } from './lint.js';
import type { Io } from './io.js';
import { visible } from './neutral.js';
import { newCommand, today } from './new.js';
import { TIMELINE_HELP, timelineCommand } from './timeline.js';
import { METRICS_FORMATS, metricsCsv, metricsJson, metricsRows, metricsTable } from './metrics.js';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const HELP = `Usage: postmortem <command> [options]

Commands:
  lint PATH...          Check post-mortems: files, folders (searched for *.md) and globs.
                        Every file given is checked as a post-mortem.
  new "TITLE"           Create DIR/YYYY-MM-DD-<slug>.md from the template (never overwrites).
  metrics PATH...       One row per post-mortem: date, title, severity, status, duration, time to
                        detect / mitigate / resolve, open and past-due action items; with totals,
                        medians, drafts (--format table|json|csv, --ignore GLOB, --config FILE,
                        --follow-symlinks)
  timeline FILE         Print a post-mortem's timeline: entries as instants, milestones, metrics
                        (--format json|csv|mermaid; postmortem timeline --help for more).

Options for lint:
  --format FORMAT       stylish (default), json, sarif (SARIF 2.1.0 for code scanning),
                        junit, github (workflow annotations)
  --quiet               Report errors only
  --max-warnings N      Exit 1 when there are more than N warnings
  --ignore GLOB         Skip files matching GLOB (repeatable); .gitignore is honoured too
  --fix                 Apply every safe fix (insertions, whole-entry moves) and write the files
  --fix-dry-run         Print the fixes as a unified diff; change nothing
  --follow-symlinks     Follow symbolic links found in folders and by globs wherever they
                        lead (by default only those that stay inside the folder named)
  --config FILE         Use this .postmortemrc.json/.yaml instead of the one found upward
                        from each file
  --no-color            No colours (also with NO_COLOR set, or when output is not a terminal)

Options for new:
  --severity SEV1..SEV5 The incident's severity (default: SEV3)
  --dir DIR             Folder for the new file (default: postmortems)
  --timezone ZONE       IANA zone for the frontmatter (default: the configured zone, else UTC)

  -h, --help            Show this help
  -v, --version         Show the version

Files: folders and globs follow a symbolic link only when it stays inside the folder named
(--follow-symlinks: wherever it leads); only regular files of at most 32 MB are read (a FIFO
or a device never); what is skipped gets a line on stderr. --fix writes only valid UTF-8
files it read, atomically (a temporary file renamed over it), and not when one changed
since it was read. Control characters in document text are shown escaped; CSV cells that a
spreadsheet would evaluate (= + - @) get a leading '.

Exit codes:
  0  no error-severity finding (and no more warnings than --max-warnings)
  1  at least one error-severity finding, or more warnings than --max-warnings
  2  a usage or I/O error (one line on stderr): a bad option or configuration, nothing
     that could be read, a fixed file that could not be written`;

export async function main(argv: string[], io: Io, cwd = process.cwd()): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    io.err(HELP);
    return 2;
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (command === '-v' || command === '--version') {
    io.out(VERSION);
    return 0;
  }
  try {
    switch (command) {
      case 'lint':
        return await lintCommand(rest, io, cwd);
      case 'new':
        return newSubcommand(rest, io, cwd);
      case 'timeline':
        return timelineSubcommand(rest, io, cwd);
      case 'metrics':
        return await metricsSubcommand(rest, io, cwd);
      default:
        throw new UsageError(`unknown command "${command}" (try: postmortem --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      for (const line of e.message.split('\n')) io.err(`postmortem: ${visible(line)}`);
      return 2;
    }
    throw e;
  }
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

async function lintCommand(args: string[], io: Io, cwd: string): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'stylish' },
    quiet: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    ignore: { type: 'string', multiple: true },
    fix: { type: 'boolean' },
    'fix-dry-run': { type: 'boolean' },
    'follow-symlinks': { type: 'boolean' },
    config: { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const format = values.format as string;
  if (!(LINT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (${LINT_FORMATS.join(', ')})`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  if (!positionals.length) throw new UsageError('lint needs at least one file, folder or glob');
  const color = !values['no-color'] && !process.env['NO_COLOR'] && (values.color === true || process.stdout.isTTY === true);
  // As given (so messages name it as the user wrote it), unless it must be read from another folder.
  const given = values.config as string | undefined;
  const configPath = given === undefined ? undefined : resolve(cwd) === process.cwd() ? given : resolve(cwd, given);
  if (configPath !== undefined && !isFile(configPath)) throw new UsageError(`no such configuration file: ${values.config as string}`);
  return lint(
    {
      paths: positionals,
      format: format as LintFormat,
      quiet: !!values.quiet,
      maxWarnings,
      color,
      ignore: (values.ignore as string[] | undefined) ?? [],
      fix: !!values.fix,
      fixDryRun: !!values['fix-dry-run'],
      followSymlinks: !!values['follow-symlinks'],
      cwd,
      version: VERSION,
      settingsFor: settingsLookup(configPath),
    },
    io,
  );
}

/**
 * The settings for each file: the configuration found upward from it, or --config.
 * A configuration the CLI cannot follow is a usage error, not a silent default.
 */
function settingsLookup(configPath: string | undefined): (file: string) => Settings {
  const cache = new ConfigCache();
  return (file) => {
    const { settings } = resolveSettings(file, { configPath, cache });
    if (settings.configProblems.length) throw new UsageError(settings.configProblems.map((p) => `invalid configuration: ${p}`).join('\n'));
    return settings;
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function newSubcommand(args: string[], io: Io, cwd: string): number {
  const { values, positionals } = parse(args, {
    severity: { type: 'string', default: 'SEV3' },
    dir: { type: 'string', default: 'postmortems' },
    timezone: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('new takes one title: postmortem new "Checkout outage"');
  const configured = settingsLookup(undefined)(join(cwd, values.dir as string, 'new.md')).defaultTimezone;
  const timezone = (values.timezone as string | undefined) ?? configured ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new UsageError(`unknown time zone "${timezone}" (an IANA name such as Europe/Berlin)`);
  }
  return newCommand(
    { title: positionals[0]!, severity: values.severity as string, dir: values.dir as string, timezone, cwd, date: process.env['POSTMORTEM_TODAY'] ?? today(timezone) },
    io,
  );
}

async function metricsSubcommand(args: string[], io: Io, cwd: string): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'table' },
    ignore: { type: 'string', multiple: true },
    'follow-symlinks': { type: 'boolean' },
    config: { type: 'string' },
  });
  const format = values.format as string;
  if (!(METRICS_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (${METRICS_FORMATS.join(', ')})`);
  if (!positionals.length) throw new UsageError('metrics needs at least one file, folder or glob');
  const configPath = values.config === undefined ? undefined : resolve(cwd, values.config as string);
  if (configPath !== undefined && !isFile(configPath)) throw new UsageError(`no such configuration file: ${values.config as string}`);
  const { files, skipped } = await expandPaths(positionals, { cwd, ignore: (values.ignore as string[] | undefined) ?? [], followSymlinks: !!values['follow-symlinks'] });
  for (const s of skipped) io.err(visible(`postmortem: skipped ${s.path}: ${s.reason}`));
  if (!files.length) throw new UsageError(`no Markdown files in ${positionals.join(', ')}`);
  const rows = metricsRows(files, cwd, settingsLookup(configPath), process.env['POSTMORTEM_TODAY'] ?? today('UTC'), (file, why) => io.err(visible(`postmortem: skipped ${file}: ${why}`)));
  if (!rows.length) throw new UsageError(`no file in ${positionals.join(', ')} could be read`);
  io.out(format === 'json' ? metricsJson(rows) : format === 'csv' ? metricsCsv(rows) : metricsTable(rows));
  return 0;
}

function timelineSubcommand(args: string[], io: Io, cwd: string): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'json' },
    timezone: { type: 'string' },
    'date-order': { type: 'string' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(TIMELINE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('timeline needs exactly one file');
  // Paths as given (so messages name them as the user wrote them), unless they must be read from another folder.
  const here = resolve(cwd) === process.cwd();
  const file = here ? positionals[0]! : resolve(cwd, positionals[0]!);
  const configPath = values.config === undefined ? undefined : here ? (values.config as string) : resolve(cwd, values.config as string);
  if (configPath !== undefined && !isFile(configPath)) throw new UsageError(`no such configuration file: ${values.config as string}`);
  const options = {
    format: values.format as string,
    ...(values.timezone !== undefined ? { timezone: values.timezone as string } : {}),
    ...(values['date-order'] !== undefined ? { dateOrder: values['date-order'] as string } : {}),
  };
  io.out(timelineCommand(file, options, settingsLookup(configPath)(file)));
  return 0;
}

if (require.main === module) {
  // Output into a pipe whose reader has gone (`postmortem lint … | head -1`) ends quietly:
  // no more output, no unhandled EPIPE with a stack trace. Any other write error is one
  // line on stderr (if it can still be written) and exit code 2.
  let closed = false;
  let failed = false;
  const onWriteError = (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') {
      if (!closed) process.stderr.write(`postmortem: cannot write the output (${e.code ?? e.message})\n`);
      failed = true;
      process.exitCode = 2;
    }
    closed = true;
  };
  process.stdout.on('error', onWriteError);
  process.stderr.on('error', onWriteError);
  const write = (stream: NodeJS.WriteStream) => (s: string) => {
    if (!closed) stream.write(s + '\n');
  };
  main(process.argv.slice(2), { out: write(process.stdout), err: write(process.stderr) }).then(
    (code) => {
      process.exitCode = failed ? 2 : code;
    },
    (e) => {
      if (!closed) process.stderr.write(`postmortem: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
