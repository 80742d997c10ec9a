import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, outline, parse } from '../../server/src/core';
import { assertIdempotent, assertSafeFixAll, covered, findingsOf, fixAll } from '../support/fixtures';

const rule = 'watermark';

describe('watermark: header residue above the title', () => {
  const text = '正文复制\n“砥砺前行”系列№123\n2023年5月\n加强基层治理\n同志们：\n今天开会。\n';

  test('page chrome, a series label and an upload date are each reported as a whole line', () => {
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['正文复制\n', '“砥砺前行”系列№123\n', '2023年5月\n']);
    assert.match(findings[0]!.message, /chrome “正文复制”/);
    assert.match(findings[1]!.message, /Series label ‘“砥砺前行”系列№123’ belongs/);
    assert.match(findings[2]!.message, /Upload date “2023年5月” above the title/);
  });

  test('fix-all removes the lines with their breaks and leaves the title first', () => {
    assertSafeFixAll(rule, text, '加强基层治理\n同志们：\n今天开会。\n');
  });

  test('a date below the title is the speech’s date, not an upload date', () => {
    assert.deepEqual(findingsOf(rule, '加强基层治理\n2023年5月\n同志们：\n今天开会。\n'), []);
  });

  test('chrome words inside a sentence are the speaker’s own', () => {
    const clean = '同志们：\n要分享经验，打造精品工程，欢迎下载使用政务APP，举报电话要公开。\n';
    assert.deepEqual(findingsOf(rule, clean), []);
  });
});

/**
 * Asserts that each residue line of `page` is found, named as the reader sees it, and that fix-all
 * leaves the speech the pages below publish, and nothing of the page.
 */
function assertPageRemoved(page: string, shown: readonly string[]): void {
  assert.deepEqual(
    findingsOf(rule, page).map((finding) => finding.message.match(/“(.*)”/)?.[1]),
    shown,
    'each named as the reader sees it, blanks single',
  );
  assertSafeFixAll(
    rule,
    page,
    '在全县安全生产工作会议上的讲话\n县长 王某某\n同志们：\n今天召开全县安全生产工作会议。\n谢谢大家！\n',
  );
}

