// Combining fixes into one edit set that never overlaps, and applying edits to text.
import type { Finding, Fix } from './analyze';
import type { Edit } from './rule';

function span(fix: Fix): { start: number; end: number } {
  return {
    start: Math.min(...fix.edits.map((edit) => edit.start)),
    end: Math.max(...fix.edits.map((edit) => edit.end)),
  };
}

function isRemoval(fix: Fix): boolean {
  return fix.edits.length === 1 && fix.edits[0]!.newText === '';
}

/**
 * The edits of the given fixes, without overlaps. Where one fix lies inside another that
 * removes or rewrites that whole stretch (a watermark with an invisible character in it), the
 * outer one does both jobs and the inner one is dropped; a partial overlap keeps the earlier.
 */
export function combineFixes(fixes: readonly Fix[]): Edit[] {
  const ordered = fixes
    .filter((fix) => fix.edits.length > 0)
    .map((fix) => ({ fix, ...span(fix) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const edits: Edit[] = [];
  let reached = -1;
  for (const { fix, start, end } of ordered) {
    if (start < reached) {
      // Removing the last two lines of a file: the last one takes the break before it, which the
      // one before removes too. Removing their union does both jobs.
      const last = edits.at(-1);
      if (end > reached && isRemoval(fix) && last?.newText === '' && last.end === reached) {
        edits[edits.length - 1] = { ...last, end };
        reached = end;
      }
      continue;
    }
    edits.push(...fix.edits);
    reached = Math.max(reached, end);
  }
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * The safe fix of each finding: of every rule that takes part in fix-all, or of `rule` alone (its
 * own "fix all").
 */
export function fixAllEdits(findings: readonly Finding[], rule?: string): Edit[] {
  const safe: Fix[] = [];
  for (const finding of findings) {
    if (!finding.hasSafeFix || (rule === undefined ? !finding.inFixAll : finding.rule !== rule)) continue;
    const fix = finding.fixes.find((candidate) => candidate.safe);
    if (fix) safe.push(fix);
  }
  return combineFixes(safe);
}

/** The fix of `group` of every finding that offers one: what "replace all N" applies. */
export function groupMembers(findings: readonly Finding[], group: string): Fix[] {
  return findings
    .filter((finding) => finding.offers(group))
    .map((finding) => finding.fixes.find((fix) => fix.group === group)!);
}

/** How many fixes "replace all" of `group` applies, without making them. */
export function groupSize(findings: readonly Finding[], group: string): number {
  let size = 0;
  for (const finding of findings) if (finding.offers(group)) size++;
  return size;
}

/** Applies non-overlapping edits, given in any order. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of ordered) {
    if (edit.start < cursor) throw new Error('overlapping edits');
    parts.push(text.slice(cursor, edit.start), edit.newText);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
