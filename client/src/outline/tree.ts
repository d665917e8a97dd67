import * as vscode from 'vscode';
import type { ActionItemView, IncidentOutline, OutlineSection, OutlineView, TimelineEventView } from '../../../server/src/protocol';
import { clockText, dateKey, durationText, parseZone, partsIn, UTC, zoneLabel } from '../../../server/src/view/time-format';
import type { OutlineTracker } from './tracker';
import { METRIC_DEFINITIONS } from '../../../server/src/view/lens-text';

type Node =
  | { kind: 'group'; id: 'sections' | 'incidents' | 'timeline' | 'metrics' | 'actions'; label: string }
  | { kind: 'incident'; incident: IncidentOutline }
  | { kind: 'section'; section: OutlineSection; incident?: number }
  | { kind: 'event'; event: TimelineEventView }
  | { kind: 'metric'; label: string; value: string; line?: number; tooltip?: string }
  | { kind: 'action'; action: ActionItemView };

const STATUS_ICON: Record<OutlineSection['status'], vscode.ThemeIcon> = {
  complete: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  incomplete: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  missing: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  covered: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
};

const STATUS_TEXT: Record<OutlineSection['status'], string> = {
  complete: 'no problems',
  incomplete: 'has problems',
  missing: 'missing',
  covered: 'told elsewhere',
};

/** "2 problems", or the status when there are none to count. */
function statusText(s: OutlineSection): string {
  if (s.status !== 'incomplete') return STATUS_TEXT[s.status];
  return `${s.findings.length} ${s.findings.length === 1 ? 'problem' : 'problems'}`;
}