describe('watermark: the page around a speech on a government or news site', () => {
  /** What the pages below hold of the speech, as fix-all leaves it. */
  const meeting = '在全县安全生产工作会议上的讲话\n同志们：\n今天召开全县安全生产工作会议。\n';
  const page = [
    '当前位置：首页 > 政务公开 > 领导讲话',
    '在全县安全生产工作会议上的讲话',
    '发布时间：2025-03-06 10:20  来源：县政府办公室  浏览次数：2381',
    '【字体：大 中 小】',
    '县长 王某某',
    '同志们：',
    '今天召开全县安全生产工作会议。',
    '谢谢大家！',
    '【打印本页】【关闭窗口】',
    '扫一扫在手机打开当前页',
    '上一篇：在全县经济工作会议上的讲话',
    '下一篇：关于做好春耕生产工作的通知',
    '',
  ].join('\n');

  test('where the page sits, when it was posted, its buttons and links are removed as lines', () => {
    assertPageRemoved(page, [
      '当前位置：首页 > 政务公开 > 领导讲话',
      '发布时间：2025-03-06 10:20 来源：县政府办公室 浏览次数：2381',
      '【字体：大 中 小】',
      '【打印本页】【关闭窗口】',
      '扫一扫在手机打开当前页',
      '上一篇：在全县经济工作会议上的讲话',
      '下一篇：关于做好春耕生产工作的通知',
    ]);
  });

  for (const chrome of [
    '首页 > 讲话稿',
    '字号：大 中 小',
    '阅读：1234次',
    '相关推荐',
    'Copyright © 2025 某某网 版权所有',
    '分享到：',
  ]) {
    test(`“${chrome}” on its own line is site chrome`, () => {
      const text = `同志们：\n今天开会。\n${chrome}\n明天继续。\n`;
      assert.deepEqual(covered(text, findingsOf(rule, text)), [`${chrome}\n`]);
    });
  }

  test("a document-sharing site's preview around the text is removed line by line", () => {
    const text = [
      '预览与源文档一致，下载高清无水印',
      '文档页数：12页  文档格式：.doc',
      '在全县安全生产工作会议上的讲话',
      '同志们：',
      '今天召开全县安全生产工作会议。',
      '已阅读5页，还剩7页未读，继续阅读',
      '下面，我讲三点意见。',
      '下载文档到电脑，查找使用更方便',
      '此文档下载收益归作者所有',
      '',
    ].join('\n');
    assertSafeFixAll(
      rule,
      text,
      '在全县安全生产工作会议上的讲话\n同志们：\n今天召开全县安全生产工作会议。\n下面，我讲三点意见。\n',
    );
  });

  test("a document-sharing site's labels, counts and buttons are removed line by line", () => {
    const text = [
      '内容来自用户：文库小编',
      '在全县安全生产工作会议上的讲话',
      '上传时间：2025-03-06',
      '同志们：',
      '今天召开全县安全生产工作会议。',
      '【下载本文】',
      '[标签：讲话稿]',
      '转藏 分享 献花(0)',
      '一键复制全文',
      '文档贡献者',
      '该文档被下载128次',
      '本文链接：https://www.example.com/fanwen/123.html',
      '【本文地址：https://www.example.com/fanwen/123.html】',
      '本文来源：https://www.example.com/fanwen/123.html',
      '推荐度：★★★★',
      '点击下载文档',
      '文档为doc格式',
      'Word文档免费下载',
      '原创力文档',
      'max.book118.com',
      '',
    ].join('\n');
    assertSafeFixAll(rule, text, meeting);
  });

  test("where a document-sharing site's preview ends and it asks the reader to pay, each line is removed", () => {
    const text = [
      '在全县安全生产工作会议上的讲话',
      'VIP专享文档',
      '同志们：',
      '今天召开全县安全生产工作会议。',
      '试读已结束，剩余3页未读，继续阅读',
      '免费阅读已结束，点击下载阅读编辑剩下内容',
      '免费预览已结束，剩余 5 页可下载查看',
      '下载本文需要使用 1 下载券',
      '开通VIP会员免费下载',
      '点击继续阅读',
      '返回搜狐,查看更多',
      '',
    ].join('\n');
    assertSafeFixAll(rule, text, meeting);
    const speech = [
      '同志们：',
      '试点工作已经结束，要及时总结。',
      '剩余3项任务要抓紧完成。',
      'VIP客户服务要规范。',
      '预览功能要继续完善。',
      '下载量要再提高。',
      '继续阅读经典，继续学习理论。',
      '',
    ].join('\n');
    assert.deepEqual(findingsOf(rule, speech), []);
  });

  test("a site's disclaimer or word to its readers is removed however long it runs; the speaker's own words stay", () => {
    const disclaimer =
      '版权声明：本文内容由互联网用户自发贡献，该文观点仅代表作者本人。本站仅提供信息存储空间服务，' +
      '不拥有所有权，不承担相关法律责任。如发现本站有涉嫌侵权的内容，请联系我们，一经查实，本站将立刻删除。';
    const farmed =
      '以上就是小编为大家精心整理的在全县安全生产工作会议上的讲话范文，希望对大家有所帮助，' +
      '更多关于安全生产工作会议讲话稿的范文，请持续关注本站的讲话稿栏目。';
    for (const line of [
      disclaimer,
      `特\u200B别声明：${disclaimer}`,
      `更多资料+微信:abc ${disclaimer}`,
      farmed,
      farmed.replace('小编', '小\u200B编'),
    ]) {
      const text = `同志们：\n今天开会。\n${line}\n明天继续。\n`;
      assert.deepEqual(covered(text, findingsOf(rule, text)), [`${line}\n`]);
      assertSafeFixAll(rule, text, '同志们：\n今天开会。\n明天继续。\n');
    }
    const speech = [
      '同志们：',
      '版权保护要加强，有关声明要规范。',
      '标签化管理要不得。',
      '在此声明：会议纪律必须遵守。',
      '小编们辛苦了，宣传工作做得好。',
      '第3页的表格要仔细看。',
      '数据来源：市统计局',
      '',
    ].join('\n');
    assert.deepEqual(findingsOf(rule, speech), []);
  });

  test("a meeting's own time and place are the speech's", () => {
    const text =
      '在全县安全生产工作会议上的讲话\n时间：2025年3月5日\n地点：县政府三楼会议室\n同志们：\n今天开会。\n';
    assert.deepEqual(findingsOf(rule, text), []);
  });
});

