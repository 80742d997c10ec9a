// Generators of transcripts for the property tests: documents in the genre users edit, mixed
// with everything that makes offsets hard (astral characters, combining marks, zero-width
// characters, every line ending, a BOM) and with the residue and placeholders the rules look
// for, so that most generated documents have findings and fixes to check.
import fc from 'fast-check';
import { RULES, type SpeechTidySettings } from '../../server/src/core';

// ---------------------------------------------------------------------------------------------
// How many cases, and from which seed.

/**
 * Cases per property: `SPEECH_TIDY_PROPERTY_RUNS` when set (`npm run fuzz` sets a large number),
 * otherwise `fallback`, the count `npm test` runs. A property that costs more per case scales it.
 */
export function propertyRuns(fallback: number, scale = 1): number {
  const set = Number.parseInt(process.env.SPEECH_TIDY_PROPERTY_RUNS ?? '', 10);
  const runs = Number.isFinite(set) && set > 0 ? set : fallback;
  return Math.max(1, Math.round(runs * scale));
}

/**
 * The seed: fixed for `npm test`, so every run checks the same cases; `SPEECH_TIDY_PROPERTY_SEED`
 * chooses another, and `random` a new one each run (printed with the results, to replay a failure).
 */
export function propertySeed(): number {
  const set = process.env.SPEECH_TIDY_PROPERTY_SEED;
  if (set === 'random') return (Date.now() ^ (process.pid << 16)) | 0;
  const parsed = Number.parseInt(set ?? '', 10);
  return Number.isFinite(parsed) ? parsed : 20251129;
}

/** The parameters of one property: its run count and the shared seed. */
export function propertyParameters<T>(
  fallback: number,
  scale = 1,
): fc.Parameters<T> & { numRuns: number; seed: number } {
  return { numRuns: propertyRuns(fallback, scale), seed: propertySeed() };
}

// ---------------------------------------------------------------------------------------------
// Bytes, for the decoders.

/**
 * Generated text in UTF-8 with stray bytes put in anywhere: well-formed and ill-formed UTF-8 near
 * each other. With `markFirst`, the text may open with a byte-order mark; without, no stray bytes
 * come before its first byte either, so no mark can come first.
 */
