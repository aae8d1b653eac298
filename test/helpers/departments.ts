import { exampleWorkbook } from "../../scripts/examples/writeWorkbook";
import { departmentVariant, VariantKind } from "../../scripts/examples/departmentVariants";

/** The .xlsx bytes of the n-th generated department (see departmentVariant). */
export async function departmentBytes(n: number, kind?: VariantKind): Promise<Buffer> {
  return Buffer.from(await exampleWorkbook(departmentVariant(n, kind)).xlsx.writeBuffer());
}