describe('watermark: a WeChat article around a speech', () => {
  const above = [
    '▲点击上方蓝字关注我们',
    '原创 李华 党建学习 2025-03-06 08:00 发表于北京',
    '收录于合集 #领导讲话 12个',
    '全文共 3562 字，阅读大约需要 8 分钟',
  ];
  const below = [
    '- END -',
    '审核：李华 校对：张敏',
    '往期推荐',
    '点个在看，你最好看',
    '阅读原文',
    '原文链接：https://www.example.gov.cn/art/2025/3/6/art_1.html',
    // What a browser shows of the page under an article, copied along with it.
    '阅读 1.2万',
    '预览时标签不可点',
    '微信扫一扫关注该公众号',
    '继续滑动看下一个',
    '轻触阅读原文',
    '知道了',
    '视频 小程序 赞 ，轻点两下取消赞 在看 ，轻点两下取消在看',
    '分享 留言 收藏 听过',
  ];
  const article = [
    ...above,
    '在全县安全生产工作会议上的讲话',
    '县长 王某某',
    '同志们：',
    '今天召开全县安全生产工作会议。',
    '谢谢大家！',
    ...below,
    '',
  ].join('\n');

  test('the call to follow the account, the end mark, credits, buttons and the link are removed', () => {
    assertPageRemoved(article, [...above, ...below]);
  });

  test('what the account puts above the title is not taken for the title', () => {
    const [title] = outline(parse(article));
    assert.equal(title?.name, '在全县安全生产工作会议上的讲话');
  });

  test('the same words in the speech are the speaker’s', () => {
    const speech = [
      '同志们：',
      '在看到成绩的同时，也要看到不足。',
      '点赞基层干部的担当！',
      '分享经验，共同进步。',
      '阅读原文件要仔细。',
      '点击量不是唯一标准，要关注质量。',
      '扫描二维码即可办理业务，群众很满意。',
      '审核：要严格把关。',
      '原创作品要保护，2025年3月6日前完成登记。',
      '阅读100本好书。',
      '知道了这些，我们就有了方向。',
      '全文共分三个部分，约需20分钟。',
      '谢谢大家！',
      '',
    ].join('\n');
    assert.deepEqual(findingsOf(rule, speech), []);
  });
});