export function utf8WithStrayBytes(markFirst: boolean): fc.Arbitrary<Buffer> {
  return fc
    .tuple(
      markFirst ? fc.constantFrom('', '\uFEFF') : fc.constant(''),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.nat(64),
      fc.uint8Array({ maxLength: 4 }),
    )
    .map(([mark, text, cut, stray]) => {
      const whole = Buffer.from(`${mark}同志们😀𠮷${text}`, 'utf8');
      const at = Math.min(Math.max(cut, markFirst ? 0 : 1), whole.length);
      return Buffer.concat([whole.subarray(0, at), stray, whole.subarray(at)]);
    });
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `bytes` as a strict UTF-8 decoder reads them, a byte-order mark kept; undefined where it refuses them. */
export function strictlyDecoded(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The pieces of a line.

/** Clauses of our own, in the register of a work speech. */
const CLAUSES = [
  '今天召开全市工作会议',
  '主要任务是总结成绩、部署工作',
  '全市上下团结一心',
  '扎实推进各项工作',
  '经济运行稳中有进',
  '改革开放持续深化',
  '民生保障不断加强',
  '我们要提高站位',
  '增强忧患意识',
  '坚持以人民为中心',
  '狠抓工作落实',
  '确保各项任务落到实处',
  '党中央决策部署',
  '全面从严治党',
  '政治站位',
  '网络安全和信息化工作',
  '在',
  '的',
  '和',
  '要',
  '是',
];

const LATIN = ['Hello', 'world', 'GDP', 'APP', 'Windows XP', 'SP3', 'a', 'e', 'Q', 'AI', 'OK', 'iPhone'];
const NUMBERS = ['8:30', '1:1', '2.5%', '3.14', '1,000', '2024', '86', '12.5', '5G', '0', '99'];
/** Each one or more surrogate pairs; some with joiners or modifiers that belong to them. */
const EMOJI = ['😀', '🎬', '👍🏽', '👨\u200D👩\u200D👧', '🇨🇳', '❤️', '🏳️\u200D🌈'];
/** CJK Extension B and later: Han characters outside the BMP. */
const ASTRAL_HAN = ['𠮷', '𪚥', '𠀀', '𡈽', '𬌗', '𫠠'];
/** Combining marks, alone or on a base, Latin and Chinese. */
const COMBINING = ['e\u0301', 'a\u0308', '\u0301', '中\u0332', 'n\u0303', '\u20DD', '\u0300\u0301'];
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const BLANKS = [' ', '  ', '\t', '\u3000', '\u00A0'];
/** Characters some programs take for line breaks; LSP does not, and neither must the core. */
const OTHER_BREAKS = ['\u2028', '\u2029', '\u0085', '\u000B', '\u000C'];
const HALF_WIDTH = [',', ':', ';', '?', '!', '(', ')', '.', '-', '/', '"', "'", '*', '1)', 'a)', '://'];
const FULL_WIDTH = ['，', '。', '；', '：', '！', '？', '、', '……', '——', '。。', '·'];
const PAIRS = ['“', '”', '‘', '’', '《', '》', '（', '）', '【', '】', '「', '」', '『', '』'];
const PLACEHOLDERS = [
  'X中央',
  'X委',
  'X员干部',
  '全X',
  'X的',
  'X组织',
  'X和国家',
  '从严治X',
  'ZZ站位',
  'ZZ方向',
  'zz',
  'x',
  'X',
  'ZZ',
  'GCD',
  'ZF',
  'MZ',
  'X近平',
  'G\u200BCD',
  'X\u200B中央',
  'X光',
  'X射线',
];
const TEMPLATE_SLOTS = ['XX同志', 'XXX市', '×××', '○○', '**', '＊＊', 'X月X日', '第X次', '张X同志', '□□'];
const ADS = [
  '更多资料+微信:abc123',
  '更多资 料+微信:',
  '更多资料+微\u200B信:',
  '更多资料加微信',
  '关注公众号xyz',
  '关注公众号',
  '加V:abc',
  '加微信',
  'QQ群123456',
  '下载文档请',
  '更多精品',
  '扫码关注',
  '内部资料',
  '欢迎关注公众号：abc',
  '微信搜索公众号',
  '微信号：abc',
  '获取完整版',
  '（更多资料加微信）',
  '【关注公众号：abc】',
  '(加V:abc)',
  '长按二维码关注公众号',
  '长按识别二维码，获取更多资料',
  '需要完整版请加微信：abc',
  '扫码加微信',
];
const ENUMERATORS = ['一是', '二是', '三是', '第一，', '第二，', '其一，', '首先', '其次', '最后，', '最后'];
const HEADING_MARKERS = [
  '一、',
  '二、',
  '三.',
  '四．',
  '（一）',
  '(二)',
  '（三）、',
  '（四）.',
  '1.',
  '2．',
  '3、',
  '（1）',
  '(2)',
  '（3）．',
  '①',
  '②',
  '第一部分',
];
/** HTML a page's source leaves: references, tags with their quotes and colons, and near misses. */
const MARKUP = [
  '&nbsp;',
  '&ldquo;',
  '&rdquo;',
  '&#65292;',
  '&#x8BA4;',
  '&#X4E2D;',
  '<br>',
  '<p style="text-align:center">',
  '</p>',
  '<span class="X">',
  '&',
  '&amp',
  '<',
  '>',
];
const TRUNCATION = ['----', '——————', '……………', '......', '____'];

/** A piece of a line, weighted towards what the rules look at. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...CLAUSES) },
  { weight: 3, arbitrary: fc.constantFrom(...LATIN) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom(...ASTRAL_HAN) },
  { weight: 2, arbitrary: fc.constantFrom(...COMBINING) },
  { weight: 3, arbitrary: fc.constantFrom(...INVISIBLE) },
  { weight: 3, arbitrary: fc.constantFrom(...BLANKS) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHER_BREAKS) },
  { weight: 5, arbitrary: fc.constantFrom(...HALF_WIDTH) },
  { weight: 6, arbitrary: fc.constantFrom(...FULL_WIDTH) },
  { weight: 3, arbitrary: fc.constantFrom(...PAIRS) },
  { weight: 4, arbitrary: fc.constantFrom(...PLACEHOLDERS) },
  { weight: 2, arbitrary: fc.constantFrom(...TEMPLATE_SLOTS) },
  { weight: 3, arbitrary: fc.constantFrom(...ADS) },
  { weight: 2, arbitrary: fc.constantFrom(...ENUMERATORS) },
  { weight: 1, arbitrary: fc.constantFrom(...HEADING_MARKERS) },
  { weight: 1, arbitrary: fc.constantFrom(...TRUNCATION) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
  // Anything at all, lone surrogates included, now and then.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);

function joined(pieces: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return pieces.map((parts) => parts.join(''));
}

const numeral = fc.integer({ min: 1, max: 12 });
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const headingMarker = fc.tuple(fc.integer({ min: 0, max: 7 }), numeral).map(([style, n]) => {
  const cn = CN[n - 1]!;
  switch (style) {
    case 0:
      return `${cn}、`;
    case 1:
      return `（${cn}）`;
    case 2:
      return `(${cn})`;
    case 3:
      return `${n}.`;
    case 4:
      return `${n}、`;
    case 5:
      return `（${n}）`;
    case 6:
      return String.fromCodePoint(0x2460 + n - 1);
    default:
      return `第${cn}部分`;
  }
});

const paragraph = joined(fc.array(fragment, { minLength: 1, maxLength: 16 }));

/** One line of a transcript, without its line break. */
export const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: paragraph },
  // A heading, short or running on into its paragraph.
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        headingMarker,
        joined(fc.array(fragment, { minLength: 0, maxLength: 4 })),
        fc.boolean(),
        paragraph,
      )
      .map(([marker, words, runIn, rest]) => `${marker}${words}${runIn ? `。${rest}` : ''}`),
  },
  // A paragraph whose sentence ends where a site appended an ad.
  {
    weight: 2,
    arbitrary: fc
      .tuple(paragraph, fc.constantFrom(...ADS), fc.constantFrom('', '。', '！'))
      .map(([text, ad, end]) => `${text}${end}${ad}`),
  },
  // An enumeration run.
  {
    weight: 2,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...CLAUSES), fc.constantFrom('；', '，', '。')), {
        minLength: 2,
        maxLength: 4,
      })
      .map((items) => items.map(([text, end], i) => `${CN[i]}是${text}${end}`).join('')),
  },
  // Site residue and front matter, each a line of its own.
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '正文复制',
      '“日新月异”系列№7962',
      '2024年1月',
      '第 3 页 共 12 页',
      '- 5 -',
      '12/40',
      '本文档由用户上传',
      '如有侵权请联系删除',
      '精品文档 欢迎下载',
      '本文档由网友上传，仅供学习参考。',
      '当前位置：首页 > 讲话稿',
      '发布时间：2025-03-06 10:20',
      '【打印】【关闭】',
      '上一篇：在全县经济工作会议上的讲话',
      '还剩8页未读，继续阅读',
      '试读已结束，剩余3页未读，继续阅读',
      '下载本文需要使用 1 下载券',
      'VIP专享文档',
      '全文共 3562 字，阅读大约需要 8 分钟',
      '返回搜狐,查看更多',
      '本文来自百度文库，仅供参考',
      '点击上方蓝字关注我们',
      '原创 李华 党建学习 2025-03-06 08:00 发表于北京',
      '收录于合集 #领导讲话 12个',
      '视频 小程序 赞 ，轻点两下取消赞 在看 ，轻点两下取消在看',
      '分享 留言 收藏 听过',
      '- END -',
      '往期推荐',
      '点个在看',
      '原文链接：https://example.com/a.html',
      '审核：李华',
      '内容来自用户：文库小编',
      '第 3 页',
      '·3·',
      '以上就是小编为大家整理的讲话稿，希望对大家有所帮助。',
      'max.book118.com',
      '推荐度：★★★★',
      '本文档下载后可编辑',
      '转藏 分享 献花(0)',
      '[标签：讲话稿]',
      '本文为转载，版权归原作者所有',
      '版权声明：本文内容由互联网用户自发贡献，该文观点仅代表作者本人。本站仅提供信息存储空间服务，不拥有所有权，不承担相关法律责任。',
      '更多资料+微信:abc123',
      '——在全市网信工作会议上的讲话',
      '（在全县工作会议上的讲话）',
      '在全县安全生产工作会议上的讲话',
      '李明远',
      '县长 王某某',
      '镇长 周立新',
      '县长 王  明',
      '自治区主席 艾尔肯·吐尼亚孜',
      '（2018年8月8日）',
      '（2018年8月8日，根据录音整理）',
      '二〇二五年四月一日',
      '同志们：',
      '同志们:',
      '谢谢大家！',
      '凝心聚力抓落实　奋发有为开新局',
      '----',
    ),
  },
  // Blank lines, some only looking blank.
  { weight: 3, arbitrary: fc.constantFrom('', ' ', '\u3000', '\t', '\u200B', '\uFEFF', ' \u00A0 ') },
);

