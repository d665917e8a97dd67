import { createTwoFilesPatch } from 'diff';
import { resolve } from 'node:path';
import { analyze, DEFAULT_SETTINGS, type Settings } from '../service.js';
import { expandPaths, UsageError } from './files.js';
import { fixText } from './fix.js';
import { readInput } from './read.js';
import { writeAtomically, WriteRefused } from './write.js';
import { formatJson, formatStylish, type FileResult } from './format.js';
import { formatSarif } from './sarif.js';
import { formatJunit } from './junit.js';
import { formatGithub } from './github.js';
import type { Io } from './io.js';
import { visible, visibleLines } from './neutral.js';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintOptions {
  paths: string[];
  format: LintFormat;
  quiet: boolean;
  maxWarnings: number | undefined;
  color: boolean;
  ignore: string[];
  fix: boolean;
  fixDryRun: boolean;
  /** --follow-symlinks: follow links found in folders and by globs wherever they lead. */
  followSymlinks?: boolean;
  cwd: string;
  version: string;
  /** The settings for a file (configuration found for it). */
  settingsFor?: (file: string) => Settings;
}

/**
 * Runs `postmortem lint`; returns the exit code (0 clean, 1 errors or too many
 * warnings, 2 when a fixed file could not be written). A file that is skipped, or
 * whose fixes are refused, gets a line on stderr and the run goes on.
 */
export async function lint(options: LintOptions, io: Io): Promise<number> {
  // File names and what is wrong with a file come from the file system and the files:
  // every line here shows their control characters escaped.
  const say = (line: string) => io.err(visible(line));
  const { files, skipped } = await expandPaths(options.paths, { cwd: options.cwd, ignore: options.ignore, followSymlinks: options.followSymlinks });
  for (const s of skipped) say(`postmortem: skipped ${s.path}: ${s.reason}`);
  if (!files.length) throw new UsageError(`no Markdown files in ${options.paths.join(', ')}`);
  const settingsFor = options.settingsFor ?? (() => DEFAULT_SETTINGS);
  const machine = options.format !== 'stylish';
  const results: FileResult[] = [];
  const diffs: string[] = [];
  let writeFailed = false;
  for (const { path: file, real } of files) {
    const input = readInput(real);
    if ('reason' in input) {
      say(`postmortem: skipped ${file}: ${input.reason}`);
      continue;
    }
    let text = input.text;
    const abs = resolve(options.cwd, file);
    const settings = settingsFor(abs);
    if (input.notFixable) say(`postmortem: ${file} ${input.notFixable}`);
    if ((options.fix || options.fixDryRun) && !input.notFixable) {
      const fixed = fixText(text, abs, settings);
      if (fixed.refused) say(`postmortem: ${file} was not fixed: ${fixed.refused}`);
      if (fixed.applied.length) {
        if (options.fixDryRun) {
          diffs.push(unifiedDiff(file, text, fixed.text));
          text = fixed.text;
        } else {
          try {
            writeAtomically(real, input, fixed.text);
            const note = visible(`Fixed ${file}: ${fixed.applied.join('; ')}`);
            if (machine) io.err(note);
            else io.out(note);
            text = fixed.text;
          } catch (e) {
            if (!(e instanceof WriteRefused)) throw e;
            say(`postmortem: ${file} ${e.message}`);
            writeFailed = true;
          }
        }
      }
    }
    const findings = analyze(text, { path: abs, force: true, settings }).findings;
    results.push({ file, findings: options.quiet ? findings.filter((f) => f.severity === 'error') : findings });
  }

  if (!results.length) throw new UsageError(`no file in ${options.paths.join(', ')} could be read`);
  if (options.fixDryRun) {
    // A diff for a reader: the document's control characters are shown escaped.
    io.out(diffs.length ? visibleLines(diffs.join('\n').trimEnd()) : 'No fixes to apply.');
  } else {
    io.out(render(results, options));
  }
  if (writeFailed) return 2;
  const errors = results.some((r) => r.findings.some((f) => f.severity === 'error'));
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (errors) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.err(`postmortem: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}

/** A git-style unified diff of one file (`--- a/FILE`, `+++ b/FILE`). */
function unifiedDiff(file: string, before: string, after: string): string {
  const name = file.replace(/\\/g, '/');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 })
    .split('\n')
    .filter((line) => !line.startsWith('Index: ') && !/^=+$/.test(line))
    .map((line) => (line.startsWith('--- ') || line.startsWith('+++ ') ? line.replace(/\t$/, '') : line))
    .join('\n');
}

function render(results: FileResult[], options: LintOptions): string {
  switch (options.format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, { cwd: options.cwd, version: options.version });
    case 'junit':
      return formatJunit(results);
    case 'github':
      return formatGithub(results);
    case 'stylish':
      return formatStylish(results, options.color);
  }
}