describe('watermark: footers between paragraphs', () => {
  for (const footer of [
    '第 2 页 共 5 页',
    '第3页，共12页',
    '- 5 -',
    '本文档由用户上传',
    '如有侵权请联系删除',
    '精品文档 欢迎下载',
    // Notices as each site words them: any of these clauses, in any order.
    '本文档由网友上传，仅供学习参考。',
    '内容来源网络，如有侵权请联系删除。',
    '资料来源于网络，版权归原作者所有',
    '若有侵权，请联系我们删除！',
    '图片来源于网络，侵删',
    '仅供个人学习交流使用',
    '（责任编辑：王小明）',
    '责编：李华',
    '本文来自百度文库，仅供参考',
    '本文为转载，版权归原作者所有',
    '免责声明：本文仅代表作者个人观点，与本站无关。',
    '第 3 页',
    '·3·',
    '文章来源：网络',
    '本文档下载后可编辑',
    '本文由某某文库整理',
    '下面是小编为大家整理的讲话稿，欢迎阅读！',
  ]) {
    test(`“${footer}” on its own line is removed with its line break`, () => {
      const text = `同志们：\n今天开会。\n${footer}\n明天继续。\n`;
      assert.deepEqual(covered(text, findingsOf(rule, text)), [`${footer}\n`]);
      assertSafeFixAll(rule, text, '同志们：\n今天开会。\n明天继续。\n');
    });
  }

  test('a line that speaks of editors is speech', () => {
    const text = '同志们：\n编辑：要把好政治关，确保导向正确。\n各位编辑：大家辛苦了！\n';
    assert.deepEqual(findingsOf(rule, text), []);
  });

  test('a line with a clause of the speaker’s own, or crediting the publication, is speech', () => {
    const text = [
      '同志们：',
      '以上意见，仅供参考。',
      '如有侵权行为，要依法严肃处理。',
      '网络内容来源复杂，要加强监管。',
      '本文由市政府办公室根据录音整理',
      '谢谢大家！',
      '',
    ].join('\n');
    assert.deepEqual(findingsOf(rule, text), []);
  });

  test('a footer on the last line, without a break of its own, takes the break before it', () => {
    const text = '同志们：\n今天开会。\n第 5 页 共 5 页';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['\n第 5 页 共 5 页']);
    assertSafeFixAll(rule, text, '同志们：\n今天开会。');
  });

  test('a footer after a lone CR takes that break, so an empty line after it stays one', () => {
    // Removed with its own `\n`, the `\r` before it and the empty line's `\n` would make one break.
    assert.equal(fixAll('今天开会。\r第 2 页 共 5 页\n\n明天继续。\n'), '今天开会。\n\n明天继续。\n');
    assertIdempotent("今天开会',\r正文复制\n\n中", "今天开会',\n\n中", { rules: { 'broken-line': 'off' } });
  });

  test('CRLF line breaks go with the removed line', () => {
    const text = '同志们：\r\n今天开会。\r\n- 2 -\r\n明天继续。\r\n';
    assertSafeFixAll(rule, text, '同志们：\r\n今天开会。\r\n明天继续。\r\n');
  });

  test('two footers ending a file without a final break are both removed at once', () => {
    const text = '同志们：\n今天开会。\n- 3 -\n本文档由用户上传';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['- 3 -\n', '\n本文档由用户上传']);
    assert.equal(fixAll(text), '同志们：\n今天开会。\n');
    assert.equal(fixAll(fixAll(text)), '同志们：\n今天开会。\n');
  });

  test('a footer with a zero-width character or an ad stuck to it is still a footer line', () => {
    for (const footer of ['第 2 页 共 5 页\u200B', '第 2 页 共 5 页更多资料+微信:']) {
      const text = `同志们：\n今天开会。\n${footer}\n明天继续。\n`;
      assert.deepEqual(covered(text, findingsOf(rule, text)), [`${footer}\n`]);
      assert.equal(fixAll(text), '同志们：\n今天开会。\n明天继续。\n');
    }
  });

  test('a footer right under the title is not taken for a second title line', () => {
    const text = '坚持创新驱动发展\n第 1 页 共 5 页\n同志们：\n今天开会。\n';
    assertSafeFixAll(rule, text, '坚持创新驱动发展\n同志们：\n今天开会。\n');
  });
});

