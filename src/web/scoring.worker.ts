/**
 * The web page's scoring worker, so that the page stays responsive while ExcelJS reads and writes. The page sends
 * one job at a time and waits for its answer.
 */
import { runJob } from "./scoreJobs";
import type { Job } from "./jobs";

self.onmessage = async (event: MessageEvent<Job>) => {
  self.postMessage(await runJob(event.data));
};