export type LineEnding = '\n' | '\r\n' | '\r';

/** Line endings: one kind for the whole document, or a mixture. */
const endings: fc.Arbitrary<(index: number) => LineEnding> = fc.oneof(
  fc.constantFrom<LineEnding>('\n', '\r\n', '\r').map((ending) => () => ending),
  fc
    .array(fc.constantFrom<LineEnding>('\n', '\r\n', '\r'), { minLength: 1, maxLength: 8 })
    .map((list) => (index: number) => list[index % list.length]!),
);

/** A whole transcript: an optional BOM, lines, their endings, and maybe a final one. */
export const document: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(line, { maxLength: 24 }), endings, fc.boolean())
  .map(([bom, lines, ending, finalBreak]) => {
    const text = lines.map((content, index) => content + (index < lines.length - 1 ? ending(index) : ''));
    const last = finalBreak && lines.length > 0 ? ending(lines.length - 1) : '';
    return `${bom ? '\uFEFF' : ''}${text.join('')}${last}`;
  });

/**
 * The pieces rules read across each other, packed tight: parentheses and list markers beside
 * half-width marks, line breaks, ads, page chrome, heading numbers and placeholders. In
 * `document` they stand in sentences and rarely meet; here a few hundred thousand cases found
 * three ways a second fix-all still changed the text.
 */
