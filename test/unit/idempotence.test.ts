// Counterexamples the property tests (test/property/fixAll.test.ts) found to "a second fix-all
// changes nothing", each shrunk to a few lines and kept here with the text fix-all now makes.
// Each rule judges the text as fix-all leaves it, so the fixes of one rule do not make findings
// of another appear on the next run.
import { describe, test } from 'node:test';
import { assertIdempotent } from '../support/fixtures';

describe('fix-all is idempotent: what a line is does not depend on what fix-all removes', () => {
  test('an ad appended to the first line does not make it the title', () => {
    assertIdempotent('一是更多资料+微信:abc123\n正文复制', '一是');
    assertIdempotent('，更多资料+微信:abc123\n\u0085', '，\u0085');
  });

  test('an ad opening a line does not hide the heading after it', () => {
    assertIdempotent('关注公众号xyz②XX同志', '②XX同志');
  });

  test('page chrome between an opening and an appended ad is a chrome line, removed whole', () => {
    // Found by a property over parentheses and ads: the opening ad counted as the line's words,
    // so only the ads went, and a second fix-all found `正文复制` alone on its line.
    assertIdempotent(
      '同志们：\n更多资料+微信:abc正文复制更多资料+微信:abc今天召开全市工作会议今天召开全市工作会议（（（\n今天召开全市工作会议。',
      '同志们：\n今天召开全市工作会议。',
    );
  });

  test('site residue under the title is residue first: `正文复制` is no speaker', () => {
    assertIdempotent('X中央\n正文复制', '党中央');
  });

  test('a placeholder in a name after a title or a space does not hide the speaker', () => {
    assertIdempotent('市委书记 X近平\n，全市上下团结一心。', '市委书记 习近平，全市上下团结一心。');
  });

  test('a heading such as `第一部分` is no speaker either', () => {
    assertIdempotent(
      '今天召开全市工作会议\n第十一部分\n“更多资料+微信:abc123\n第一部分',
      '今天召开全市工作会议\n第十一部分\n“\n第十二部分',
    );
  });

  test('a half-width `!` ends a run-in heading as `！` does', () => {
    assertIdempotent('一、!今天召开全市工作会议\n，更多资料+微信:abc123', '一、！今天召开全市工作会议，');
  });

  test('a truncation marker after `2、` does not hide the heading', () => {
    assertIdempotent('今天召开全市工作会议\n正文复制\n2、......', '今天召开全市工作会议\n2、');
  });

  test('a dot that starts a truncation marker is no heading mark: `1.......` is `1` once fixed', () => {
    assertIdempotent('，\n1.......', '，1');
  });

  test('a dot after a word joined to more is read alike before and after a placeholder after it is restored', () => {
    assertIdempotent('1.Hello.X中央\n，今天召开全市工作会议', '1.Hello.党中央\n，今天召开全市工作会议');
  });

  test('a series label has no clause or sentence punctuation', () => {
    assertIdempotent('第一，\n“日新月异”系列№7962', '第一，“日新月异”系列№7962');
    assertIdempotent('一、!、\n“日新月异”系列№7962', '一、！、“日新月异”系列№7962');
    assertIdempotent('一、？一、\n“日新月异”系列№7962', '一、？一、“日新月异”系列№7962');
  });

  test('an ad between a numeral and its mark does not hide the heading', () => {
    assertIdempotent(
      '一、总体要求\n三更多资料+微信:abc、主要任务。加强组织领导。',
      '一、总体要求\n二、主要任务。加强组织领导。',
    );
    assertIdempotent(
      '二更多资料+微信:abc、加强组织领导。全市上下团结一心。',
      '二、加强组织领导。全市上下团结一心。',
    );
  });

  test('a heading that fix-all joins a subtitle-like line to stays a heading', () => {
    assertIdempotent(
      '扎实推进各项工作\n一、总体要求。坚持，\n在全县工作会议上的讲话\n一、主要任务',
      '扎实推进各项工作\n一、总体要求。坚持，在全县工作会议上的讲话\n二、主要任务',
    );
  });

  test('a break held back for a heading number is joined once the line after it is joined too', () => {
    // Found by a property over parentheses, list markers and ads: `2⏎、` alone would open with
    // heading 2, but `、` is joined to `1)`, and `2、1)` opens with none.
    assertIdempotent('注\r\n2\r\n、\n1)', '注\r\n2、1)');
  });

  test('ads in a row at a line’s end all end its words', () => {
    assertIdempotent(
      '同志们：\n要团结一心，更多资料+微信:abc\u200b更多资料+微信:xyz全市上下要团结一心狠抓工作落实务求实效确保各项任务落到实处真正见到成效\n一是提高站位；二是狠抓落实；',
      '同志们：\n要团结一心，一是提高站位；二是狠抓落实；',
    );
  });

  test('an ad holding an ignored phrase stays, and so is read as text', () => {
    assertIdempotent(
      '同志们：\n狠抓工作落实……………下载文档请,XX同志，',
      '同志们：\n狠抓工作落实……………下载文档请，XX同志，',
      { ignoredPhrases: ['XX'] },
    );
  });

  test('an ad that would run over an ignored phrase ends where its own words do', () => {
    // Run to the end, the ad would hold ZZ; its words alone (with the X of its account id, which
    // fix-all would otherwise restore and so shorten the id) are an ad all the same.
    assertIdempotent(
      '更多资料+微信:X中央99……扎实推进各项工作——————更多资料+微信:ZZ方向的X中央——1)',
      '中央99……扎实推进各项工作——————更多资料+微信：ZZ方向的党中央——1)',
      { ignoredPhrases: ['/ZZ.{0,2}/'] },
    );
  });
});

