import { relative, sep } from 'node:path';
import { allCodes, ruleHelpUri, type Finding } from '../service.js';
import type { FileResult } from './format.js';
import { jsonSafe } from './neutral.js';

const LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A path as a SARIF artifact URI: relative to `cwd`, forward slashes, each segment percent-encoded. */
export function artifactUri(file: string, cwd: string): string {
  const rel = relative(cwd, file) || file;
  return rel.split(sep).join('/').split('/').map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg))).join('/');
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every rule in tool.driver,
 * 1-based lines and columns (columns count UTF-16 code units, SARIF's default).
 */
export function formatSarif(results: readonly FileResult[], options: { cwd: string; version: string }): string {
  const codes = allCodes();
  const ids = Object.keys(codes).sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => ({
    id,
    shortDescription: { text: codes[id]!.description },
    helpUri: ruleHelpUri(id),
    defaultConfiguration: { level: LEVEL[codes[id]!.severity], ...(codes[id]!.enabled === false ? { enabled: false } : {}) },
  }));
  const out = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem',
            informationUri: 'https://github.com/postmortem-tools/vscode-postmortem',
            version: options.version,
            rules,
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ...(index.has(f.code) ? { ruleIndex: index.get(f.code)! } : {}),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(r.file, options.cwd) },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return jsonSafe(JSON.stringify(out, null, 2));
}
