import defaultProfile from "./profiles/default.json";
import { Profile } from "./profile";
import { validateProfile } from "./validateProfile";

/** The profiles shipped with ziping; a city's own template comes as a JSON file (`--profile file.json`). */
export const BUILT_IN_PROFILES: Profile[] = [validateProfile(defaultProfile, "内置规则 default")];

export function getBuiltInProfile(id: string): Profile {
  const found = BUILT_IN_PROFILES.find((p) => p.id === id);
  if (!found) {
    const known = BUILT_IN_PROFILES.map((p) => p.id).join("、");
    throw new Error(`没有名为“${id}”的内置评分规则（可用：${known}），也可以给出规则文件 .json 的路径`);
  }
  return found;
}
