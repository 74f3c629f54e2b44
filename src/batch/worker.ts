/**
 * A worker thread of the build pool. It loads the pipeline once (fonts, shaping caches and map
 * data then stay warm) and builds one brief per message: `{ id, job }` in, `{ id, outcome }` out.
 * Anything that escapes `renderJob` ends the thread; the pool reports that brief as failed and
 * starts a new worker.
 */
import { parentPort } from 'node:worker_threads';
import type { RenderJob } from './job.js';
import { renderJob } from './render-job.js';

if (!parentPort) throw new Error('offprint: batch/worker.js runs only as a worker thread');
const port = parentPort;

port.on('message', (message: { id: number; job: RenderJob }) => {
  void renderJob(message.job).then((outcome) => port.postMessage({ id: message.id, outcome }));
});
