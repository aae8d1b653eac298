import { Profile } from "./profile";
import { validateProfile } from "./validateProfile";

/**
 * A rules file's text as a checked profile, wherever the text comes from (a file named to the command line, a file
 * chosen on the web page). `label` names it in messages ("评分规则文件 我市规则.json "). Throws Error in Chinese.
 */
export function parseProfile(text: string, label: string): Profile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new Error(`${label}不是有效的 JSON：${(e as Error).message}`);
  }
  return validateProfile(data, label);
}