/** The Post-Mortem outline: sections with their status, the timeline, milestones and metrics, action items. */
export class OutlineTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly tracker: OutlineTracker) {
    tracker.onDidChange(() => this.changed.fire());
  }

  getChildren(node?: Node): Node[] {
    const o = this.tracker.outline;
    if (!o) return []; // the welcome view shows instead
    if (!node) return groups(o);
    if (node.kind === 'incident') return node.incident.sections.map((section) => ({ kind: 'section', section, incident: node.incident.line }));
    if (node.kind !== 'group') return [];
    switch (node.id) {
      case 'sections':
        return o.sections.map((section) => ({ kind: 'section', section }));
      case 'incidents':
        return (o.incidents ?? []).map((incident) => ({ kind: 'incident', incident }));
      case 'timeline':
        return (o.timeline?.events ?? []).map((event) => ({ kind: 'event', event }));
      case 'metrics':
        return metrics(o);
      case 'actions':
        return o.actions.map((action) => ({ kind: 'action', action }));
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const o = this.tracker.outline!;
    const uri = vscode.Uri.parse(o.uri);
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.id}`;
        return item;
      }
      case 'incident': {
        const i = node.incident;
        const item = new vscode.TreeItem(i.title, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `incident:${i.line}`;
        item.description = `${i.progress.clean}/${i.progress.required}`;
        item.command = reveal(uri, i.line);
        return item;
      }
      case 'section': {
        const s = node.section;
        const item = new vscode.TreeItem(s.name);
        // Sections of several incidents share ids: the incident tells them apart.
        item.id = `section:${node.incident ?? ''}:${s.id ?? s.line}`;
        item.iconPath = STATUS_ICON[s.status];
        item.description = [s.heading && s.heading !== s.name ? `“${s.heading}”` : '', statusText(s)].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString(
          [`**${s.name}**: ${statusText(s)}`, ...s.findings.map((f) => `- ${f.message}`)].join('\n\n'),
        );
        item.accessibilityInformation = { label: `${s.name}: ${statusText(s)}` };
        if (s.status === 'missing' && s.id) {
          item.contextValue = 'missingSection';
          item.command = { command: 'postmortem.insertSection', title: 'Insert', arguments: [o.uri, s.id] };
        } else if (s.line !== null) {
          item.command = reveal(uri, s.line);
        }
        return item;
      }
      case 'event': {
        const e = node.event;
        const zone = parseZone(o.timeline?.timezone) ?? UTC;
        const parts = e.utc ? partsIn(Date.parse(e.utc), zone) : undefined;
        const when = parts ? (e.dateOnly ? dateKey(parts) : clockText(parts, false)) : e.raw;
        const item = new vscode.TreeItem(`${when}  ${e.text}`);
        item.id = `event:${e.line}`;
        const flagged = e.findings.length > 0 || !e.utc;
        item.iconPath = new vscode.ThemeIcon(flagged ? 'warning' : e.milestone ? 'milestone' : 'circle-small-filled', flagged ? new vscode.ThemeColor('list.warningForeground') : undefined);
        item.description = [e.milestone, ...e.people.map((p) => `@${p}`)].filter(Boolean).join(' ');
        item.tooltip = new vscode.MarkdownString(
          [e.utc ? `${e.utc.replace('T', ' ').replace(/:00\.000Z|\.000Z/, 'Z')} (UTC)` : `No instant: ${e.unresolved ?? 'unresolved'}`, ...e.findings.map((f) => `- ${f.message}`)].join('\n\n'),
        );
        item.command = reveal(uri, e.line);
        return item;
      }
      case 'metric': {
        const item = new vscode.TreeItem(node.label);
        item.description = node.value;
        if (node.tooltip) item.tooltip = node.tooltip;
        if (node.line !== undefined) item.command = reveal(uri, node.line);
        return item;
      }
      case 'action': {
        const a = node.action;
        const item = new vscode.TreeItem(a.text);
        item.id = `action:${a.line}`;
        item.iconPath = new vscode.ThemeIcon(a.done ? 'pass-filled' : 'circle-large-outline');
        item.description = [a.owner ? `@${a.owner.replace(/^@/, '')}` : 'no owner', a.due ? `due ${a.due}` : null, a.ticket].filter(Boolean).join(' · ');
        item.command = reveal(uri, a.line);
        return item;
      }
    }
  }
}

function groups(o: OutlineView): Node[] {
  const out: Node[] = o.incidents?.length
    ? [{ kind: 'group', id: 'incidents', label: `Incidents (${o.incidents.length})` }]
    : [{ kind: 'group', id: 'sections', label: `Sections (${o.progress.clean}/${o.progress.required} without problems)` }];
  if (o.timeline?.events.length) out.push({ kind: 'group', id: 'timeline', label: `Timeline (${o.timeline.events.length})` });
  if (o.timeline) out.push({ kind: 'group', id: 'metrics', label: 'Milestones and metrics' });
  if (o.actions.length) out.push({ kind: 'group', id: 'actions', label: `Action items (${o.actions.filter((a) => !a.done).length} open)` });
  return out;
}

function metrics(o: OutlineView): Node[] {
  const t = o.timeline;
  if (!t) return [];
  const zone = parseZone(t.timezone) ?? UTC;
  const out: Node[] = [];
  for (const name of ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const) {
    const at = t.milestones[name];
    if (!at) continue;
    const p = partsIn(Date.parse(at), zone);
    out.push({ kind: 'metric', label: name[0]!.toUpperCase() + name.slice(1), value: `${dateKey(p)} ${clockText(p, false)} ${zoneLabel(zone)}` });
  }
  out.push(
    { kind: 'metric', label: 'Time to detect', value: durationText(t.metrics.timeToDetectMinutes), tooltip: METRIC_DEFINITIONS.TTD },
    { kind: 'metric', label: 'Time to acknowledge', value: durationText(t.metrics.timeToAcknowledgeMinutes), tooltip: METRIC_DEFINITIONS.TTA },
    { kind: 'metric', label: 'Time to mitigate', value: durationText(t.metrics.timeToMitigateMinutes), tooltip: METRIC_DEFINITIONS.TTM },
    { kind: 'metric', label: 'Time to resolve', value: durationText(t.metrics.timeToResolveMinutes), tooltip: METRIC_DEFINITIONS.TTR },
    { kind: 'metric', label: 'Duration', value: durationText(t.metrics.durationMinutes), tooltip: METRIC_DEFINITIONS.Duration },
  );
  return out;
}

function reveal(uri: vscode.Uri, line: number): vscode.Command {
  return { command: 'postmortem.revealLine', title: 'Reveal', arguments: [uri.toString(), line] };
}