describe('fix-all is idempotent: half-width marks are judged as the fixed text reads', () => {
  test('a censorship placeholder glued to Chinese is Chinese', () => {
    assertIdempotent(',X中央', '，党中央');
    assertIdempotent('全X,', '全党，');
  });

  test('marks side by side are converted together', () => {
    assertIdempotent('一、。,,', '一、。，，');
    assertIdempotent('Hello下载文档请,,8:30', 'Hello下载文档请，，8:30');
    assertIdempotent('(一),', '（一），');
  });

  test('an ad between a mark and its neighbour is looked past', () => {
    assertIdempotent('，更多资料+微信:abc1238:30！Hello', '，：30！Hello');
  });

  test('a residue line between two lines is looked past', () => {
    assertIdempotent(', \n- 5 -\n（2018年8月8日）', '，（2018年8月8日）');
  });

  test('an invisible character before `a)` does not make it a list marker', () => {
    assertIdempotent('一、。*\ufeffa)今天召开全市工作会议', '一、。*a）今天召开全市工作会议');
  });

  test('a parenthesis pairs with one on the line fix-all joins to it', () => {
    assertIdempotent('（最后，\na)Hello', '（最后，a）Hello');
    assertIdempotent('一、。(,\n1)“', '一、。（，1）“');
  });

  test('a parenthesis at a line’s start looks past it, as fix-all may join the lines', () => {
    assertIdempotent(
      '一是今天召开全市工作会议；二是今天召开全市工作会议，\n(）😀',
      '一是今天召开全市工作会议；二是今天召开全市工作会议，（）😀',
    );
    assertIdempotent('一、。,\n(G\u200bCD)今天召开全市工作会议', '一、。，（GCD）今天召开全市工作会议');
    assertIdempotent('XX同志\n（Hello\n)，', 'XX同志\n（Hello），');
  });

  test('a pair across joined lines holds the words after an ad that opens a line of the run', () => {
    assertIdempotent(
      '（今天召开全市工作会议，\n关注公众号xyz é(一是\n）.',
      '（今天召开全市工作会议，é（一是）。',
    );
    assertIdempotent(
      '一、\n(XX同志\n关注公众号xyz,é(一是,\n）.今天召开全市工作会议',
      '一、\n（XX同志，é（一是，）。今天召开全市工作会议',
    );
  });

  test('a pair across joined lines reads the mark past them as it is judged', () => {
    assertIdempotent('同志们：\n要做到----(\n）\n,2025', '同志们：\n要做到----（）\n，2025');
  });

  test('a placeholder beside a mark is glued to the Han character past an ad', () => {
    assertIdempotent(',\nQ 更多资料+微信:abc众要团结一心。', '，群众要团结一心。', {
      placeholderMappings: { Q: '群' },
    });
  });

  test('what lies past a line edge, which fix-all may change, never makes a mark Latin text', () => {
    // Found by the property at a random seed: with the residue line there, the line past the edge
    // opens with `Hello`, and `a)` read as Latin text; once it is gone, a blank line lies there.
    assertIdempotent(
      '一、今天召开全市工作会议a)\n正文复制\n\nHello今天召开全市工作会议',
      '一、今天召开全市工作会议a）\n\nHello今天召开全市工作会议',
    );
    assertIdempotent(
      '今天召开全市工作会议a)\n\n正文复制\nHello，更多资料+微信:abc123',
      '今天召开全市工作会议a）\n\nHello，',
    );
    assertIdempotent(
      '一、。今天召开全市工作会议Hello\n:\nXX同志 ',
      '一、。今天召开全市工作会议Hello：\nXX同志 ',
    );
  });

  test('a parenthesis pairs as it will once fix-all has joined the lines', () => {
    // Found by the property at a random seed: `1)` closed `(` on its own line, but once the line
    // below was joined a `)` followed, and the list marker was passed over for it. Now it is passed
    // over on either reading: `(` pairs with the closer after it, and the pair is Chinese.
    assertIdempotent('一、Hello(。1)://\n)今天召开全市工作会议', '一、Hello（。1)://）今天召开全市工作会议');
    assertIdempotent('一、。(\n,a)8:30），', '一、。（，a)8:30），');
  });

  test('a list marker’s `)` after another marker is a closer after it, whatever its width', () => {
    // Found by a property over parentheses and list markers: the second `a)` closed `（` and
    // became `a）`, a closer after the first `a)`, which then closed nothing.
    assertIdempotent('(！a)（（:a)（', '（！a)（（：a）（');
  });

  test('brackets around an ad go with it only where nothing is glued together once they are gone', () => {
    // A blank inside the bracket, which fix-all takes with a half-width one.
    assertIdempotent('(　关注公众号xyz（', '');
    // A word or a list marker right after the bracket would be glued to what stood before it.
    assertIdempotent('{ 【关注公众号：abc】1)?“', '{ 【】1）？“');
    assertIdempotent('会议1)Hello(加V:abc)Hello今天开会。', '会议1)Hello（）Hello今天开会。');
    // A parenthesis fix-all makes full-width still closes the one before the ad.
    assertIdempotent('ZZ。(加V:abc)', 'ZZ。(加V:abc）', { ignoredPhrases: ['/ZZ.{0,2}/'] });
  });

  test('a parenthesis around an ad goes with it and pairs with nothing', () => {
    assertIdempotent(
      '同志们：\n坚持：\n（更多资料+微信:abc）\n，1)狠抓工作落实',
      '同志们：\n坚持：\n，1)狠抓工作落实',
    );
    assertIdempotent(
      '同志们：\n坚持：\n（更多资料+微信:abc\n，1)狠抓工作落实',
      '同志们：\n坚持：\n，1)狠抓工作落实',
    );
  });
});

