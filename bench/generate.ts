import { numberToChinese } from '../server/src/core/numerals';

// Deterministic synthetic transcripts for the benchmark: the structure and residue density of a
// real copied speech (headings at three levels, enumerations, appended ads, placeholders, page
// footers, half-width punctuation), in sentences of our own.

/** Mulberry32: a tiny seeded generator, so every run measures the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  '各级干部',
  '全市上下',
  '各部门',
  '基层组织',
  '各单位',
  '广大职工',
  '各级领导班子',
  '相关部门',
];
const VERBS = [
  '要坚持',
  '必须落实',
  '要不断完善',
  '要切实加强',
  '要着力推进',
  '要认真研究',
  '要统筹抓好',
  '要持续深化',
];
const OBJECTS = [
  '基层治理能力建设',
  '营商环境优化工作',
  '民生保障各项措施',
  '安全生产责任制度',
  '生态环境保护任务',
  '数字政府建设进程',
  '乡村振兴重点项目',
  '作风建设长效机制',
];
const TAILS = [
  '，确保各项工作落到实处',
  '，形成上下联动的工作格局',
  '，切实提高工作质量和效率',
  '，推动工作再上新台阶',
];
const PLACEHOLDER_PHRASES = [
  '认真贯彻X中央决策部署',
  '全面加强X的领导',
  '提高ZZ站位',
  '发挥基层X组织战斗堡垒作用',
  '推进全面从严治X',
];
/** No collocation decides it: the rest of the document is searched for evidence. */
const UNDECIDED_PHRASE = '研究解决ZZ问题';
const CLEAN_PHRASES = ['认真贯彻党中央决策部署', '全面加强党的领导', '提高政治站位'];
const ADS = ['更多资料+微信:', '更多资 料+微信:', '更多资料加微\u200B信', '关注公众号获取更多'];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function generateTranscript(targetLength: number, seed = 1): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sentence = (): string => {
    const useHalfWidth = next() < 0.1;
    const body = `${pick(SUBJECTS)}${pick(VERBS)}${pick(OBJECTS)}${pick(TAILS)}`;
    const placeholder = () => (next() < 0.05 ? UNDECIDED_PHRASE : pick(PLACEHOLDER_PHRASES));
    const withPlaceholder = next() < 0.15 ? `${body}，${placeholder()}` : body;
    return `${useHalfWidth ? withPlaceholder.replace('，', ',') : withPlaceholder}。`;
  };
  const paragraph = (): string => {
    const parts: string[] = [];
    if (next() < 0.2) {
      const count = 2 + Math.floor(next() * 3);
      for (let item = 0; item < count; item++) parts.push(`${NUMERALS[item]}是${sentence()}`);
    } else {
      const count = 2 + Math.floor(next() * 4);
      for (let item = 0; item < count; item++) parts.push(sentence());
    }
    if (next() < 0.05) parts.push(pick(ADS));
    return parts.join('');
  };

  const lines = [
    '正文复制',
    '“学习资料”系列№1024',
    '2024年3月',
    '关于推进全市重点工作的讲话',
    '——在全市工作会议上的讲话',
  ];
  lines.push('（2023年6月18日）', '同志们：', `${pick(CLEAN_PHRASES)}。${paragraph()}`);
  let length = lines.join('\n').length;
  let page = 1;
  const push = (line: string) => {
    lines.push(line);
    length += line.length + 1;
    if (next() < 0.01) push(`第 ${page++} 页 共 999 页`);
  };
  // A real speech has a handful of main sections: a longer text goes deeper, not wider, so
  // every numbering run stays correct (一、 to 六、, （一） and 1. as far as the size needs).
  const MAIN_SECTIONS = 6;
  const PARAGRAPHS_PER_ITEM = 4;
  const paragraphs = Math.max(1, Math.ceil(targetLength / 90));
  const items = Math.max(1, Math.ceil(paragraphs / PARAGRAPHS_PER_ITEM));
  const subsections = Math.min(40, Math.max(1, Math.ceil(Math.sqrt(items / MAIN_SECTIONS))));
  const perSubsection = Math.min(90, Math.ceil(items / (MAIN_SECTIONS * subsections)));
  for (let main = 1; main <= MAIN_SECTIONS && length < targetLength; main++) {
    push(`${numberToChinese(main)}、${pick(VERBS).slice(1)}${pick(OBJECTS)}`);
    for (let sub = 1; sub <= subsections && length < targetLength; sub++) {
      push(`（${numberToChinese(sub)}）${pick(OBJECTS)}。${paragraph()}`);
      for (let item = 1; item <= perSubsection && length < targetLength; item++) {
        if (perSubsection > 1) push(`${item}.${pick(OBJECTS)}`);
        for (let count = 0; count < PARAGRAPHS_PER_ITEM && length < targetLength; count++) push(paragraph());
      }
    }
  }
  lines.push('谢谢大家！');
  return `${lines.join('\n')}\n`;
}