describe('watermark: ads appended to paragraphs', () => {
  const cases: readonly [string, string][] = [
    ['更多资 料+微信:', 'a space inside the opener'],
    ['更多资料+微 信:', 'a space inside the channel'],
    ['更多资料+微\u200B信:', 'a zero-width space inside the channel'],
    ['更多资料加微信', 'no joiner or colon'],
    ['关注公众号', 'a bare channel'],
    ['关注公众号:dangjian2023', 'an account id'],
    ['加V:abc123', 'a one-letter channel'],
    ['QQ群：123456', 'a QQ group'],
    ['下载文档请访问本站', 'a download notice'],
    ['扫码关注本站', 'a QR code notice'],
    ['关注公众号获取更多资料', 'a channel followed by an offer'],
    ['欢迎关注公众号：党建学习', 'a courtesy before the verb'],
    ['微信搜索公众号：xuexi', 'the app searched in'],
    ['微信号：abc123', 'an account labelled'],
    ['获取完整版请加微信abc', 'the full version offered'],
    ['（更多资料请关注公众号）', 'in brackets, which go with it'],
    ['【关注公众号：abc】', 'in lenticular brackets'],
    ['(加V:abc)', 'in half-width brackets'],
    ['长按二维码关注公众号', 'how to scan the code before the verb'],
    ['长按识别二维码，获取更多资料', 'how to scan the code before an offer'],
    ['扫码加微信：abc', 'a code to scan before the channel'],
    ['需要完整版请加微信：abc123', 'what is offered before the verb'],
  ];
  for (const [ad, why] of cases) {
    test(`“${ad}” after a sentence is removed (${why})`, () => {
      const text = `同志们：\n今天我们召开全县经济工作会议。${ad}\n下面我讲三点意见。\n`;
      assert.deepEqual(covered(text, findingsOf(rule, text)), [ad]);
      assertSafeFixAll(rule, text, '同志们：\n今天我们召开全县经济工作会议。\n下面我讲三点意见。\n');
    });
  }

  test('an ad in brackets inside a paragraph goes with its brackets, and the speech after it stays', () => {
    const text = '同志们：\n今天我们召开全县经济工作会议。（更多资料加微信：abc）下面我讲三点意见。\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['（更多资料加微信：abc）']);
    assertSafeFixAll(rule, text, '同志们：\n今天我们召开全县经济工作会议。下面我讲三点意见。\n');
  });

  test('the same words in a sentence of the speech are the speaker’s', () => {
    for (const sentence of [
      '微信号、抖音号等新媒体平台要加强管理。',
      '欢迎关注我市经济发展。',
      '长按二维码即可报名参加活动。',
      '需要完整版的政策文件，可以到办公室领取。',
      '本文来自群众的呼声，值得重视。',
    ]) {
      const text = `同志们：\n今天我们召开全县经济工作会议。${sentence}\n下面我讲三点意见。\n`;
      assert.deepEqual(findingsOf(rule, text), [], sentence);
    }
  });

  test('a site’s notice is removed to the line’s end, though its words make a sentence', () => {
    const text =
      '同志们：\n今天我们召开全县经济工作会议。下载文档请到本站首页。\n下载文档请访问本站。\n谢谢大家！\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), [
      '下载文档请到本站首页。',
      '下载文档请访问本站。\n',
    ]);
    assertSafeFixAll(rule, text, '同志们：\n今天我们召开全县经济工作会议。\n谢谢大家！\n');
    // An offer that speech may make keeps a sentence after it.
    assert.deepEqual(findingsOf(rule, '同志们：\n今天开会。更多资料请见会议材料。\n'), []);
  });

  test('the message shows the ad without the characters inserted to hide it', () => {
    const [finding] = findingsOf(rule, '今天开会。更多资 料+微\u200B信:\n');
    assert.equal(finding?.message, 'Advertisement “更多资料+微信:” left by the website: remove it.');
  });

  test('a zero-width character in front of an ad does not hide it', () => {
    const text = '同志们：\n今天开会。\n\u200B加微信\n';
    assert.equal(fixAll(text), '同志们：\n今天开会。\n');
  });

  test('blanks before an ad go with it', () => {
    const text = '今天开会。  更多资料+微信:abc\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['  更多资料+微信:abc']);
    assertSafeFixAll(rule, text, '今天开会。\n');
  });

  test('an ad opening a line goes with the spaces after it; the indent before it stays', () => {
    const text = '同志们：\n更多资料+微信:abc 今天开会。\n　　更多资料+微信:abc　明天继续。\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['更多资料+微信:abc ', '更多资料+微信:abc　']);
    assertSafeFixAll(rule, text, '同志们：\n今天开会。\n　　明天继续。\n');
  });

  test('an invisible character in front of an ad opening a line does not keep the space after it', () => {
    const text = '同志们：\n\u200B更多资料+微信:abc 今天开会。\n　　\u2060更多资料+微信:abc　明天继续。\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['更多资料+微信:abc ', '更多资料+微信:abc　']);
    assert.equal(fixAll(text), '同志们：\n今天开会。\n　　明天继续。\n');
  });

  test('ads opening a line one after another all go with the spaces after them', () => {
    const text = '同志们：\n更多资料+微信:abc 加微信:def 今天开会。更多资料+微信:ghi\n';
    assertSafeFixAll(rule, text, '同志们：\n今天开会。\n');
  });

  test('a watermark phrase after an ad opening the line opens it too: no space is left', () => {
    const settings = { watermarkPhrases: ['内部资料'] };
    const text = '同志们：\n更多资料+微信:abc 内部资料 今天开会。\n';
    assert.equal(fixAll(text, rule, settings), '同志们：\n今天开会。\n');
  });

  test('an ad with a joiner is found even where no sentence ended before it', () => {
    const text = '加强基层治理更多资料+微信:abc\n同志们：\n今天开会。\n';
    assertSafeFixAll(rule, text, '加强基层治理\n同志们：\n今天开会。\n');
  });

  test('a line holding nothing but an ad is removed whole', () => {
    const text = '同志们：\n今天开会。\n更多资料+微信:abc\n明天继续。\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['更多资料+微信:abc\n']);
    assertSafeFixAll(rule, text, '同志们：\n今天开会。\n明天继续。\n');
  });

  test('two ads in one document are both removed and nothing else changes', () => {
    const text = '同志们：\n第一段。更多资料+微信:\n第二段。更多资料+微 信:\n';
    assertSafeFixAll(rule, text, '同志们：\n第一段。\n第二段。\n');
  });
});

