/**
 * commander's own words in Chinese: the headings and terms of its help, and its usage errors. Its English error text
 * is never shown; the error's code says what went wrong, and the quoted name in its message says where.
 */
import type { CommanderError, HelpConfiguration } from "commander";

const HEADINGS: Record<string, string> = {
  "Usage:": "用法：",
  "Arguments:": "参数：",
  "Options:": "选项：",
  "Global Options:": "全局选项：",
  "Commands:": "命令：",
};

/** Characters a terminal draws two columns wide: CJK ideographs, kana, hangul and full-width forms. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns `text` takes in a terminal (help is never coloured here), so help lines up around Chinese terms. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

export const CHINESE_HELP: HelpConfiguration = {
  styleTitle: (title) => HEADINGS[title] ?? title,
  displayWidth,
  // commander's own term spells out "[options]"; the command's usage line (set in Chinese) says the same.
  subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`,
  // As in the usage line: <required> or [optional], rather than the bare name.
  argumentTerm: (argument) => (argument.required ? `<${argument.name()}>` : `[${argument.name()}]`),
};

/** A usage error (exit code 2) in Chinese. */
export function usageErrorText(e: CommanderError): string {
  const name = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  const suggestion = /Did you mean (\S+?)\?/.exec(e.message)?.[1];
  switch (e.code) {
    case "commander.missingArgument":
      return `缺少参数 ${name}`;
    case "commander.unknownOption":
      return `不认识的选项 ${name}${suggestion ? `（是否想输入 ${suggestion}？）` : ""}`;
    case "commander.unknownCommand":
      return `不认识的命令 ${name}（可用命令：score、batch）${suggestion ? `（是否想输入 ${suggestion}？）` : ""}`;
    case "commander.optionMissingArgument":
      return `选项 ${name} 缺少取值`;
    case "commander.excessArguments":
      return "参数过多：score 一次评分一个文件，batch 一次评分一个文件夹";
    default:
      return "命令行有误";
  }
}
