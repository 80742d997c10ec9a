// Whether a plain-text file is a Chinese speech transcript. The client uses it to switch `.txt`
// files to the speech language, the server and CLI to pick transcripts out of a folder.
const SAMPLE = 4096;
const MIN_HAN_SHARE = 0.5;
const MIN_HAN = 40;
const han = /\p{Script=Han}/gu;
const speechMarkers =
  /同志们|讲话|发言|报告|会议|工作|[一二三四五六七八九十]、|（[一二三四五六七八九十]）|[一二三四]是|谢谢大家|同志/;

export function looksLikeSpeech(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  if (sample.includes('\u0000')) return false;
  const visible = sample.replace(/\s/g, '').length;
  const hanCount = sample.match(han)?.length ?? 0;
  return (
    hanCount >= MIN_HAN && hanCount / Math.max(visible, 1) >= MIN_HAN_SHARE && speechMarkers.test(sample)
  );
}
