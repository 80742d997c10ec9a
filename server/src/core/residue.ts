// What document-sharing websites leave in a transcript, as dictionaries of known phrases plus
// general patterns. Phrases tolerate inserted blanks and zero-width characters, because sites
// insert them on purpose (`更多资 料+微信:`) to defeat exactly this kind of filter.
import type { TextRange } from './config';
import type { ResidueKind } from './model';
import {
  blankRunAfter,
  blankRunEnd,
  blankRunStart,
  charAt,
  compact,
  endsSentence,
  firstSentenceEnd,
  fitsWithoutSpaces,
  GAP_CLASS,
  gappedPhraseSource,
  hasInvisible,
  isAsciiDigitAt,
  isAsciiLetterAt,
  isHan,
  isInvisibleAt,
  isSentenceDot,
  overlapsAny,
  sortFew,
  spaceRunEnd,
  trimBlankEnd,
  visibleBefore,
} from './text';

/** Page chrome copied along with the text: buttons and labels of the website. */
const CHROME_LINES = [
  '正文复制',
  '复制全文',
  '全文复制',
  '展开全文',
  '阅读全文',
  '全文阅读',
  '收藏本文',
  '下载文档',
  '文档下载',
  '立即下载',
  '点击下载',
  '免费下载',
  '举报',
  '分享',
  '收藏',
  '打印本页',
  '关闭窗口',
  '返回顶部',
  '开通VIP',
  'VIP专享',
  '付费文档',
  '相关推荐',
  '相关阅读',
  '相关文章',
  '热门文章',
  '热门推荐',
  '推荐阅读',
  '猜你喜欢',
  '点击排行',
  '展开阅读全文',
  '在线预览全文',
  '免费在线预览全文',
  'VIP免费下载',
  '此文档下载收益归作者所有',
  // Under an article of a WeChat public account, where many speeches are shared.
  '阅读原文',
  '点击阅读原文',
  '往期推荐',
  '往期回顾',
  '往期精彩',
  '精彩推荐',
  '精彩回顾',
  '延伸阅读',
  '点赞',
  '在看',
  '转发',
  '写留言',
  '知道了',
  '取消允许',
  '预览时标签不可点',
  '微信扫一扫关注该公众号',
  '关注该公众号',
  '微信扫一扫使用小程序',
  '轻触阅读原文',
  '继续滑动看下一个',
  '向上滑动看下一个',
  '喜欢此内容的人还喜欢',
  '继续阅读',
  '点击继续阅读',
  // A document-sharing site's buttons and labels.
  '一键复制全文',
  '复制全文下载',
  '下载本文',
  '【下载本文】',
  '文档贡献者',
  '原创力文档',
  '道客巴巴',
  '豆丁网',
  '百度文库',
];

/**
 * The page around the text on government and news sites, where speeches are published: where the
 * page sits, when it was posted and how often read, the buttons under it and the links to the
 * next page; and a document-sharing site's preview of a document. Matched on the line without
 * its blanks (`字号：大 中 小` is `字号：大中小`). A meeting's own `时间：` and `来源：` lines are the
 * speech's and are not here.
 */