describe('watermark: the same words used by the speaker', () => {
  const sentences = [
    '各部门要用好微信公众号等新媒体平台，扩大政策宣传覆盖面。',
    '要引导群众关注公众号、下载客户端，获取更多内容。',
    '我们要为基层提供更多资料和案例。',
    '有的干部热衷于加微信群、建工作群，搞“指尖上的形式主义”。',
    '今天开会。关注公众号的运营情况要纳入考核。',
    '今天开会。更多资料显示，我县的发展潜力很大。',
  ];
  for (const sentence of sentences) {
    test(`“${sentence}” is not an ad`, () => {
      assert.deepEqual(findingsOf(rule, `同志们：\n${sentence}\n`), []);
    });
  }

  test('a title that opens with the same words is no ad', () => {
    const text = '关注公众号运营 提升政务宣传实效\n同志们：\n今天开会。\n';
    assert.deepEqual(findingsOf(rule, text), []);
  });

  test('an ad after such a sentence is still found', () => {
    const text = '要引导群众关注公众号。更多资料请关注公众号。\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['更多资料请关注公众号。']);
  });
});

describe('watermark: fixes', () => {
  test('a single finding’s fix removes exactly what it covers', () => {
    const text = '今天开会。更多资料+微信:\n明天继续。更多资料+微信:\n';
    const [first] = findingsOf(rule, text);
    assert.equal(applyEdits(text, first!.fixes[0]!.edits), '今天开会。\n明天继续。更多资料+微信:\n');
    assert.equal(first!.fixes[0]!.title, 'Remove “更多资料+微信:”');
    assert.equal(first!.fixes[0]!.safe, true);
  });

  test('whole-line residue offers “Remove the line”', () => {
    const [finding] = findingsOf(rule, '正文复制\n加强基层治理\n');
    assert.equal(finding?.fixes[0]?.title, 'Remove the line “正文复制”');
  });

  test('an invisible character inside an ad is removed by the ad’s fix alone', () => {
    assert.equal(fixAll('今天开会。更多资料+微\u200B信:\n'), '今天开会。\n');
  });
});
