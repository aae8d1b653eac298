/**
 * The page's side of the scoring: jobs go to the worker named in web.html. Where the browser will not start a worker
 * (Chrome refuses one to a page opened from a file, file://), or the worker fails to load, the same jobs run in the
 * page itself: slower to respond while a workbook is read, but everything still works.
 */
import type { Answer, Job } from "./jobs";

export type Where = "worker" | "page";

export interface Scorer {
  run(job: Job): Promise<Answer>;
  /** Where the jobs run now, for the page to say. */
  where(): Where;
}

function workerUrl(): string | null {
  const name = document.querySelector<HTMLMetaElement>('meta[name="ziping-worker"]')?.content;
  return name ? new URL(name, document.baseURI).href : null;
}

function startWorker(): Worker | null {
  const url = workerUrl();
  if (url === null) return null;
  try {
    return new Worker(url);
  } catch {
    return null; // SecurityError: a page from file:// may not start workers
  }
}

/** In the page: the scoring code is a chunk of its own, fetched only when it is needed. */
async function runInPage(job: Job): Promise<Answer> {
  const { runJob } = await import(/* webpackChunkName: "scoring-in-page" */ "./scoreJobs");
  return runJob(job);
}

/** One job at a time: the caller awaits each answer before sending the next. */
function runInWorker(worker: Worker, job: Job): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.onmessage = null;
      worker.onerror = null;
    };
    worker.onmessage = (event: MessageEvent<Answer>) => {
      done();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      done();
      event.preventDefault();
      reject(new Error(event.message));
    };
    worker.postMessage(job);
  });
}

export function createScorer(): Scorer {
  let worker = startWorker();
  return {
    where: () => (worker === null ? "page" : "worker"),
    async run(job) {
      if (worker === null) return runInPage(job);
      try {
        return await runInWorker(worker, job);
      } catch {
        // The worker could not load or died: this job and the rest run in the page.
        worker.terminate();
        worker = null;
        return runInPage(job);
      }
    },
  };
}
