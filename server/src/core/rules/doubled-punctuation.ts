// A punctuation mark written twice (`。。`, `，，`, `、、`): a slip of the copy, never of the
// speaker. A half-width `,` `;` `:` doubles its full-width twin (`，,` reads as two commas), and
// invisible characters between two marks do not keep them apart. `！！` and `？？` are left
// alone: speakers repeat them for emphasis. Three full stops or more (`。。。`) are an ellipsis
// typed with the wrong key, not a slip: removing all but one would cut the speaker's pause.
//
// Its fixes are safe (a quick fix preferred, and this rule's own "fix all"), but fix-all leaves
// them out: the other rules read a repeated mark as the text goes on around it (an ad after `。。`
// reads as speech, `同志们：：` is no salutation, a run-in heading ends at its first `。`), so
// removing it together with their fixes could change what they find on a second run.
import { defineRule, type Reporter } from '../rule';
import { CharKind, isInvisibleAt, rangeHolding, STOP_MARKS, visibleAfter, visibleBefore } from '../text';

/** The full-width twin of each half-width mark among the `STOP_MARKS`. */
const TWIN: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：' };
/** Each mark that must not be doubled, by the full-width mark of its family. */
const FAMILY: Readonly<Record<string, string>> = Object.fromEntries(
  Array.from(STOP_MARKS, (mark) => [mark, TWIN[mark] ?? mark]),
);

/** Full stops in a row that read as an ellipsis rather than as one stop typed twice. */
const ELLIPSIS_STOPS = 3;

type Messages = 'repeated' | 'remove' | 'ellipsis' | 'writeEllipsis' | 'keepOne';

export const doubledPunctuation = defineRule<Messages>({
  id: 'doubled-punctuation',
  description: {
    en: 'A mark written twice: 。。 ，， 、、 ；； ：： (a half-width , ; : counts as its full-width twin); three full stops or more are an ellipsis, written ……. ！！ and ？？ stay: they add emphasis.',
    'zh-cn':
      '重复的标点：。。，，、、；；：：（半角 , ; : 视同相应的全角标点）；三个及以上的句号是省略号，应写作……。！！和？？用于加强语气，不算重复。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  inFixAll: false,
  messages: {
    repeated: {
      en: '“{mark}” repeats the mark before it: remove it.',
      'zh-cn': '“{mark}”与前一个标点重复，应删除。',
    },
    remove: { en: 'Remove the repeated “{mark}”', 'zh-cn': '删除重复的“{mark}”' },
    ellipsis: {
      en: '“{run}” reads as an ellipsis typed with full stops: write “……”.',
      'zh-cn': '“{run}”像是用句号打出的省略号，应写作“……”。',
    },
    writeEllipsis: { en: 'Write “……”', 'zh-cn': '改为“……”' },
    keepOne: { en: 'Keep one “。”', 'zh-cn': '只保留一个“。”' },
  },
  checkLine({ text, facts }, report) {
    // A residue line is removed whole; a line without two marks in a row has no run.
    if (facts.kind === 'residue' || !(facts.holds & CharKind.stopsInARow)) return undefined;
    let family: string | undefined;
    const { markup } = facts;
    for (let at = 0; at < text.length; at++) {
      if (isInvisibleAt(text, at)) continue;
      // The `;` closing `&rdquo;` is the page's: a `；` after it repeats nothing.
      const html = markup.length > 0 ? rangeHolding(markup, at) : undefined;
      if (html) {
        family = undefined;
        at = html.end - 1;
        continue;
      }
      const next = FAMILY[text[at]!];
      if (next === '。' && family !== '。') {
        const run = fullStopRun(text, at);
        if (run.stops >= ELLIPSIS_STOPS && !besideEllipsis(text, at, run.end)) {
          reportEllipsis(report, at, run);
          at = run.end - 1;
        }
      } else if (next !== undefined && next === family) reportRepeat(report, text[at]!, at);
      family = next;
    }
    return undefined;
  },
});

/** The full stops from `start` on, with invisible characters between them, and where they end. */
function fullStopRun(text: string, start: number): { stops: number; end: number } {
  let stops = 0;
  let end = start;
  for (let at = start; at < text.length; at++) {
    if (text[at] === '。') {
      stops++;
      end = at + 1;
    } else if (!isInvisibleAt(text, at)) break;
  }
  return { stops, end };
}

/**
 * Whether an ellipsis already stands beside the stops: `……` there would join it into a run of
 * three or more, which `truncated` reads as the mark of a cut text.
 */
function besideEllipsis(text: string, start: number, end: number): boolean {
  return visibleBefore(text, start, 1) === '…' || visibleAfter(text, end, 1) === '…';
}

function reportEllipsis(
  report: Reporter<Messages>,
  start: number,
  run: { stops: number; end: number },
): void {
  report({
    start,
    end: run.end,
    message: 'ellipsis',
    args: { run: '。'.repeat(run.stops) },
    fixes: [
      { title: 'writeEllipsis', replacement: '……', safe: true },
      { title: 'keepOne', replacement: '。', safe: false },
    ],
  });
}

function reportRepeat(report: Reporter<Messages>, mark: string, offset: number): void {
  report({
    start: offset,
    end: offset + 1,
    message: 'repeated',
    args: { mark },
    fixes: [
      {
        title: 'remove',
        args: { mark },
        replacement: '',
        safe: true,
      },
    ],
  });
}
