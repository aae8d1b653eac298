/** Why a file could not be read from the disk, in words an officer can act on. */

const READ_REASONS: Record<string, string> = {
  EISDIR: "这是一个文件夹，不是 .xlsx 文件",
  EACCES: "没有读取权限",
  EPERM: "没有读取权限",
  EBUSY: "文件正被其他程序占用",
  ELOOP: "符号链接循环，找不到文件本身",
};

/** Why the file could not be read from the disk. */
export function readFailure(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  if (code === "ENOENT" || code === "ENOTDIR") return `找不到文件 ${file}`;
  return `无法读取 ${file}：${READ_REASONS[code] ?? `系统错误 ${code || String(e)}`}`;
}