describe('fix-all is idempotent: ads are found in the text as fix-all leaves it', () => {
  test('an opener whose tail read as a sentence until the ad after it went', () => {
    assertIdempotent('扫码关注,。更多资料+微信:abc123', '');
    assertIdempotent(
      '一、。扫码关注今天召开全市工作会议更多资料+微信:abc123今天召开全市工作会议😀8:30',
      '一、。',
    );
  });

  test('an invisible character after an opener does not make its tail a sentence', () => {
    assertIdempotent('扫码关注。\u200b', '');
  });

  test('with the watermark rule off, an ad stays and is read as any other text', () => {
    const settings = { rules: { watermark: 'off' } } as const;
    assertIdempotent(
      '全面从严治X更多资料+微信:abc123X中央？',
      '全面从严治党更多资料+微信：abc123X中央？',
      settings,
    );
    assertIdempotent(
      '同志们：\n全市上下团结一心\n😀……………更多精品,',
      '同志们：\n全市上下团结一心\n😀……………更多精品，',
      settings,
    );
  });

  test('with broken-line off, no line is joined: a parenthesis across residue pairs with nothing', () => {
    // Found by a sweep with random settings: `(` was left for the `1)` below the page footers, as if
    // broken-line would join them; with it off the blank line between stays, and a second run
    // made `(` full-width.
    const settings = { rules: { 'broken-line': 'off' } } as const;
    assertIdempotent('(，\n- 5 -\n\n- 5 -\n1)\r\n', '（，\n\n1)\r\n', settings);
  });

  test('with the watermark rule off, a break is joined whatever ad the joined line would show', () => {
    // `加微信X` read as an ad's account id made the joined line end in an ad, so the break was
    // held; fix-all restores X to 党, after which the ad's tail is too long and a second run joined.
    assertIdempotent(
      '一是\n!加微信X中央下载文档请今天召开全市工作会议全市上下团结一心(二)𠮷经济运行稳中有进zz',
      '一是！加微信党中央下载文档请今天召开全市工作会议全市上下团结一心（二）𠮷经济运行稳中有进zz',
      { rules: { watermark: 'off' } },
    );
  });

  test('an account id glued to Chinese is read as the words after the ad, as once restored', () => {
    // `加微信ZZ` took ZZ for the account id: the 39 characters after it on the joined line were
    // short enough for an ad's tail, so the break was held; restored to 政治, the same words made
    // 41 and a second fix-all joined the lines.
    assertIdempotent(
      '今天召开会议。\n加微信ZZ方向\n，主要任务是总结成绩部署工作全面加强各项工作推动发展再，QQ群123456',
      '今天召开会议。\n加微信政治方向，主要任务是总结成绩部署工作全面加强各项工作推动发展再，QQ群123456',
    );
    assertIdempotent(
      '（2018年8月8日）\n加微信ZZ方向\n』主要任务是总结成绩、部署工作,，QQ群123456，0---- X中央“',
      '（2018年8月8日）\n加微信政治方向\n』主要任务是总结成绩、部署工作，，QQ群123456，0---- 党中央“',
    );
    // With X as its account id, `加微信X` and the 40 characters after it made one ad, which ran
    // over the ignored 党中央 and so was no ad, the ad inside it with it; restored to 党, the words
    // after `加微信` were 41, and a second fix-all found the ad inside and removed it.
    assertIdempotent(
      '加微信X中央更多资料+微信:abc123是----今天召开全市工作会议,\u2028党中央决策部署',
      '加微信党中央是----今天召开全市工作会议，\u2028党中央决策部署',
      { ignoredPhrases: ['党中央'] },
    );
  });

  test('a joiner before a blank that fix-all removes with a cut mark goes in the same run', () => {
    assertIdempotent('一、。😀\u200C\u2028----', '一、。😀');
  });

  test('a break before a line that opens with a heading number is left to the person', () => {
    // Joined to `最后，`, the line lost its `1.`, and a second fix-all renumbered `2．` to 1.
    assertIdempotent(
      '最后，\n1.更多资料+微信:abc123今天召开全市工作会议更多资料+微信:abc123今天召开全市工作会议今天召开全市工作会议一是更多资料加微信更多资料加微信下载文档请\n2．XX同志',
      '最后，\n1.今天召开全市工作会议今天召开全市工作会议今天召开全市工作会议一是更多资料加微信更多资料加微信下载文档请\n2．XX同志',
    );
  });

  test('a cut mark at the end is no part of an ad’s tail', () => {
    assertIdempotent('同志们：\n各项工作稳步推进。更多精品？----', '同志们：\n各项工作稳步推进。');
    assertIdempotent(
      '同志们：\n各项工作稳步推进。下载文档请,X中央部署全市上下团结一心狠抓工作落实务求实效----iPhone ......',
      '同志们：\n各项工作稳步推进。',
    );
  });

  test('a line break whose join would show an ad is left to the person', () => {
    assertIdempotent('的加微信\n：，', '的加微信\n：，');
    assertIdempotent(
      'QQ群123456今天召开全市工作会议，\n“更多精品8:30',
      'QQ群123456今天召开全市工作会议，\n“更多精品8:30',
    );
    // Removing the ad would have left the line before the last to be joined by a second fix-all.
    assertIdempotent(
      '同志们：\n全市上下团结一心关注公众号\n：\n，狠抓工作落实。',
      '同志们：\n全市上下团结一心关注公众号\n：\n，狠抓工作落实。',
    );
  });

  test('lines joined into one are looked at whole for the ads they show', () => {
    assertIdempotent('同志们：\n加微信第一，\n,\n😀下载文档请', '同志们：\n加微信第一，，\n😀下载文档请');
    // The break held back after 第二， is joined once the line after it has grown.
    assertIdempotent(
      '同志们：\n关注公众号xyz第二，\n----加微信\n?“ ',
      '同志们：\n关注公众号xyz第二，----加微信？“ ',
    );
    // Blanks that end up at the end of the joined line, once the marker line is gone, do not make
    // an ad's tail too long to run to the end.
    assertIdempotent(
      '同志们：\n更多精品8:30全市上下要团结一心狠抓工作落实，请加入QQ群，\n一是提高站位；二是抓落实，\n----\n   ',
      '同志们：\n更多精品8:30全市上下要团结一心狠抓工作落实，请加入QQ群，\n一是提高站位；二是抓落实，   ',
      { ignoredPhrases: ['QQ'] },
    );
  });
});

