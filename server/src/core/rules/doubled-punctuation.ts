// A punctuation mark written twice (`。。`, `，，`, `、、`): a slip of the copy, never of the
// speaker. A half-width `,` `;` `:` doubles its full-width twin (`，,` reads as two commas), and
// invisible characters between two marks do not keep them apart. `！！` and `？？` are left
// alone: speakers repeat them for emphasis.
//
// Its fixes are safe (a quick fix preferred, and this rule's own "fix all"), but fix-all leaves
// them out: the other rules read a repeated mark as the text goes on around it (an ad after `。。`
// reads as speech, `同志们：：` is no salutation, a run-in heading ends at its first `。`), so
// removing it together with their fixes could change what they find on a second run.
import { defineRule, type Reporter } from '../rule';
import { INVISIBLE, isInvisibleAt } from '../text';

/** Each mark that must not be doubled, by the full-width mark of its family. */
const FAMILY: Readonly<Record<string, string>> = {
  '，': '，',
  ',': '，',
  '；': '；',
  ';': '；',
  '：': '：',
  ':': '：',
  '。': '。',
  '、': '、',
};
const MARKS = Object.keys(FAMILY).join('');
/** Two marks with only invisible characters between: a line without it has no run. */
const twoMarks = new RegExp(`[${MARKS}][${INVISIBLE}]*[${MARKS}]`);

type Messages = 'repeated' | 'remove';

export const doubledPunctuation = defineRule<Messages>({
  id: 'doubled-punctuation',
  description: {
    en: 'A mark written twice: 。。 ，， 、、 ；； ：： (a half-width , ; : counts as its full-width twin). ！！ and ？？ stay: they add emphasis.',
    'zh-cn':
      '重复的标点：。。，，、、；；：：（半角 , ; : 视同相应的全角标点）。！！和？？用于加强语气，不算重复。',
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
  },
  checkLine({ text, facts }, report) {
    // A residue line is removed whole.
    if (facts.kind === 'residue' || !twoMarks.test(text)) return undefined;
    let family: string | undefined;
    for (let at = 0; at < text.length; at++) {
      if (isInvisibleAt(text, at)) continue;
      const next = FAMILY[text[at]!];
      if (next !== undefined && next === family) reportRepeat(report, text[at]!, at);
      family = next;
    }
    return undefined;
  },
});

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
        edits: [{ start: offset, end: offset + 1, newText: '' }],
        safe: true,
      },
    ],
  });
}