const DENSE_PIECES = [
  ...['（', '(', ')', '）', '1)', 'a)', '12)', 'ab)', '\n1)', '\na)', '\n)'],
  ...[
    '，',
    ',',
    '：',
    ':',
    '；',
    '。',
    '、',
    '！',
    '？',
    '“',
    '”',
    '——',
    '……',
    '8:30',
    '.',
    '...',
    '3.5',
    '"',
  ],
  ...['\n', '\n', '\r\n', '\n\n', '\n，', ' ', '\u3000', '\u200B'],
  ...['更多资料+微信:abc', '关注公众号xyz', '正文复制', '\n- 5 -\n', '同志们：'],
  ...['一、', '（一）', '1.', '2', '12', 'X', 'GCD', '中央', '注', '附件', 'b', 'Hello', 'Windows XP '],
  '今天召开全市工作会议',
];

export const denseText: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...DENSE_PIECES), { minLength: 1, maxLength: 40 })
  .map((pieces) => pieces.join(''));

/** Text with no structure at all: any code units, lone surrogates and NUL included. */
export const garbage: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  joined(
    fc.array(fc.oneof(fragment, fc.constantFrom('\n', '\r', '\r\n', '\u0000', '\uD800', '\uDC00')), {
      maxLength: 80,
    }),
  ),
);

/** Text an edit inserts: pieces of lines and line breaks, including halves of a CRLF. */
export const insertion: fc.Arbitrary<string> = joined(
  fc.array(
    fc.oneof({ weight: 3, arbitrary: fragment }, fc.constantFrom('\n', '\r', '\r\n', '\n\r', '\r\n\r\n')),
    {
      maxLength: 6,
    },
  ),
);

// ---------------------------------------------------------------------------------------------
// Settings.

const RULE_IDS = RULES.map((rule) => rule.id);

/** Settings a user may write: the defaults most often, otherwise a mixture of everything. */
export const settings: fc.Arbitrary<SpeechTidySettings> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        rules: fc.dictionary(
          fc.constantFrom(...RULE_IDS),
          fc.constantFrom('error', 'warning', 'information', 'hint', 'off'),
        ),
        watermarkPhrases: fc.array(
          fc.constantFrom(
            '内部资料',
            '仅供学习',
            '/仅供.{0,3}学习/',
            '/[0-9]{6,}/',
            '/(a+)+$/',
            '/关注.+/i',
            '/.+/',
            '/(?:X|ZZ)中央/',
            '资 料',
          ),
          { maxLength: 3 },
        ),
        ignoredPhrases: fc.array(
          fc.constantFrom('X光', '/ZZ.{0,2}/', '党中央', '/更多资料.*/', 'Windows XP', '/[A-Z]+/'),
          { maxLength: 2 },
        ),
        placeholderMappings: fc.constantFrom<Record<string, string>>(
          {},
          { MZ: '民主' },
          { ZZ: '政治', Q: '群' },
        ),
      },
      { requiredKeys: [] },
    ),
  },
);

/**
 * Settings without the user's watermark phrases. Those are matched on the text as it stands, and
 * the rules that read a line's structure (title, headings, line breaks) know nothing of them: a
 * phrase removed from a line may leave it reading differently (no longer a title, say), which a
 * second fix-all acts on. Fix-all is idempotent with the built-in rules under any other settings.
 */
export const settingsWithoutPhrases: fc.Arbitrary<SpeechTidySettings> = settings.map(
  ({ watermarkPhrases: _phrases, ...rest }) => rest,
);

export const locale = fc.constantFrom('en' as const, 'zh-cn' as const);