describe('fix-all is idempotent: placeholders', () => {
  test('a half-width mark bounds a placeholder as its full-width form does', () => {
    assertIdempotent(',ZF今天召开全市工作会议，', '，政府今天召开全市工作会议，');
  });

  test('an ad between a placeholder and Chinese is looked past', () => {
    assertIdempotent('GCD 更多资料+微信:abc123今天召开全市工作会议！', '共产党今天召开全市工作会议！');
  });

  test('what fix-all restores elsewhere counts as evidence', () => {
    assertIdempotent(
      '一、我们要提高站位x\nZZ站位X中央更多资料+微信:abc123',
      '一、我们要提高站位党\n政治站位党中央',
    );
    assertIdempotent(
      'X党中央决策部署e\u0301\nGCD党中央决策部署',
      '党党中央决策部署e\u0301\n共产党党中央决策部署',
    );
  });

  test('evidence is read past invisible characters', () => {
    assertIdempotent('X全面从严治党\u200b全面从严治党', '党全面从严治党全面从严治党');
  });

  test('evidence is read past ads', () => {
    assertIdempotent(
      '做好宣传工作x，X中央有要求\n各部门工作更多资料+微信:abc党中央决策部署。',
      '做好宣传工作党，党中央有要求\n各部门工作党中央决策部署。',
    );
  });

  test('evidence is read beside the placeholders fix-all restores', () => {
    assertIdempotent(
      '坚持从严治X党中央决策部署\n全面从严治党X坚定不移',
      '坚持从严治党党中央决策部署\n全面从严治党党坚定不移',
    );
  });

  test('a placeholder beside one that fix-all restores reads it restored', () => {
    assertIdempotent('县X委ZF-2号文件', '县党委政府-2号文件');
    assertIdempotent('X和ZF共同推动。', '党和政府共同推动。');
  });
});