const CHROME_PATTERNS = [
  /^(?:当前位置|您的位置|你的位置|您现在的位置|您当前的位置|当前所在位置)[:：]/,
  /^首页[>＞»›→]/,
  /^【?(?:字号|字体)[:：]?(?:【?[大中小]】?){3}】?$/,
  /^(?:发布时间|发布日期|发表时间|更新时间|发文日期|上传时间|上传日期)[:：]\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/,
  /^(?:浏览|阅读|点击|访问)(?:次数|数|量|人次)?[:：]\d+次?$/,
  /^(?:上一篇|下一篇|上一页|下一页|上篇|下篇)[:：]/,
  /^(?:【(?:打印|打印本页|打印此文|关闭|关闭窗口|收藏|加入收藏|分享|返回顶部|纠错|我要纠错|[大中小])】)+$/,
  /^(?:扫一扫|手机扫一扫|微信扫一扫|扫描二维码)(?:在手机上?(?:打开|查看|阅读|浏览)(?:当前页面?|本页|此页)?|分享到朋友圈)?$/,
  /^分享到[:：]?$/,
  /^(?:Copyright|COPYRIGHT|copyright|©)/,
  // A document-sharing site's preview: how long the document is, how much of it is shown.
  /^预览与源文档一致/,
  /^(?:文档|文件)?页数[:：]\d+/,
  /^本文档共\d+页$/,
  /^(?:文档|文件)(?:格式|大小)[:：]/,
  /^下载积分[:：]\d+/,
  /^(?:已阅读\d+页[，,]?)?(?:还剩|剩余|剩下)\d+页(?:未读|可下载查看|可阅读)/,
  // Where the preview stops and the site asks the reader to pay or download: `试读已结束`,
  // `免费阅读已结束，点击下载阅读编辑剩下内容`, `下载本文需要使用1下载券`, `VIP专享文档`.
  /^(?:试读|免费阅读|免费预览|预览|全文阅读)已?结束/,
  /^下载(?:本文|本文档|此文档|该文档|全文|文档)?(?:需要?|需消耗|所需)[:：]?(?:使用|消耗|花费)?\d+个?(?:下载券|积分|金币)/,
  /^(?:开通|成为|升级)?VIP(?:会员)?(?:专享|免费|特权)/,
  /^下载文档到电脑/,
  /^(?:点击)?查看更多(?:>>|》》|>|》)?$/,
  /^返回搜狐[，,]?查看更多$/,
  /^(?:内容提供方|内容来自用户|文档贡献者|上传者)[:：]/,
  /^(?:该|本)?文档(?:已)?被?(?:下载|浏览|阅读|收藏)\d+次$/,
  /^[【[]?(?:标签|Tags?|TAGS?)[:：]/,
  // A WeChat article: over it, the call to follow the account, who posted it in which account,
  // when and where (a line without clauses), and the collection it is in; under it, its end
  // mark, and the counts and buttons of the page as a browser shows it.
  /^[▲△▼▽↑↓☝👆]*(?:点击|点)(?:上方|上面|顶部|标题下方|蓝字)[^。！？]{0,16}关注/u,
  /^原创[^，。；：,;:！？!?]{0,40}\d{4}(?:-|年)\d{1,2}(?:-|月)\d{1,2}/,
  /\d{4}(?:-|年)\d{1,2}(?:-|月)\d{1,2}日?(?:\d{1,2}:\d{2})?发表于[\u4e00-\u9fff]{1,8}$/,
  /^收录于(?:合集|话题)/,
  // How long the article takes to read, over it: `全文共3562字，阅读大约需要8分钟`.
  /^(?:全文|本文)(?:共|约)?\d+字[，,]?(?:预计)?(?:阅读)?(?:时间|用时)?(?:大约|大概|约)?(?:需要?|为)?[:：]?\d+分钟/,
  /^[-—－–_=·•*]*(?:THE|The|the)?(?:END|End)[-—－–_=·•*]*$/,
  /^(?:阅读|赞|在看|点赞)\d+(?:\.\d+)?(?:万|w|W)?\+?$/,
  /^(?:视频)?(?:小程序)?赞[，,]?轻点两下取消赞/,
  /^(?:点个|点击|点亮|点)在看|^点个赞/,
  /^(?:(?:分享|点赞|在看|收藏|转发|转藏|献花|举报|评论|写留言|留言|听过)(?:[(（]\d+[)）])?[、，,·|/]?){2,}$/,
  // Where the text was first published, given as an address.
  /^[【[]?(?:(?:本文|原文|文章)(?:地址|链接|网址)|(?:本文|原文|文章)?来源)[:：](?:https?:\/\/|HTTPS?:\/\/|www\.)/,
  // A document-sharing site's name or address printed on every page, and a page's labels.
  /^(?:https?:\/\/)?(?:www\.|max\.)?(?:book118|doc88|docin|360doc)\.com\/?$/,
  /^(?:推荐度|推荐指数)[:：][★☆]+$/,
  /^(?:本|此|该)?文档为(?:doc|docx|pdf|wps|DOC|DOCX|PDF|WPS|[Ww]ord)格式/,
  /^(?:点击|立即|免费)*下载(?:本文|全文|文档|本文档|此文档|完整文档|[Ww]ord文档)$/,
  /^(?:[Ww]ord|PDF|pdf)?文档(?:免费)?下载$/,
];
const anyChrome = new RegExp(CHROME_PATTERNS.map((pattern) => pattern.source).join('|'));

/** Lines a site puts between pages or at the end: notices, never the speaker's words. */
const FOOTER_PHRASES = [
  '本文档由用户上传',
  '本文由用户上传',
  '如有侵权请联系删除',
  '如有侵权请联系',
  '如有侵权,请联系删除',
  '精品文档',
  '欢迎下载',
  '仅供参考',
  '文档来源于网络',
  '本文来源于网络',
  '版权归原作者所有',
];

/**
 * The clauses of a site's notice, worded as each site words it (`本文档由网友上传，仅供学习参考。`,
 * `内容来源网络，如有侵权请联系删除`). A line all of whose clauses are made of these is a notice,
 * in any order; one clause of the speaker's own (`以上意见，仅供参考`) keeps it speech. Crediting
 * an office (`本文由市政府办公室根据录音整理`) is the publication's, not the site's, and stays.
 */
const NOTICE_CLAUSE_PARTS = [
  '(?:本|该|此)?(?:文档|文章|文|资料|内容)(?:由|系)(?:用户|网友|会员|作者)(?:自行)?(?:上传|分享|发布)(?:至本站)?',
  '(?:本|该|此)?(?:文档|文章|文|资料|内容|图片|素材)(?:均|部分)?(?:来源|来自|源自|转自|摘自|取自)[:：]?于?(?:网络|互联网|网上|[\\u4e00-\\u9fffA-Za-z0-9]{0,6}(?:文库|文档网|范文网))(?:整理)?',
  '(?:如|若)(?:有|涉及|涉)?侵权(?:行为)?',
  '请?(?:及时)?(?:联系|告知|通知)(?:我们|本站|作者|管理员|站长)?(?:删除|处理)',
  '侵删',
  '(?:版权|著作权)(?:归|属于|属)原?作者(?:所有)?',
  '仅供(?:个人|大家)?(?:学习|参考|交流|阅读|研究|借鉴)+(?:使用|之用)?',
  '精品文档',
  '欢迎下载',
  '(?:本|该|此)?(?:文档|文件)?(?:下载后)?可(?:任意)?编辑(?:修改)?',
  '(?:本|该|此)?(?:文档|文章|文|资料|内容)(?:由|系)[\\u4e00-\\u9fffA-Za-z0-9]{0,6}(?:文库|文档网|范文网)(?:整理|收集|提供|发布)',
  '(?:免责)?声明[:：]',
  '(?:本文|文章|内容)仅代表(?:作者|作者本人|作者个人|个人)观点',
  '不代表本(?:站|网|平台)(?:观点|立场)',
  '与本(?:站|网|平台)无关',
  '(?:本|该|此)?(?:文|文章)(?:为|系)转载(?:文章)?',
];
const noticeClause = `(?:${NOTICE_CLAUSE_PARTS.join('|')})+`;
/** Separators are required between clauses: optional, they would let the clauses split many ways. */
const noticeLine = new RegExp(`^${noticeClause}(?:[，,。.；;！!、]+${noticeClause})*[，,。.；;！!、]*$`);

/**
 * Offers no speaker makes, only a site's notice: what follows one is the notice's own words, a
 * finished sentence too (`下载文档请到本站。`), where after `更多资料` it may be the speech's.
 */
const NOTICE_OPENERS = ['下载文档请', '本文档由用户上传', '如有侵权请联系删除'];
/**
 * Phrases that open an appended advertisement by offering something; instructions follow. With
 * the channels below, the ads open with 16 different characters: V8 searches for them fast, and
 * a 17th (`长按二维码`, `需要完整版`) made every search of every line take twice as long.
 */
const OFFER_OPENERS = [
  '更多资料',
  '更多精品',
  '更多精彩',
  '更多范文',
  '更多内容',
  '更多文章',
  '获取更多',
  '扫码关注',
  '扫码获取',
  '资料领取',
  '免费下载',
  '获取完整版',
  '下载完整版',
  ...NOTICE_OPENERS,
];
/** Phrases that open an advertisement by naming a channel; an account id follows. */
const CHANNEL_OPENERS = ['关注公众号'];
const AD_OPENERS = [...OFFER_OPENERS, ...CHANNEL_OPENERS];

/**
 * A contact channel named after a verb of soliciting: `加微信`, `关注公众号`, `加V`, `QQ群`, or
 * labelled for an account (`微信号：`; `微信号、抖音号` is speech). The app searched in
 * (`微信搜索公众号`) is the ad's too: left behind, it would be a fragment glued to the sentence.
 */
const CONTACT = `(?:(?:加|添加|关注|联系|咨询|(?:微${GAP_CLASS}*信${GAP_CLASS}*)?搜索)${GAP_CLASS}*(?:微${GAP_CLASS}*信|V${GAP_CLASS}*X|v${GAP_CLASS}*x|V${GAP_CLASS}*信|V|Q${GAP_CLASS}*Q|公${GAP_CLASS}*众${GAP_CLASS}*号)|Q${GAP_CLASS}*Q${GAP_CLASS}*群|微${GAP_CLASS}*信${GAP_CLASS}*号(?=${GAP_CLASS}*[:：]))`;

/** What follows an ad's opener: joiners, the channel, a colon and an account id (captured). */
const AD_TAIL = `(?:${GAP_CLASS}*[+＋加:：]?${GAP_CLASS}*(?:微${GAP_CLASS}*信|V${GAP_CLASS}*X|vx|QQ|公众号)?${GAP_CLASS}*号?${GAP_CLASS}*[:：]?${GAP_CLASS}*([A-Za-z0-9_-]{0,40}))`;

/**
 * A series name is a short label: no clause or sentence punctuation (`第一，“日新月异”系列№7` and
 * `一、！、“日新月异”系列№7`, a heading joined to the line below, are speech).
 */
const seriesLabel = /^[“"「『]?[^\s，。；：,;:、！？!?]{1,16}[”"」』]?系列\s*(?:№|No\.?|NO\.?|#|＃|第)\s*\d+/;
const uploadDate = /^\d{4}\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)$/;
const pageFooters = [
  /^第\s*\d+\s*页(?:\s*[,，/、]?\s*共\s*\d+\s*页)?$/,
  /^[-—–－]\s*\d+\s*[-—–－]$/,
  /^[·•]\s*\d+\s*[·•]$/,
  /^\d+\s*\/\s*\d+$/,
  /^page\s*\d+(?:\s*of\s*\d+)?$/i,
  // A news page's or WeChat article's credit line, copied from under it: `（责任编辑：王某）`,
  // `审核：李某`.
  /^[（(【[]?(?:责任编辑|责编|编辑|审核|审校|校对|监制|初审|复审|终审|排版|美编)[:：][^\s，。；、,;]{1,12}[）)】\]]?$/,
];
/** One search for them all; `i` changes only `page` and `of`, the one pattern with letters. */
const anyPageFooter = new RegExp(pageFooters.map((footer) => footer.source).join('|'), 'i');
const chromeLines = new Set(CHROME_LINES);
const footerPhrases = new RegExp(`^(?:${FOOTER_PHRASES.map(gappedPhraseSource).join('|')})`);

/**
 * A site's disclaimer under the text (`版权声明：本文内容由互联网用户自发贡献……`, `特别声明：以上内容……`),
 * and a content farm's word around it (`以上就是小编为大家整理的……`, `下面是小编精心整理的……`):
 * notices however long they run, as no speaker opens a line with one.
 */
const siteNoticeOpener = new RegExp(
  `(?:[【[]?(?:${['版权声明', '免责声明', '特别声明'].map(gappedPhraseSource).join('|')})[】\\]]?${GAP_CLASS}*[:：]|(?:以上|下面|下文|本文|这篇?)?就?(?:是|为)?由?小编(?:为|给|帮)?(?:大家|您|你们)?(?:精心|特意)?(?:整理|收集|搜集|准备|带来|分享|推荐|编辑))`,
  'y',
);

/** Whether `text` from `at` on opens a site's notice. */
export function opensSiteNotice(text: string, at = 0): boolean {
  siteNoticeOpener.lastIndex = at;
  return siteNoticeOpener.test(text);
}

/**
 * Classifies a whole line as residue. `aboveTitle` allows what only the header can hold: an
 * upload date such as `2024年1月` is residue above the title and the speech's date below it.
 */
export function classifyResidueLine(line: string, aboveTitle: boolean): ResidueKind | undefined {
  // A cut mark after residue (`正文复制…………` ending the text) goes with `truncated`'s fix, which
  // leaves the residue alone on its line: it is residue already, or a second fix-all would find it.
  const trimmed = line.slice(0, markerAtEnd(line)?.start ?? line.length).trim();
  if (trimmed.length === 0) return undefined;
  const compacted = compact(trimmed);
  if (chromeLines.has(compacted) || anyChrome.test(compacted)) return 'chrome';
  if (aboveTitle && seriesLabel.test(compacted)) return 'series';
  if (aboveTitle && uploadDate.test(compacted)) return 'upload-date';
  if (anyPageFooter.test(compacted) || opensSiteNotice(compacted)) return 'footer';
  // Short first: the notice pattern is then tried on a few words at most.
  if (compacted.length <= 40 && (footerPhrases.test(trimmed) || noticeLine.test(compacted))) return 'footer';
  return undefined;
}

export const AD_SOURCE = `(?:${AD_OPENERS.map(gappedPhraseSource).join('|')}|${CONTACT})${AD_TAIL}`;

const adPattern = new RegExp(AD_SOURCE, 'gu');
const opensWithOffer = new RegExp(`^(?:${OFFER_OPENERS.map(gappedPhraseSource).join('|')})`);
const opensWithNotice = new RegExp(`^(?:${NOTICE_OPENERS.map(gappedPhraseSource).join('|')})`);
const adSomewhere = new RegExp(AD_SOURCE, 'u');

/** Whether the text holds anything that opens an ad, accepted as one or not. */
export function mentionsAd(text: string): boolean {
  return adSomewhere.test(text);
}
/** An ad names a channel or a colon; a bare opener such as `更多资料` counts only at a line's end. */
const channel = /微|V|v|Q|公众号|[+＋:：]/;
/** No sentence joins words with `+` or puts a colon after `微信`, so these mark an ad anywhere. */
const marked = /[+＋:：]/;
/** An appended ad runs to the end of its line when what follows it is this short and no sentence. */
const AD_TAIL_LIMIT = 40;
/**
 * Sites append ads after a finished sentence, while the same words in the speech itself
 * (`引导群众关注公众号`, `提供更多资料`) sit inside one.
 */
const sentenceEnds = /[。！？!?…]/;
const closers = /[”’」』）)"]/;
const gap = new RegExp(GAP_CLASS);

/**
 * Whether `offset` of `content` follows a finished sentence (or opens the line), blanks between.
 * Read backwards from `offset`: a pattern anchored at the end would be tried from every earlier
 * position, the square of the line's length over a line of ads.
 */
function afterSentence(content: string, offset: number): boolean {
  let at = offset;
  while (at > 0 && gap.test(content[at - 1]!)) at--;
  if (at === 0) return true;
  // Blanks before a closer do not count either: `halfwidth-punctuation` takes those after a
  // half-width mark with it (`! ”` becomes `！”`).
  while (at > 0 && (closers.test(content[at - 1]!) || gap.test(content[at - 1]!))) at--;
  if (at === 0) return false;
  if (content[at - 1] !== '.') return sentenceEnds.test(content[at - 1]!);
  // A dot ends a sentence as the `。` fix-all may make of it does.
  return isSentenceDot(visibleBefore(content, at - 1, 1), undefined);
}
const han = /\p{Script=Han}/u;
const dotInWord = /(?<=[A-Za-z])\.(?=[A-Za-z])/g;

/**
 * Whether `content` from `from` on is the speech going on (`的运营很重要。`) rather than an ad's
 * account or slogan.
 */
function continuesSentence(content: string, from: number): boolean {
  // Invisible characters are trimmed too: fix-all removes them. A dot between letters is part of
  // an address (`请访问www.xxx.com`, an account `abc.com`), the letter before `from` included,
  // and ends no sentence.
  const trimmed = trimBlankEnd(content.replace(dotInWord, '_').slice(from));
  const end = firstSentenceEnd(trimmed);
  if (end >= 0 && end < trimmed.length - 1) return true;
  return han.test(trimmed) && endsSentence(trimmed) && !adSomewhere.test(trimmed);
}

/** An ad, and for one running to the end of its line, the ad its words alone make, if they do. */
interface FoundAd extends TextRange {
  readonly alone?: TextRange;
}

/**
 * What a site puts before an ad's verb: a courtesy (`欢迎关注公众号`, `请加微信`), how to reach it
 * by the QR code beside it (`长按二维码关注公众号`, `扫码加微信`), or what it offers
 * (`需要完整版请加微信`). Left behind, each would be a fragment glued to the sentence. Looked for
 * before a match, not in the pattern: there `请`, common in speech, made every search of every
 * line take twice as long, and `长按` or `需要` would be a 17th first character.
 */
const LEAD_IN =
  /(?:(?:(?:欢迎|敬请|请)?(?:长按|扫描|扫)(?:识别)?(?:图中|下方|上方)?的?二维码|扫码|(?:需要|如需|想要)(?:完整版|全文|原文|电子版))[，,]?)?(?:欢迎|敬请|请)?$/;
/** Longer than the longest lead-in, `请长按识别图中的二维码，请`. */
const LEAD_IN_LIMIT = 16;

function leadInStart(content: string, at: number): number {
  // The pattern may match nothing, so it always matches: at its leftmost place, the longest.
  const leadIn = LEAD_IN.exec(content.slice(Math.max(0, at - LEAD_IN_LIMIT), at))![0];
  return at - leadIn.length;
}

/**
 * Brackets a site puts around an ad (`（更多资料加微信）`, `【关注公众号：abc】`), by the brackets that
 * close each: they go with the ad, or fix-all would leave `（）` in the speech. A parenthesis is
 * closed by either width, as fix-all may make one of the two full-width and not the other.
 */
const AD_BRACKETS: Readonly<Record<string, string>> = { '（': '）)', '(': ')）', '【': '】', '[': ']' };

function isWordCharAt(content: string, at: number): boolean {
  return at >= 0 && (isAsciiLetterAt(content, at) || isAsciiDigitAt(content, at));
}

/** The ads in one line of text, in order, with offsets in it. */
function adsIn(content: string): FoundAd[] {
  const ads: FoundAd[] = [];
  adPattern.lastIndex = 0;
  for (let match = adPattern.exec(content); match !== null; match = adPattern.exec(content)) {
    const isMarked = marked.test(match[0]);
    const unbracketed = leadInStart(content, match.index);
    // Blanks inside the bracket count for nothing: fix-all takes a half-width one's (`( ` is `（`).
    const opening = blankRunEnd(content, unbracketed);
    const closers = AD_BRACKETS[content[opening - 1]!];
    const start = closers === undefined ? unbracketed : opening - 1;
    if (!isMarked && !afterSentence(content, start)) continue;
    const matchEnd = match.index + match[0].length;
    // An ad inside brackets that close right after it takes them; where they close later, the
    // ad alone goes and they stay, a pair. So do brackets followed by a letter or a digit: gone,
    // they would glue it to what stood before them (`Hello(加V:abc)Hi`, `{ 【…】1)`), which would
    // read as another word, or as no list marker.
    const closing = blankRunAfter(content, matchEnd);
    const closed =
      closers !== undefined &&
      closing < content.length &&
      closers.includes(content[closing]!) &&
      !isWordCharAt(content, closing + 1);
    const aloneRange = closed ? { start, end: closing + 1 } : { start: unbracketed, end: matchEnd };
    // An account id glued to the Chinese after it may be a placeholder fix-all restores
    // (`加微信ZZ方向` is 加微信政治方向 then, with no id): what follows the ad is read from where
    // the id starts, so that it reads the same before and after.
    const id = match[1]!;
    const restStart = isHan(charAt(content, matchEnd)) ? matchEnd - id.length : matchEnd;
    const rest = content.slice(restStart);
    // An offer runs on in Chinese (`更多资料请访问本站`); a bare channel runs on only into an
    // account id or another ad, or a title such as `关注公众号运营 提升宣传实效` would go too.
    const tailFits = isMarked || opensWithOffer.test(match[0]) || !han.test(rest) || adSomewhere.test(rest);
    // Blanks are not counted: a join or a removed last line may take those at the end away, and
    // fix-all those beside a half-width mark.
    const short = fitsWithoutSpaces(trimBlankEnd(rest), AD_TAIL_LIMIT);
    const alone = isMarked || (channel.test(match[0]) && !isHan(charAt(content, matchEnd)));
    const notice = opensWithNotice.test(match[0]);
    if (short && (notice || !continuesSentence(content, restStart)) && tailFits) {
      ads.push(alone ? { start, end: content.length, alone: aloneRange } : { start, end: content.length });
      adPattern.lastIndex = content.length;
    } else if (alone) {
      ads.push(aloneRange);
      adPattern.lastIndex = aloneRange.end;
    }
  }
  return ads;
}

/** The characters a site repeats where it cut the text, and how many make a marker. */
const MARKER_RUNS: ReadonlyMap<string, number> = new Map([
  ['-', 3],
  ['—', 3],
  ['－', 3],
  ['_', 3],
  ['…', 3],
  ['.', 6],
]);

/**
 * The marker ending `content`: runs of one marker character (`----`, `……………`), several in a row
 * too (`----____`, all of which fix-all removes), with the blanks around them. Found by walking
 * back from the end, so a line of ten thousand dashes costs ten thousand steps, not their square.
 */
export function markerAtEnd(content: string): { start: number; shown: string } | undefined {
  let end = blankRunEnd(content, content.length);
  let start: number | undefined;
  for (;;) {
    const char = content[end - 1];
    const least = char === undefined ? undefined : MARKER_RUNS.get(char);
    if (least === undefined) break;
    // Invisible characters inside a run go with fix-all: `——\u200B——` is a marker.
    let at = end;
    let count = 0;
    while (at > 0 && (content[at - 1] === char || isInvisibleAt(content, at - 1))) {
      if (content[at - 1] === char) count++;
      at--;
    }
    while (at < end && content[at] !== char) at++;
    if (count < least) break;
    start = at;
    end = blankRunEnd(content, at);
  }
  if (start === undefined) return undefined;
  return { start: end, shown: content.slice(start).trim() };
}

/** Rounds of looking again after removing the ads found; real lines need one at most. */
const MAX_ROUNDS = 8;

/**
 * The ads appended to `content` (one line), in order. They are looked
 * for in the line as fix-all leaves it: without invisible characters, and without the ads found
 * (which fix-all removes as `removedAds` says), until nothing new turns up. Otherwise a
 * second fix-all would find an ad the first did not: an opener whose tail read as a sentence until
 * the ad after it went (`扫码关注,。更多资料+微信:x`), or one after `。\u200B`. An ad holding an
 * `ignored` range is kept, and so is no ad. A caller that has classified the line's characters
 * says whether it holds invisible ones.
 */
export function appendedAds(
  content: string,
  ignored: readonly TextRange[] = [],
  invisibleInside = hasInvisible(content),
): readonly TextRange[] {
  // Most lines hold no ad: one search settles them. Without invisible characters, every text
  // looked at is a prefix of `content` until an ad is found, so no match here means none. The
  // search proper is a function of its own: the closures it makes would otherwise have every
  // line's call allocate the variables they capture.
  return !invisibleInside && !adSomewhere.test(content)
    ? NO_ADS
    : adsOfLine(content, ignored, invisibleInside);
}

function adsOfLine(
  content: string,
  ignored: readonly TextRange[],
  invisibleInside: boolean,
): readonly TextRange[] {
  /** The stretches of `content` the text looked at is made of, in order. */
  let kept: readonly TextRange[] = invisibleInside
    ? visibleStretches(content)
    : [{ start: 0, end: content.length }];
  let ads: TextRange[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const unmarked = textOf(content, kept);
    // A cut mark at the end is no part of what follows an ad: `truncated` removes it, and an ad
    // whose tail is `？----` ends the line once it is gone.
    const looked = unmarked.slice(0, markerAtEnd(unmarked)?.start ?? unmarked.length);
    const found = adsIn(looked);
    if (found.length === 0) break;
    const unitAt = (index: number) => offsetIn(kept, index);
    // An ad running to the end of what is looked at runs to the end of the line.
    const place = (ad: TextRange) => ({
      start: unitAt(ad.start),
      end: ad.end === looked.length ? content.length : unitAt(ad.end - 1) + 1,
    });
    const holdsIgnored = (ad: TextRange) => overlapsAny(ignored, ad.start, ad.end);
    // An ad that would run over an ignored phrase ends where its own words do, if they make one:
    // so it reads the same once fix-all has changed what follows it.
    // A loop, not `flatMap`, which made an array for each ad of every line with one.
    const placed: TextRange[] = [];
    for (const ad of found) {
      const whole = place(ad);
      if (!holdsIgnored(whole)) placed.push(whole);
      else {
        const alone = ad.alone && place(ad.alone);
        if (alone && !holdsIgnored(alone)) placed.push(alone);
      }
    }
    if (placed.length === 0) break;
    ads = mergeRanges([...ads, ...placed]);
    kept = withoutRanges(kept, removedAds(content, ads));
  }
  return ads.length === 0 ? NO_ADS : ads;
}

// The text an ad is looked for in is kept as the stretches of the line it is made of, not as an
// offset for each of its code units: those, for every line with an ad, were most of what the
// search for ads allocated.

/** The stretches of `content` between its invisible characters. */
function visibleStretches(content: string): TextRange[] {
  const stretches: TextRange[] = [];
  let start = 0;
  for (let at = 0; at <= content.length; at++) {
    if (at < content.length && !isInvisibleAt(content, at)) continue;
    if (at > start) stretches.push({ start, end: at });
    start = at + 1;
  }
  return stretches;
}

/** `stretches` (in order) without what `removed` (sorted and apart) covers. */
function withoutRanges(stretches: readonly TextRange[], removed: readonly TextRange[]): TextRange[] {
  const kept: TextRange[] = [];
  let next = 0;
  for (const stretch of stretches) {
    let start = stretch.start;
    while (next < removed.length && removed[next]!.end <= start) next++;
    for (let at = next; at < removed.length && removed[at]!.start < stretch.end; at++) {
      const range = removed[at]!;
      if (range.start > start) kept.push({ start, end: range.start });
      start = Math.max(start, range.end);
    }
    if (start < stretch.end) kept.push({ start, end: stretch.end });
  }
  return kept;
}

/** The text the stretches of `content` make. */
function textOf(content: string, stretches: readonly TextRange[]): string {
  let text = '';
  for (const { start, end } of stretches) text += content.slice(start, end);
  return text;
}

/** Where code unit `index` of the text `stretches` make is in the line. */
function offsetIn(stretches: readonly TextRange[], index: number): number {
  let left = index;
  for (const { start, end } of stretches) {
    if (left < end - start) return start + left;
    left -= end - start;
  }
  throw new RangeError(`no code unit ${index} in the stretches`);
}

/**
 * What fix-all removes of a line's ads (sorted and apart): each with the spaces before it, which
 * tied it to the speech; but an ad opening the line (after its indent, or after ads that open it)
 * with the spaces after it, so that the indent stays and no space is left before the speech. An
 * invisible character before it does not stop it opening the line: `invisible-char` removes that
 * character, and the space after the ad would be left in front of the speech.
 */
export function removedAds(line: string, ads: readonly TextRange[]): readonly TextRange[] {
  // Most lines have no ad; their empty list is shared, not made for each line.
  if (ads.length === 0) return NO_ADS;
  let opensLine = true;
  let previousEnd = 0;
  const removed: TextRange[] = [];
  for (const ad of ads) {
    opensLine &&= blankRunAfter(line, previousEnd) >= ad.start;
    const range = opensLine
      ? { start: ad.start, end: spaceRunEnd(line, ad.end) }
      : { start: blankRunStart(line, ad.start, previousEnd), end: ad.end };
    removed.push(range);
    previousEnd = range.end;
  }
  return removed;
}

/** Most lines have no ad: they share one empty list. */
const NO_ADS: readonly TextRange[] = [];

/** Sorted, with overlapping or touching ranges joined. */
function mergeRanges(ranges: TextRange[]): TextRange[] {
  const merged: TextRange[] = [];
  for (const range of sortFew(ranges, (a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && range.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}
