/** Hands bytes to the browser as a download: nothing is sent anywhere, the file is made from memory. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function download(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled; a minute's grace for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
