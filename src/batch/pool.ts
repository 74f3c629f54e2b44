/**
 * A fixed number of worker threads, each taking one job at a time from a shared queue. Workers
 * start when there is work for them and live until `close()`, so what they load stays warm
 * from one job to the next (and, in watch mode, from one rebuild to the next).
 *
 * A worker that dies (an uncaught error, running out of memory) fails only the job it held:
 * that job's promise rejects with a `WorkerCrash`, and a fresh worker takes the rest of the queue.
 */
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';

/**
 * node:worker_threads, loaded when the first worker starts rather than on import: the command's
 * start-up snapshot (src/snapshot.ts) is made after importing this file, and Node's worker
 * module loaded into a snapshot leaves the workers started from it without their shared working
 * directory counter (each one's first process.cwd() throws). Node 20 has no synchronous import.
 */
function workerClass(): typeof Worker {
  return (createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')).Worker;
}

export class WorkerCrash extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrash';
  }
}

interface Task<Job, Outcome> {
  id: number;
  job: Job;
  onStart: (() => void) | undefined;
  resolve: (outcome: Outcome) => void;
  reject: (error: Error) => void;
}

interface Slot<Job, Outcome> {
  worker: Worker;
  task?: Task<Job, Outcome>;
  /** The error that is ending this worker, for the message of the job it held. */
  error?: Error;
}

export class WorkerPool<Job, Outcome> {
  private readonly slots = new Set<Slot<Job, Outcome>>();
  private readonly queue: Task<Job, Outcome>[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly script: URL,
    readonly size: number,
  ) {
    if (!(size >= 1)) throw new Error(`a worker pool needs at least one worker, not ${size}`);
  }

  /** Runs `job` on the next free worker; `onStart` is called when a worker takes it. */
  run(job: Job, onStart?: () => void): Promise<Outcome> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, onStart, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; jobs still queued or running reject. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('the build was stopped'));
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = [...this.slots].find((candidate) => !candidate.task);
      if (!slot) {
        if (this.slots.size >= this.size) return;
        slot = this.start();
      }
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, job: task.job });
      task.onStart?.();
    }
  }

  private start(): Slot<Job, Outcome> {
    const worker = new (workerClass())(this.script);
    const slot: Slot<Job, Outcome> = { worker };
    this.slots.add(slot);
    worker.on('message', (message: { id: number; outcome: Outcome }) => {
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      slot.task = undefined;
      task.resolve(message.outcome);
      this.dispatch();
    });
    worker.on('error', (error) => {
      slot.error = error;
    });
    worker.on('exit', (code) => {
      this.slots.delete(slot);
      const task = slot.task;
      slot.task = undefined;
      if (task) {
        const why = slot.error ? `${slot.error.name}: ${slot.error.message}` : `exit code ${code}`;
        task.reject(this.closed ? new Error('the build was stopped') : new WorkerCrash(`the worker building it stopped (${why})`));
      }
      // Its replacement starts when the queue next has work for it.
      if (!this.closed) this.dispatch();
    });
    return slot;
  }
}
