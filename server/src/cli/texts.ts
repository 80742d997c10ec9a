// What the CLI itself says, in both languages; the findings' messages come from the core's rules.
import { format, type Locale } from '../core';

export const TEXTS = {
  /** Between the items of a list such as `warning 121, information 3`. */
  listSeparator: { en: ', ', 'zh-cn': '，' },
  usage: {
    en: `Usage: speech-tidy <command> [options] [paths…]

Commands:
  check [paths…]    report findings (default path: .)
  fix [paths…]      apply fix-all in place; "-" reads stdin and writes stdout
  outline <file>    print the structure tree

Options:
  --format <f>        text (default), json, or sarif (check only)
  --max-severity <s>  exit with 1 on findings at or above: error, warning, information, hint (default)
  --dry-run           fix: print a diff instead of writing
  --rule <id>         fix: apply the safe fixes of this rule only, also of one fix-all leaves out
  --locale <l>        message language: en or zh-cn (default: from LC_ALL, LC_MESSAGES, LANG)
  -j, --jobs <n>      threads that analyse files (default: one per CPU)
  --color, --no-color force or suppress colours
  -h, --help          show this help
  -v, --version       show the version

Folders expand to *.speech files and to *.txt files that look like speech transcripts,
skipping what .gitignore lists. The nearest .speech-tidy.json configures each file.
Exit codes: 0 clean, 1 findings at or above --max-severity, 2 usage or I/O error.`,
    'zh-cn': `用法：speech-tidy <命令> [选项] [路径…]

命令：
  check [路径…]     检查并列出问题（默认路径：.）
  fix [路径…]       直接在原文件上执行全部修复；路径为 "-" 时从标准输入读取、向标准输出写出
  outline <文件>    显示文稿的结构树

选项：
  --format <f>        输出格式：text（默认）、json 或 sarif（仅限 check）
  --max-severity <s>  有该级别及以上的问题时退出码为 1：error、warning、information、hint（默认）
  --dry-run           仅限 fix：只显示差异，不写入文件
  --rule <id>         仅限 fix：只应用这条规则的安全修复，全部修复不包含的规则也可以
  --locale <l>        提示语言：en 或 zh-cn（默认依次取自 LC_ALL、LC_MESSAGES、LANG）
  -j, --jobs <n>      分析文件的线程数（默认每个 CPU 一个）
  --color, --no-color 强制使用或关闭彩色输出
  -h, --help          显示本帮助
  -v, --version       显示版本号

指定文件夹时，处理其中的 *.speech 文件和内容像讲话稿的 *.txt 文件，跳过 .gitignore 中列出的文件。
每个文件按离它最近的 .speech-tidy.json 配置。
退出码：0 表示没有问题；1 表示有达到 --max-severity 级别的问题；2 表示用法错误或读写错误。`,
  },
  usageError: { en: 'speech-tidy: {message}', 'zh-cn': 'speech-tidy：{message}' },
  seeHelp: { en: 'Run "speech-tidy --help" for usage.', 'zh-cn': '运行 "speech-tidy --help" 查看用法。' },
  unknownCommand: { en: 'unknown command "{command}"', 'zh-cn': '未知命令“{command}”' },
  noCommand: { en: 'no command given', 'zh-cn': '未指定命令' },
  badOption: { en: '{option} must be one of {values}', 'zh-cn': '{option} 的取值只能是：{values}' },
  badJobs: { en: '--jobs must be a whole number from 1 to 64', 'zh-cn': '--jobs 必须是 1 到 64 之间的整数' },
  outlineOneFile: { en: 'outline takes exactly one file', 'zh-cn': 'outline 只能指定一个文件' },
  sarifOnlyCheck: { en: '--format sarif is for check only', 'zh-cn': '--format sarif 只能用于 check' },
  dryRunOnlyFix: { en: '--dry-run is for fix only', 'zh-cn': '--dry-run 只能用于 fix' },
  ruleOnlyFix: { en: '--rule is for fix only', 'zh-cn': '--rule 只能用于 fix' },
  stdinOnce: { en: '"-" (standard input) can be given only once', 'zh-cn': '"-"（标准输入）只能指定一次' },
  stdinAlone: {
    en: '"-" (standard input) cannot be combined with other paths',
    'zh-cn': '"-"（标准输入）不能与其他路径同时使用',
  },
  stdinFixText: {
    en: '"fix -" writes the fixed text to stdout; --format json needs --dry-run there',
    'zh-cn': '"fix -" 会把修复后的文本写到标准输出，此时使用 --format json 必须同时指定 --dry-run',
  },
  notFound: { en: 'no such file or folder', 'zh-cn': '文件或文件夹不存在' },
  permission: { en: 'permission denied', 'zh-cn': '没有访问权限' },
  notAFile: { en: 'not a regular file', 'zh-cn': '不是普通文件' },
  tooLarge: {
    en: 'not processed: at {size} MB it is larger than the limit of {limit} MB',
    'zh-cn': '未处理：文件大小 {size} MB，超过了 {limit} MB 的上限',
  },
  binary: {
    en: 'not processed: it contains binary data, not text',
    'zh-cn': '未处理：文件含有二进制数据，不是文本文件',
  },
  undecodable: {
    en: 'left untouched: cannot tell its encoding with confidence (UTF-8, UTF-16 with BOM and GB18030 are read)',
    'zh-cn': '未改动：无法确定文件编码（可读取 UTF-8、带 BOM 的 UTF-16 和 GB18030）',
  },
  changedOnDisk: {
    en: 'left untouched: the file changed on disk while it was being fixed',
    'zh-cn': '未改动：修复期间文件已被其他程序修改',
  },
  unencodable: {
    en: 'left untouched: the fixed text cannot be written back as {encoding}',
    'zh-cn': '未改动：修复后的文本无法以 {encoding} 编码写回',
  },
  ioError: { en: 'cannot read or write: {reason}', 'zh-cn': '无法读写：{reason}' },
  configError: {
    en: 'config file not used: {reason}; files under it are not processed',
    'zh-cn': '配置文件无法使用：{reason}；它所在文件夹下的文件均未处理',
  },
  configProblem: { en: 'config: {problem}', 'zh-cn': '配置：{problem}' },
  internalError: { en: 'internal error: {reason}', 'zh-cn': '内部错误：{reason}' },
  noFiles: {
    en: 'No transcripts found (*.speech, or *.txt that looks like a speech).',
    'zh-cn': '未找到讲话稿（*.speech 文件，或内容像讲话稿的 *.txt 文件）。',
  },
  summaryClean: {
    en: '{files} {files|file|files} checked, no problems.',
    'zh-cn': '已检查 {files} 个文件，未发现问题。',
  },
  summaryFindings: {
    en: '{count} {count|problem|problems} ({breakdown}) in {withFindings} of {files} {files|file|files}; {fixable} can be fixed with "speech-tidy fix".',
    'zh-cn':
      '共发现 {count} 处问题（{breakdown}），分布在 {files} 个文件中的 {withFindings} 个；其中 {fixable} 处可用 "speech-tidy fix" 自动修复。',
  },
  summaryFixableByRule: {
    en: '{count} more can be fixed one rule at a time with "speech-tidy fix --rule <rule>" ({rules}).',
    'zh-cn': '另有 {count} 处可用 "speech-tidy fix --rule <规则>" 逐条规则修复（{rules}）。',
  },
  summaryErrors: {
    en: '{count} {count|file|files} could not be processed (see above).',
    'zh-cn': '{count} 个文件无法处理（见上文）。',
  },
  fixedFile: {
    en: 'fixed {count} ({rules}); {left} left',
    'zh-cn': '已修复 {count} 处（{rules}）；还剩 {left} 处',
  },
  fixSummary: {
    en: 'Fixed {count} {count|problem|problems} in {changed} of {files} {files|file|files}; {left} {left|problem|problems} left.',
    'zh-cn': '共修复 {count} 处问题，修改了 {files} 个文件中的 {changed} 个；还剩 {left} 处问题。',
  },
  dryRunSummary: {
    en: 'Would fix {count} {count|problem|problems} in {changed} of {files} {files|file|files}; nothing was written.',
    'zh-cn': '可修复 {count} 处问题，涉及 {files} 个文件中的 {changed} 个；本次未写入任何文件。',
  },
  progress: { en: '{done}/{total} files', 'zh-cn': '{done}/{total} 个文件' },
  noOutline: { en: '(no structure found)', 'zh-cn': '（未发现结构）' },
} as const;

export type TextKey = keyof typeof TEXTS;

export function say(locale: Locale, key: TextKey, args: Record<string, string | number> = {}): string {
  return format(TEXTS[key], locale, args);
}
