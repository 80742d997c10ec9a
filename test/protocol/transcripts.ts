// Transcripts written for the protocol tests, in the genre of the files users edit: a speech
// copied from a document-sharing website, with the residue such sites leave.

/** Joins lines with `\n` and ends the text with one. */
export function lines(...content: string[]): string {
  return `${content.join('\n')}\n`;
}

/**
 * A work-conference speech: header residue above the title (page chrome, a series label, an
 * upload date), a page footer between paragraphs, an ad appended to a paragraph, censorship
 * placeholders (X for 党, ZZ for 政治), half-width punctuation, an unfilled template slot, and an
 * emoji and a CJK Extension B character (each two UTF-16 code units) before residue on one line.
 */
export const SPEECH = lines(
  '正文复制',
  '“实干笃行”系列№3051',
  '2024年3月',
  '凝心聚力抓落实　奋发有为开新局',
  '——在全区经济工作会议上的讲话',
  '李明远',
  '（2023年12月28日）',
  '同志们：',
  '今天召开全区经济工作会议，主要任务是总结今年工作，部署明年任务。下面,我讲三点意见。',
  '一、充分肯定今年取得的成绩',
  '今年以来，全区上下坚持以X的建设为引领，扎实推进各项工作。一是经济运行稳中有进；二是改革开放持续深化；三是民生保障不断加强。',
  '（一）项目建设成效明显',
  '全年实施重点项目86个，完成投资比年初计划增长12.5%。X委政府高度重视，X员干部冲在一线。',
  '第 2 页 共 5 页',
  '（二）营商环境持续优化',
  '我们要提高ZZ站位,增强忧患意识。',
  '二、清醒认识面临的困难和挑战',
  '参观展览时，大家在🎬影片和“𠮷”字碑拓前驻足，深受X史教育。更多资料+微信:abc123',
  '对照X中央要求，我们还有不少差距。请XX同志会后抓好落实。',
  '三、扎实做好明年各项工作',
  '全区X员干部要以更加饱满的热情投入工作。',
  '谢谢大家！',
);

/** The line with astral characters before a placeholder and an ad. */
export const ASTRAL_LINE = 17;
