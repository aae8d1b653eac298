import { main } from "../../src/cli/ziping";

/** Runs the `ziping` command in-process, capturing what it prints. */
export async function ziping(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
