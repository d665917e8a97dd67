/**
 * The `postmortem` command: the same checks as the editor, for CI.
 * Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or I/O error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { analyze } from '../service.js';
import { expandPaths, UsageError } from './files.js';
import { formatJson, formatStylish, type FileResult } from './format.js';
import { TIMELINE_HELP, timelineCommand } from './timeline.js';

const HELP = `Usage: postmortem <command> [options] PATH...

Commands:
  lint PATH...        Check post-mortems (files, folders, globs). Every file given is treated as a post-mortem.
  timeline FILE       Print the timeline of a post-mortem: entries as instants, milestones, metrics
                      (--format json|csv; postmortem timeline --help for more).

Options for lint:
  --format stylish|json   Output format (default: stylish)
  --no-color              No colours (also when NO_COLOR is set or output is not a terminal)
  -h, --help              Show this help

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.`;

export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    io.out(HELP);
    return command ? 0 : 2;
  }
  try {
    switch (command) {
      case 'lint':
        return await lint(rest, io);
      case 'timeline':
        return timeline(rest, io);
      default:
        throw new UsageError(`unknown command "${command}" (try: postmortem --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`postmortem: ${e.message}`);
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

async function lint(args: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'stylish' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values['help']) {
    io.out(HELP);
    return 0;
  }
  const format = values['format'] as string;
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`unknown format "${format}" (stylish or json)`);
  if (!positionals.length) throw new UsageError('lint needs at least one file, folder or glob');
  const files = await expandPaths(positionals);
  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    results.push({ file, findings: analyze(text, { path: file, force: true }).findings });
  }
  const color = !values['no-color'] && !process.env['NO_COLOR'] && (values['color'] === true || process.stdout.isTTY === true);
  io.out(format === 'json' ? formatJson(results) : formatStylish(results, color));
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function timeline(args: string[], io: { out: (s: string) => void }): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'json' },
    timezone: { type: 'string' },
    'date-order': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values['help']) {
    io.out(TIMELINE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('timeline needs exactly one file');
  const options = {
    format: values['format'] as string,
    ...(values['timezone'] !== undefined ? { timezone: values['timezone'] as string } : {}),
    ...(values['date-order'] !== undefined ? { dateOrder: values['date-order'] as string } : {}),
  };
  io.out(timelineCommand(positionals[0]!, options));
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`postmortem: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