describe('fix-all is idempotent: line breaks and truncation markers', () => {
  test('an invisible character before a continuation mark does not hide it', () => {
    assertIdempotent(
      '一、。今天召开全市工作会议\n\u200b，今天召开全市工作会议',
      '一、。今天召开全市工作会议，今天召开全市工作会议',
    );
  });

  test('a line of invisible characters between CR and LF is no paragraph break', () => {
    assertIdempotent(
      '一、。，\r\u200b\n一是今天召开全市工作会议；二是今天召开全市工作会议；',
      '一、。，一是今天召开全市工作会议；二是今天召开全市工作会议；',
    );
  });

  test('markers in a row, on the last lines or split by an invisible character, all go', () => {
    assertIdempotent('一、。----____', '一、。');
    assertIdempotent('一、\n----\n----', '一、\n');
    assertIdempotent('一、。——\u200b——', '一、。');
  });

  test('a join that would make the line a numbered heading is left to the person', () => {
    assertIdempotent('全市上下团结一心。\n3\n.加强队伍建设', '全市上下团结一心。\n3\n.加强队伍建设');
    // Joined to the line before it, `3` no longer opens a line.
    assertIdempotent(
      '同志们：\n全市上下要团结一心，\n3\n.加强队伍建设',
      '同志们：\n全市上下要团结一心，3.加强队伍建设',
    );
  });

  test('a marker split by an ad on the last line is found', () => {
    assertIdempotent(
      '同志们：\n——更多资料+微信:abc——更多资料+微信:xyz全市上下要团结一心狠抓工作落实务求实效，确保各项任务落到实处',
      '同志们：',
    );
  });

  test('an ignored phrase on a last line keeps its removal out, whatever the line before', () => {
    const settings = { watermarkPhrases: ['Hello', '正文'], ignoredPhrases: ['Hello'] };
    assertIdempotent('正文\nHello', 'Hello', settings);
  });
});

