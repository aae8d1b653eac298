import { Profile } from "./profile";
/** STUB — being written: the built-in profiles. */
export const BUILT_IN_PROFILES: Profile[] = [{ id: "default", name: "默认规则" }];
export function getBuiltInProfile(id: string): Profile {
  const p = BUILT_IN_PROFILES.find((x) => x.id === id);
  if (!p) throw new Error(`没有名为“${id}”的内置评分规则`);
  return p;
}
