import { promises as fs } from "fs";
import { Profile } from "../core/rules/profile";
import { getBuiltInProfile } from "../core/rules/profiles";
import { parseProfile } from "../core/rules/parseProfile";

/** A --profile naming a file rather than a built-in profile. */
export const isProfileFile = (idOrFile: string) => idOrFile.toLowerCase().endsWith(".json");

/** A built-in profile by id, or a profile file (.json) validated on load. */
export async function loadProfile(idOrFile: string): Promise<Profile> {
  if (!isProfileFile(idOrFile)) return getBuiltInProfile(idOrFile);
  let text: string;
  try {
    text = await fs.readFile(idOrFile, "utf8");
  } catch {
    throw new Error(`找不到评分规则文件 ${idOrFile}`);
  }
  return parseProfile(text, `评分规则文件 ${idOrFile} `);
}