describe('fix-all is idempotent: invisible characters', () => {
  test('a joiner beside an ad is judged by what lies past the ad', () => {
    assertIdempotent('同志们好👍🏽\u200d\u00a0更多资料+微信:abc', '同志们好👍🏽');
    assertIdempotent('\u200b加微信\u200d\u2028狠抓工作落实', '\u2028狠抓工作落实');
  });
});

describe('fix-all is idempotent: a dot that becomes a full stop', () => {
  // Found by the property tests the day `halfwidth-punctuation` learned to make a dot `。`: what
  // follows an ad read as one sentence running on only once the dot was a full stop.
  test('an ad followed by a dot for a full stop is no ad, before the dot becomes 。 or after', () => {
    assertIdempotent(
      '.\u200B\n加微信𠮷.今天召开全市工作会议XX同志\n，更多资料加微信,',
      '.\n加微信𠮷。今天召开全市工作会议XX同志，更多资料加微信，',
    );
    assertIdempotent(
      '一、。扫码关注X中央\n.今天召开全市工作会议,',
      '一、。扫码关注X中央。今天召开全市工作会议，',
      { ignoredPhrases: ['/[A-Z]+/'] },
    );
  });

  test('a cut mark after the dot is looked past: truncated removes it', () => {
    assertIdempotent('一、\n今天召开全市工作会议.----', '一、\n今天召开全市工作会议。');
  });

  test('a Latin word after the dot ties it, even a template slot glued to Chinese', () => {
    assertIdempotent('从严治X.XX同志', '从严治党.XX同志');
  });

  test('a dot before a placeholder ends a sentence, before the placeholder is restored and after', () => {
    // A heading ran on into its paragraph only once the dot was a full stop, or the letter Chinese.
    assertIdempotent('1.附件.X今天召开全市工作会议\n)（', '1.附件。X今天召开全市工作会议）（');
    assertIdempotent('一、.X中央\n，\u200B', '一、.党中央，');
  });

  test('an address in an ad is no sentence going on: the ad stays an ad', () => {
    assertIdempotent('今天开会。更多资料请访问www.xxx.com', '今天开会。');
    assertIdempotent('今天开会。更多资料+微信:abc.com', '今天开会。');
  });
});

describe('fix-all is idempotent: the spaces a half-width mark takes with it are read as gone', () => {
  test('an ad after a closer after a mark follows a finished sentence, spaces between or not', () => {
    assertIdempotent('! ”关注公众号xyz更多资料+微信:abc123一、', '！”');
  });

  test('a list marker after a closer that took the space before it stays one', () => {
    assertIdempotent('谢谢大家！\n) 1)今天召开全市工作会议', '谢谢大家！\n）1)今天召开全市工作会议');
    assertIdempotent('正文复制)\u30001)（', '正文复制）1)（');
  });

  test('a list marker after a straight quote stays one whichever quote it becomes', () => {
    assertIdempotent('"a)中央"', '“a)中央”');
  });

  test('spaces between a mark and a mark after it stay: they would make a doubled mark', () => {
    assertIdempotent('é\u200B\n，  ,86\n,Hello', 'é\n，  ，86,Hello');
  });

  test('spaces between two half-width marks are taken by the first', () => {
    assertIdempotent('今天召开全市工作会议a) )X中央更多资料+微信:abc123', '今天召开全市工作会议a））党中央');
    assertIdempotent('\n)\u3000(（', '\n）（（');
  });

  test('the limits that decide what a line is count no spaces: fix-all takes some away', () => {
    // An ad's tail 41 long with the two spaces after the comma, 39 without: the line was no ad
    // until fix-all had made the comma full-width.
    assertIdempotent('更多资料加微信SP3全市上下团结一心扎实推进各项工作𠮷X中央,  全市上下团结一心----😀', '');
    // A second title line is six characters at least: `中央a) （` was one until its space went.
    assertIdempotent('（\r\n中央a) （\n)', '（\r\n中央a）（）');
  });

  test('an opener keeps the spaces before a list marker after it', () => {
    assertIdempotent('（( 12)12)', '（（ 12)12）');
  });
});
